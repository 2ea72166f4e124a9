import { Field, Textarea } from '@fluentui/react-components';
import * as React from 'react';
import { fieldError } from '../shared/fieldError';
import type { ItemInfo } from './items';
import { useScoringStyles } from './styles';
import { ValueControl } from './ValueControl';

export interface ValueFieldProps {
  info: ItemInfo;
  text: string;
  /** The value's problem (Vietnamese, naming the item and the rule). */
  message?: string | undefined;
  onText(code: string, text: string): void;
  required?: boolean;
  /** After the control, on its line (the points). */
  children?: React.ReactNode;
}

/** A criterion's value: its labelled control, with "trường hợp" after a count of cases. */
export function ValueField(props: ValueFieldProps) {
  const { info, text, message, onText, required, children } = props;
  const s = useScoringStyles();
  const { row } = info;
  return (
    <Field label={info.label} hint={info.hint} required={required} {...fieldError(message)}>
      <div className={s.controlRow}>
        <ValueControl
          row={row}
          text={text}
          onText={onText}
          {...(info.alternatives ? { alternatives: info.alternatives } : {})}
        />
        {row.input === 'cases' && <span>trường hợp</span>}
        {children}
      </div>
    </Field>
  );
}

export interface NoteFieldProps {
  label: string;
  required: boolean;
  /** What is wrong with the note, if anything. */
  problem?: { state: 'error' | 'warning'; message: string } | undefined;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
}

/** A criterion's note: the evidence (K) of the unit, or the bloc's reason (L). */
export function NoteField(props: NoteFieldProps) {
  const { label, required, problem, value, onChange, placeholder } = props;
  const s = useScoringStyles();
  return (
    <Field
      label={label}
      required={required}
      {...(problem ? { validationState: problem.state, validationMessage: problem.message } : {})}
    >
      <Textarea
        className={s.note}
        resize="vertical"
        rows={1}
        value={value}
        placeholder={placeholder}
        onChange={(_, data) => onChange(data.value)}
      />
    </Field>
  );
}
