import { Badge, Caption1, Dropdown, Field, Option } from '@fluentui/react-components';
import * as React from 'react';
import {
  STATUS_LABELS,
  type SheetStatus,
  type Submission,
  type Unit,
  formatDateVi,
} from '../../core';
import { STATUS_COLOR } from './model';
import { useScoringStyles } from './styles';

export interface UnitPickerProps {
  /** In the order to list them (Vietnamese order by name: `unitsByName`). */
  units: readonly Unit[];
  submissions: readonly Submission[];
  value: string;
  onChange(unitCode: string): void;
  label?: string;
}

export function statusOf(submissions: readonly Submission[], unitCode: string): Submission {
  return submissions.find((s) => s.unitCode === unitCode) ?? { unitCode, status: 'chua-nop' };
}

export function StatusBadge({ status }: { status: SheetStatus }) {
  return (
    <Badge appearance="tint" color={STATUS_COLOR[status]} shape="rounded">
      {STATUS_LABELS[status]}
    </Badge>
  );
}

const unitText = (u: Unit) => `${u.name} (${u.code})`;

/** The bloc's units in a Dropdown, each with its sheet's status; the chosen unit's badge and date beside it. */
export function UnitPicker({
  units,
  submissions,
  value,
  onChange,
  label = 'Đơn vị',
}: UnitPickerProps) {
  const s = useScoringStyles();
  const unit = units.find((u) => u.code === value);
  const submission = statusOf(submissions, value);
  return (
    <div className={s.pickerRow}>
      <Field label={label} className={s.picker}>
        <Dropdown
          className={s.dropdown}
          value={unit ? unitText(unit) : ''}
          selectedOptions={unit ? [unit.code] : []}
          onOptionSelect={(_, data) => {
            if (data.optionValue) onChange(data.optionValue);
          }}
          placeholder="Chọn đơn vị"
        >
          {units.map((u) => (
            <Option key={u.code} value={u.code} text={unitText(u)}>
              {`${unitText(u)} · ${STATUS_LABELS[statusOf(submissions, u.code).status]}`}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {unit && (
        <div className={s.statusLine}>
          <StatusBadge status={submission.status} />
          {submission.submittedAt && (
            <Caption1>Ngày nộp: {formatDateVi(submission.submittedAt)}</Caption1>
          )}
        </div>
      )}
    </div>
  );
}
