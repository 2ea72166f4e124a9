import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { formatDateVi } from '../core';
import type { WorkingCopy } from '../io/browser';

/** "14:05 ngày 03/12/2026", in the user's time zone. */
export function changedAtText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${pad(d.getHours())}:${pad(d.getMinutes())} ngày ${formatDateVi(day)}`;
}

/** The offer, on opening the page, to restore the working copy an earlier visit left unsaved. */
export function RestoreOffer({
  copy,
  onRestore,
  onDiscard,
}: {
  copy: WorkingCopy;
  onRestore(): void;
  onDiscard(): void;
}) {
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="restore-offer">
      <MessageBarBody>
        <MessageBarTitle>Có bản đang làm dở chưa lưu</MessageBarTitle>
        Sổ tính «{copy.name}», thay đổi lần cuối lúc {changedAtText(copy.changedAt)}, được trình
        duyệt giữ lại nhưng chưa lưu vào tệp.
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={onRestore}>
          Khôi phục
        </Button>
        <Button onClick={onDiscard}>Bỏ bản này</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
