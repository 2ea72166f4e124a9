import * as React from 'react';
import type { UnitEdit } from '../../app';
import { unitsByName, scoreUnit } from '../../core';
import { unitSheetName, unitLayout } from '../../workbook';
import type { Notice, TabProps } from '../shared/types';
import { itemInfos } from './items';
import { draftSheet, invalidProblems, type Column, type Problem } from './model';
import type { NoticeState } from './TotalsPanel';
import { statusOf } from './UnitPicker';
import { useUnitDraft } from './useUnitDraft';
import { writeThenReload } from '../shared/write';

/**
 * What the Chấm điểm and Thẩm định forms share: the picked unit, the form's draft of one column of
 * its sheet (self or verified) scored as typed, the form's own notice, and the save plumbing.
 */
export function useUnitForm(props: TabProps, column: Column) {
  const { state, session, notify } = props;
  const t = state.compiled;
  const layout = unitLayout(t);
  const infos = itemInfos(t);
  const units = React.useMemo(() => unitsByName(state.bloc.units), [state.bloc.units]);
  const [picked, setPicked] = React.useState<string>();
  const unit = units.find((u) => u.code === picked) ?? units[0];
  const unitCode = unit?.code ?? '';
  const submission = statusOf(state.submissions, unitCode);
  const form = useUnitDraft(state, unitCode, column);
  const { stored, draft, parsed, changes, discard } = form;
  const [notice, setNotice] = React.useState<NoticeState>();

  const score = React.useMemo(
    () => scoreUnit(t, draftSheet(unitCode, layout, stored, draft, parsed, column)),
    [t, unitCode, layout, stored, draft, parsed, column],
  );

  /** Another unit picked: its own edits show, the form's notice goes. */
  const pick = (code: string) => {
    setPicked(code);
    setNotice(undefined);
  };

  /** Writes the form's changes with `edit` (status, date), reads again, then reports `done`. */
  const write = async (
    label: string,
    edit: Omit<UnitEdit, 'unitCode' | 'entries'>,
    done: Notice,
  ): Promise<void> => {
    const saved = await writeThenReload(props, label, () =>
      session.saveUnit(state, { unitCode, entries: changes, ...edit }),
    );
    if (!saved) return;
    discard();
    setNotice(undefined);
    notify(done);
  };

  /**
   * Lưu: refuses values that do not parse (the title calls the cells `cells`), says when there is
   * nothing to save, else runs `save`.
   */
  const save = async (cells: string, save: () => Promise<void>): Promise<void> => {
    const invalid = invalidProblems(unitCode, layout, parsed, column);
    if (invalid.length) {
      setNotice({
        intent: 'error',
        title: `Chưa lưu: ${invalid.length} ${cells} có giá trị không hợp lệ (trang ${unitSheetName(unitCode)}).`,
        problems: invalid,
      });
      return;
    }
    if (Object.keys(changes).length === 0) {
      setNotice(undefined);
      notify({ intent: 'info', title: 'Không có thay đổi để lưu.' });
      return;
    }
    await save();
  };

  /** Shows the problems that stop an action, titled with the codes they concern; false if none. */
  const refuse = (problems: Problem[], title: (codes: string[]) => string): boolean => {
    if (!problems.length) return false;
    const codes = [...new Set(problems.map((p) => p.code))];
    setNotice({ intent: 'error', title: title(codes), problems });
    return true;
  };

  return {
    ...form,
    t,
    layout,
    infos,
    units,
    unit,
    unitCode,
    submissions: state.submissions,
    submission,
    score,
    notice,
    setNotice,
    dirty: Object.keys(changes).length > 0,
    pick,
    write,
    save,
    refuse,
  };
}

export type UnitForm = ReturnType<typeof useUnitForm>;
