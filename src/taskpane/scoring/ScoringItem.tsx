import { Caption1 } from '@fluentui/react-components';
import * as React from 'react';
import { NoteField, ValueField } from './ItemFields';
import type { ItemInfo } from './items';
import type { EvidenceField } from './model';
import { useScoringStyles } from './styles';

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
  evidence: EvidenceField;
  /** "CAT!K13": where the evidence goes, named in its message. */
  evidenceCell: string;
  onText(code: string, text: string): void;
  onNote(code: string, note: string): void;
}

/** One criterion of the Chấm điểm form: its value (F) and its evidence (K). */
export const ScoringItem = React.memo(function ScoringItem(props: ScoringItemProps) {
  const { info, text, note, message, points, chosen, evidence, evidenceCell } = props;
  const { onText, onNote } = props;
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
        <ValueField
          info={info}
          text={text}
          message={message}
          onText={onText}
          required={info.required}
        >
          {points !== undefined && <span className={s.points}>{points}</span>}
        </ValueField>
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
        <NoteField
          label={`Minh chứng mục ${code}`}
          required={evidence === 'required' || evidence === 'missing'}
          problem={
            evidence === 'missing'
              ? {
                  state: 'warning',
                  message: `Mục ${code} có điểm nên phải ghi tài liệu kiểm chứng (ô ${evidenceCell}).`,
                }
              : undefined
          }
          value={note}
          placeholder="Số, ngày văn bản…"
          onChange={(v) => onNote(code, v)}
        />
      )}
    </div>
  );
});
