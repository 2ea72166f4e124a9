import { Input, Radio, RadioGroup, SpinButton } from '@fluentui/react-components';
import * as React from 'react';
import { formatDecimal, isYesWord, parseDecimal } from '../../core';
import type { UnitRow } from '../../workbook';
import { useScoringStyles } from './styles';

/** An alternative of a choose-one item as its radio shows it. */
export interface AlternativeOption {
  code: string;
  /** "1.4.a Gửi đầy đủ, đúng hạn — 6 điểm". */
  label: string;
}

export interface ValueControlProps {
  row: UnitRow;
  text: string;
  onText(code: string, text: string): void;
  /** For 'code' rows. */
  alternatives?: readonly AlternativeOption[];
}

/** The SpinButton's step for points: 0,5 when the maximum is a multiple of it, else 0,25. */
export function pointsStep(max: number | undefined): number {
  return max === undefined || Number.isInteger(max * 2) ? 0.5 : 0.25;
}

/**
 * The input of one cell (F or G) by the row's input kind. Must sit inside a Fluent `Field`, which
 * gives it its label, its required state and its validation message.
 */
export function ValueControl({ row, text, onText, alternatives }: ValueControlProps) {
  const s = useScoringStyles();
  const code = row.code;
  switch (row.input) {
    case 'points':
    case 'cases': {
      const parsed = parseDecimal(text);
      const value = text.trim() !== '' && parsed.ok ? parsed.value : null;
      const cases = row.input === 'cases';
      return (
        <SpinButton
          className={s.spin}
          value={value}
          displayValue={text}
          min={0}
          {...(!cases && row.max !== undefined ? { max: row.max } : {})}
          step={cases ? 1 : pointsStep(row.max)}
          precision={cases ? 0 : 4}
          inputMode={cases ? 'numeric' : 'decimal'}
          // Every keystroke, so the totals follow the typing (the SpinButton itself commits on
          // Enter or blur only).
          onInput={(e) => onText(code, e.currentTarget.value)}
          onChange={(_, data) => {
            if (typeof data.value === 'number') onText(code, formatDecimal(data.value));
            else if (data.displayValue !== undefined) {
              const typed = parseDecimal(data.displayValue);
              onText(code, typed.ok ? formatDecimal(typed.value) : data.displayValue);
            }
          }}
        />
      );
    }
    case 'number':
      return (
        <Input
          className={s.measure}
          inputMode="decimal"
          value={text}
          onChange={(_, data) => onText(code, data.value)}
          onBlur={() => {
            const typed = parseDecimal(text);
            if (text.trim() !== '' && typed.ok) onText(code, formatDecimal(typed.value));
          }}
        />
      );
    case 'date':
      return (
        <Input
          className={s.measure}
          type="date"
          value={text}
          onChange={(_, data) => onText(code, data.value)}
        />
      );
    case 'code':
      return (
        <RadioGroup value={text} onChange={(_, data) => onText(code, data.value)}>
          {(alternatives ?? []).map((a) => (
            <Radio key={a.code} value={a.code} label={a.label} />
          ))}
          <Radio value="" label="Chưa chọn" />
        </RadioGroup>
      );
    case 'yesno':
      return (
        <RadioGroup
          layout="horizontal"
          value={text.trim() === '' ? '' : isYesWord(text) ? 'có' : 'không'}
          onChange={(_, data) => onText(code, data.value)}
        >
          <Radio value="có" label="Có" />
          <Radio value="không" label="Không" />
        </RadioGroup>
      );
    case 'none':
      return null;
  }
}
