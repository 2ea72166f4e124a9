import {
  Badge,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  mergeClasses,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import * as React from 'react';
import { type Finding, type Totals, formatDecimal } from '../../core';
import type { Problem } from './model';
import { useScoringStyles } from './styles';

export interface TotalsColumn {
  /** "Tự chấm", "Khối chấm". */
  label: string;
  totals: Totals;
  /** Prefix of the cells' test ids: `${id}-earned`, `-bonus`, `-penalty`, `-total`. */
  id: string;
}

export interface TotalsPanelProps {
  columns: readonly TotalsColumn[];
  knockedOut?: boolean;
  findings: readonly Finding[];
}

const ROWS = [
  ['Điểm chuẩn đạt', 'earned', (t: Totals) => t.earnedBase],
  ['Thưởng', 'bonus', (t: Totals) => t.bonus],
  ['Trừ', 'penalty', (t: Totals) => t.penalty],
  ['Tổng', 'total', (t: Totals) => t.total],
] as const;

/** Running totals (decimal comma) and the engine's findings, folded under a button. */
export function TotalsPanel({ columns, knockedOut, findings }: TotalsPanelProps) {
  const s = useScoringStyles();
  const [open, setOpen] = React.useState(false);
  const listId = React.useId();
  return (
    <>
      <Table size="extra-small" className={s.totalsTable} aria-label="Tổng điểm">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Điểm</TableHeaderCell>
            {columns.map((c) => (
              <TableHeaderCell key={c.id} className={s.number}>
                {c.label}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {ROWS.map(([label, key, get]) => (
            <TableRow key={key}>
              <TableCell className={key === 'total' ? s.strong : undefined}>{label}</TableCell>
              {columns.map((c) => (
                <TableCell
                  key={c.id}
                  data-testid={`${c.id}-${key}`}
                  className={key === 'total' ? mergeClasses(s.number, s.strong) : s.number}
                >
                  {formatDecimal(get(c.totals))}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className={s.actions}>
        {knockedOut && (
          <Badge color="danger" appearance="filled">
            Không xếp loại
          </Badge>
        )}
        {findings.length > 0 && (
          <Button
            size="small"
            appearance="subtle"
            aria-expanded={open}
            aria-controls={listId}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? 'Ẩn cảnh báo' : `Cảnh báo (${findings.length})`}
          </Button>
        )}
      </div>
      {open && findings.length > 0 && (
        <ul id={listId} className={s.findings} aria-label="Cảnh báo của bảng chấm">
          {findings.map((f, k) => (
            <li key={k} className={s[f.severity]}>
              {f.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export interface NoticeState {
  intent: 'error' | 'warning' | 'info' | 'success';
  title: string;
  problems?: readonly Problem[];
  lines?: readonly string[];
}

/** A Fluent MessageBar listing each problem by sheet cell and message; dismissable. */
export function ProblemBar({ notice, onDismiss }: { notice: NoticeState; onDismiss(): void }) {
  const s = useScoringStyles();
  return (
    <MessageBar intent={notice.intent} layout="multiline" className={s.notice}>
      <MessageBarBody>
        <MessageBarTitle>{notice.title}</MessageBarTitle>
        {(notice.problems?.length ?? 0) + (notice.lines?.length ?? 0) > 0 && (
          <ul className={s.problems}>
            {notice.problems?.map((p) => (
              <li key={`${p.cell}:${p.message}`}>
                {p.cell} – {p.message}
              </li>
            ))}
            {notice.lines?.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            aria-label="Đóng thông báo"
            appearance="transparent"
            icon={<DismissRegular />}
            onClick={onDismiss}
          />
        }
      />
    </MessageBar>
  );
}
