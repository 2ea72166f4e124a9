import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import * as React from 'react';
import { formatDateVi, type UnitScore } from '../../core';
import { unitSheetName, unitSheetCells, type UnitLayout, type UnitRow } from '../../workbook';
import { CriteriaTree } from '../scoring/CriteriaTree';
import {
  cellName,
  evidenceField,
  formRows,
  groupSummaries,
  rowPoints,
  sideFindings,
  signedPoints,
  submitProblems,
  todayIso,
  type EvidenceField,
  type Parsed,
} from '../scoring/model';
import type { ItemInfo } from '../scoring/items';
import { ScoringItem } from '../scoring/ScoringItem';
import { NoUnitsBar, UnitFormLayout } from '../scoring/UnitFormLayout';
import { useUnitForm } from '../scoring/useUnitForm';
import type { TabProps } from '../shared/types';

/** Per row, what changes while the user types (primitives, so unchanged items skip rendering). */
interface RowView {
  points?: string;
  chosen?: string;
  evidence: EvidenceField;
}

/** Per form row, the points it earns as typed, the band chosen, and how its evidence stands. */
function rowViews(
  layout: UnitLayout,
  infos: ReadonlyMap<string, ItemInfo>,
  score: UnitScore,
  parsed: Readonly<Record<string, Parsed>>,
): Record<string, RowView> {
  const out: Record<string, RowView> = {};
  for (const r of formRows(layout)) {
    const info = infos.get(r.code)!;
    const p = rowPoints(score, r, 'self');
    const hasValue = parsed[r.code]?.value !== undefined || r.input === 'none';
    const view: RowView = { evidence: evidenceField(score, r) };
    if (p !== undefined && hasValue)
      view.points =
        r.kind === 'base' ? `Đạt ${signedPoints(p)} điểm` : `= ${signedPoints(p, true)} điểm`;
    if (info.bands) {
      const chosen = score.node(r.code, 'self').chosen;
      if (chosen) view.chosen = chosen;
    }
    out[r.code] = view;
  }
  return out;
}

/**
 * Chấm điểm: a unit fills its own sheet (Tự chấm F, Minh chứng K). Pick the unit, walk the criteria
 * part by part, watch the totals follow the typing, save, then submit (status Đã nộp, today's date)
 * once every required item and every required piece of evidence is there.
 */
export function ScoringTab(props: TabProps) {
  const form = useUnitForm(props, 'self');
  const { t, layout, infos, unit, unitCode, submission, score } = form;
  const { draft, parsed, setText, setNote } = form;

  const views = React.useMemo(
    () => rowViews(layout, infos, score, parsed),
    [layout, infos, score, parsed],
  );

  const summaries = React.useMemo(
    () => groupSummaries(t, (code) => `Tự chấm ${signedPoints(score.node(code, 'self').total)}`),
    [t, score],
  );

  const findings = React.useMemo(() => sideFindings(score, 'self'), [score]);

  if (!unit) return <NoUnitsBar />;

  const onSave = () =>
    form.save('ô', () =>
      form.write(
        'Đang lưu…',
        { status: submission.status },
        {
          intent: 'success',
          title: `Đã lưu bảng tự chấm của ${unit.name}.`,
        },
      ),
    );

  const onSubmit = async () => {
    const problems = submitProblems(unitCode, t, layout, parsed, score);
    const refused = form.refuse(
      problems,
      (codes) =>
        `Chưa nộp được bảng chấm của ${unit.name}: còn ${codes.length} mục cần bổ sung (${codes.join(', ')}).`,
    );
    if (refused) return;
    const today = todayIso();
    const cells = unitSheetCells(t);
    await form.write(
      'Đang nộp bảng chấm…',
      { status: 'da-nop', submittedAt: today },
      {
        intent: 'success',
        title: `Đã nộp bảng chấm của ${unit.name} ngày ${formatDateVi(today)}.`,
        lines: [
          `Trang ${unitSheetName(unitCode)}: trạng thái Đã nộp (ô ${cells.status}), ngày nộp ô ${cells.submittedAt}.`,
        ],
      },
    );
  };

  const renderItem = (r: UnitRow) => {
    const d = draft[r.code];
    const v = views[r.code];
    return (
      <ScoringItem
        info={infos.get(r.code)!}
        text={d?.text ?? ''}
        note={d?.note ?? ''}
        message={parsed[r.code]?.message}
        points={v?.points}
        chosen={v?.chosen}
        evidence={v?.evidence ?? 'none'}
        evidenceCell={cellName(unitCode, r, 'evidence')}
        onText={setText}
        onNote={setNote}
      />
    );
  };

  return (
    <UnitFormLayout
      form={form}
      banner={
        submission.status === 'da-tham-dinh' && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              Bảng chấm của đơn vị đã được khối thẩm định; sửa và nộp lại sẽ cần thẩm định lại.
            </MessageBarBody>
          </MessageBar>
        )
      }
      totalsLabel="Điểm tự chấm"
      totals={{
        columns: [{ label: 'Tự chấm', totals: score.self, id: 'self' }],
        // The unit's own answers: the knock-outs of the self side.
        knockedOut: score.selfKnockouts.length > 0,
        findings,
      }}
      actions={
        <>
          <Button onClick={onSave}>Lưu</Button>
          <Button appearance="primary" onClick={onSubmit}>
            Nộp bảng chấm
          </Button>
        </>
      }
    >
      <CriteriaTree compiled={t} renderItem={renderItem} summaries={summaries} />
    </UnitFormLayout>
  );
}
