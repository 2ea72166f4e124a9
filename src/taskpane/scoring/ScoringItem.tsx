import { Caption1, Field, Textarea } from '@fluentui/react-components';
import * as React from 'react';
import type { ItemInfo } from './items';
import { useScoringStyles } from './styles';
import { ValueControl } from './ValueControl';

/** How the evidence field (K) stands: not offered, optional, required and filled, required and missing. */
export type EvidenceState = 'none' | 'optional' | 'required' | 'missing';

export interface ScoringItemProps {
  info: ItemInfo;
  text: string;
  note: string;
  /** The value's problem (Vietnamese, naming the item and the rule). */
  message?: string | undefined;
  /** "= −1 điểm", "Đạt 4 điểm". */
  points?: string | undefined;
  /** For a banded choice: the alternative the value picks. */
  chosen?: string | undefined;
  evidence: EvidenceState;
  /** "CAT!K13": where the evidence goes, named in its message. */
  evidenceCell: string;
  onText(code: string, text: string): void;
  onNote(code: string, note: string): void;
  disabled?: boolean;
}

/** One criterion of the Chấm điểm form: its value (F) and its evidence (K). */
export const ScoringItem = React.memo(function ScoringItem(props: ScoringItemProps) {
  const { info, text, note, message, points, chosen, evidence, evidenceCell } = props;
  const { onText, onNote, disabled } = props;
  const s = useScoringStyles();
  const { row } = info;
  const code = row.code;
  return (
    <div className={s.item}>
      {row.input === 'none' ? (
        <div>
          <div className={s.strong}>{info.label}</div>
          <Caption1>{info.hint}</Caption1>
        </div>
      ) : (
        <Field
          label={info.label}
          hint={info.hint}
          required={info.required}
          {...(message ? { validationState: 'error' as const, validationMessage: message } : {})}
        >
          <div className={s.controlRow}>
            <ValueControl
              row={row}
              text={text}
              onText={onText}
              {...(info.alternatives ? { alternatives: info.alternatives } : {})}
              {...(disabled ? { disabled } : {})}
            />
            {row.input === 'cases' && <span>trường hợp</span>}
            {points !== undefined && <span className={s.points}>{points}</span>}
          </div>
        </Field>
      )}
      {row.input === 'none' && points !== undefined && (
        <span className={s.points}>
          {info.source ? `${info.source}: ` : ''}
          {points}
        </span>
      )}
      {info.bands && (
        <ul className={s.alternatives} aria-label={`Các mức của mục ${code}`}>
          {info.bands.map((b) => (
            <li key={b.code} className={b.code === chosen ? s.chosen : undefined}>
              {b.label}
              {b.code === chosen ? ' ✓ (đang đạt)' : ''}
            </li>
          ))}
        </ul>
      )}
      {evidence !== 'none' && (
        <Field
          label={`Minh chứng mục ${code}`}
          required={evidence === 'required' || evidence === 'missing'}
          {...(evidence === 'missing'
            ? {
                validationState: 'warning' as const,
                validationMessage: `Mục ${code} có điểm nên phải ghi tài liệu kiểm chứng (ô ${evidenceCell}).`,
              }
            : {})}
        >
          <Textarea
            className={s.note}
            resize="vertical"
            rows={1}
            value={note}
            disabled={disabled}
            placeholder="Số, ngày văn bản…"
            onChange={(_, data) => onNote(code, data.value)}
          />
        </Field>
      )}
    </div>
  );
});
