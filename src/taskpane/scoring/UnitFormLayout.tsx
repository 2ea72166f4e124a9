import { Caption1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import * as React from 'react';
import { useScoringStyles } from './styles';
import { ProblemBar, TotalsPanel, type TotalsPanelProps } from './TotalsPanel';
import { UnitPicker } from './UnitPicker';
import type { UnitForm } from './useUnitForm';

/** Shown instead of a form when the bloc has no unit. */
export function NoUnitsBar() {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Khối chưa có đơn vị</MessageBarTitle>
        Thêm đơn vị ở trang Cấu hình (Thiết lập khối) rồi tải lại.
      </MessageBarBody>
    </MessageBar>
  );
}

export interface UnitFormLayoutProps {
  form: UnitForm;
  /** A note about the unit's status, under the picker. */
  banner?: React.ReactNode;
  /** The accessible name of the totals' section. */
  totalsLabel: string;
  totals: TotalsPanelProps;
  /** The form's buttons. */
  actions: React.ReactNode;
  /** Below the totals: the criteria tree (and what goes before it). */
  children: React.ReactNode;
}

/**
 * A unit's form: the unit picker, then the totals with the buttons and the form's notice (kept
 * in view), then the criteria.
 */
export function UnitFormLayout(props: UnitFormLayoutProps) {
  const { form, banner, totalsLabel, totals, actions, children } = props;
  const s = useScoringStyles();
  return (
    <div className={s.tab}>
      <UnitPicker
        units={form.units}
        submissions={form.submissions}
        value={form.unitCode}
        onChange={form.pick}
      />
      {banner}
      <section className={s.sticky} aria-label={totalsLabel}>
        <TotalsPanel {...totals} />
        <div className={s.actions}>
          {actions}
          {form.dirty && <Caption1>Có thay đổi chưa lưu</Caption1>}
        </div>
        {form.notice && (
          <ProblemBar notice={form.notice} onDismiss={() => form.setNotice(undefined)} />
        )}
      </section>
      {children}
    </div>
  );
}
