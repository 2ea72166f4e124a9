import { Button, Caption1 } from '@fluentui/react-components';
import { CheckmarkRegular } from '@fluentui/react-icons';
import * as React from 'react';
import { NoteField, ValueField } from './ItemFields';
import type { ItemInfo } from './items';
import { useScoringStyles } from './styles';

export interface VerifyItemProps {
  info: ItemInfo;
  /** The unit's value as shown ("4", "1.4.a", "10/01/2025"), '' when blank. */
  selfText: string;
  /** "4 điểm", "= −1 điểm". */
  selfPoints?: string | undefined;
  /** The unit's evidence (K), read-only here. */
  evidence?: string | undefined;
  text: string;
  reason: string;
  message?: string | undefined;
  /** The verified side's points and the difference ("Khối chấm: 3 điểm (chênh −1)"). */
  verifiedPoints?: string | undefined;
  /** The verified value differs from the self value: the reason (L) is required. */
  differs: boolean;
  /** "CAT!L10". */
  reasonCell: string;
  onText(code: string, text: string): void;
  onReason(code: string, reason: string): void;
  onAccept(code: string): void;
}

/** One criterion of the Thẩm định form: the unit's value beside the bloc's (G) and its reason (L). */
export const VerifyItem = React.memo(function VerifyItem(props: VerifyItemProps) {
  const { info, selfText, selfPoints, evidence, text, reason, message, verifiedPoints } = props;
  const { differs, reasonCell, onText, onReason, onAccept } = props;
  const s = useScoringStyles();
  const { row } = info;
  const code = row.code;
  if (row.input === 'none') return null;
  const missingReason = differs && reason.trim() === '';
  return (
    <div className={s.item}>
      <ValueField info={info} text={text} message={message} onText={onText} />
      <div className={s.selfLine}>
        Tự chấm: {selfText === '' ? '(trống)' : selfText}
        {selfPoints ? ` (${selfPoints})` : ''}
        {evidence ? ` · Minh chứng: ${evidence}` : ''}
      </div>
      <div className={s.controlRow}>
        <Button
          size="small"
          icon={<CheckmarkRegular />}
          aria-label={`Chấp nhận mục ${code}`}
          disabled={selfText === ''}
          onClick={() => onAccept(code)}
        >
          Chấp nhận
        </Button>
        {verifiedPoints && <Caption1 className={s.points}>{verifiedPoints}</Caption1>}
      </div>
      {(differs || reason !== '') && (
        <NoteField
          label={`Lý do khối chấm mục ${code}`}
          required={differs}
          problem={
            missingReason
              ? { state: 'error', message: `Khối chấm khác tự chấm: ghi lý do (ô ${reasonCell}).` }
              : undefined
          }
          value={reason}
          onChange={(v) => onReason(code, v)}
        />
      )}
    </div>
  );
});
