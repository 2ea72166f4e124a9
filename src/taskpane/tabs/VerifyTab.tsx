import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import * as React from 'react';
import type { ItemEntry, UnitScore } from '../../core';
import { unitSheetName, unitSheetCells, type UnitLayout, type UnitRow } from '../../workbook';
import { CriteriaTree } from '../scoring/CriteriaTree';
import { DifferencesPanel } from '../scoring/DifferencesPanel';
import {
  cellName,
  differences,
  entryText,
  groupSummaries,
  invalidProblems,
  reasonProblems,
  rowPoints,
  sideFindings,
  signedPoints,
  type Difference,
  type Draft,
  type DraftItem,
  type Parsed,
} from '../scoring/model';
import { NoUnitsBar, UnitFormLayout } from '../scoring/UnitFormLayout';
import { useUnitForm, type UnitForm } from '../scoring/useUnitForm';
import { VerifyItem } from '../scoring/VerifyItem';
import type { TabProps } from '../shared/types';

interface RowView {
  selfText: string;
  selfPoints?: string;
  verifiedPoints?: string;
  differs: boolean;
}

const pointsText = (n: number) => `${signedPoints(n)} điểm`;

/** Per input row, what stands beside the verified control: the unit's value and both sides' points. */
function rowViews(
  layout: UnitLayout,
  stored: Readonly<Record<string, ItemEntry>>,
  score: UnitScore,
  parsed: Readonly<Record<string, Parsed>>,
  diffs: readonly Difference[],
): Record<string, RowView> {
  const byCode = new Map(diffs.map((d) => [d.code, d]));
  const out: Record<string, RowView> = {};
  for (const r of layout.rows) {
    if (r.input === 'none') continue;
    const self = stored[r.code]?.self;
    const view: RowView = { selfText: entryText(self), differs: byCode.has(r.code) };
    const sp = rowPoints(score, r, 'self');
    if (sp !== undefined && self !== undefined) view.selfPoints = pointsText(sp);
    const fp = rowPoints(score, r, 'verified');
    const d = byCode.get(r.code);
    if (fp !== undefined && parsed[r.code]?.value !== undefined)
      view.verifiedPoints = `Khối chấm: ${pointsText(fp)}${d && d.points !== 0 ? ` (chênh ${signedPoints(d.points, true)})` : ''}`;
    out[r.code] = view;
  }
  return out;
}

/** "Chấp nhận toàn bộ" takes the unit's value only where the bloc has typed nothing of its own. */
function acceptedSelfValues(
  layout: UnitLayout,
  stored: Readonly<Record<string, ItemEntry>>,
  draft: Draft,
): Record<string, Partial<DraftItem>> {
  const items: Record<string, Partial<DraftItem>> = {};
  for (const r of layout.rows) {
    if (r.input === 'none') continue;
    const self = stored[r.code]?.self;
    if (self !== undefined && (draft[r.code]?.text.trim() ?? '') === '')
      items[r.code] = { text: entryText(self) };
  }
  return items;
}

/** What the tab shows of the form as typed: the differences, each row's view, the tree's summaries. */
function useVerifyViews({ t, layout, stored, draft, parsed, score }: UnitForm) {
  const diffs = React.useMemo(
    () => differences(layout, stored, draft, parsed, score),
    [layout, stored, draft, parsed, score],
  );

  const views = React.useMemo(
    () => rowViews(layout, stored, score, parsed, diffs),
    [layout, stored, score, parsed, diffs],
  );

  const summaries = React.useMemo(
    () =>
      groupSummaries(
        t,
        (code) =>
          `Tự chấm ${signedPoints(score.node(code, 'self').total)} · Khối chấm ${signedPoints(score.node(code, 'verified').total)}`,
      ),
    [t, score],
  );

  const findings = React.useMemo(
    () => [...sideFindings(score, 'verified'), ...sideFindings(score, 'self')],
    [score],
  );

  return { diffs, views, summaries, findings };
}

/**
 * Thẩm định: the bloc leader checks a unit's sheet. The unit's value and points stand beside the
 * verified control (Khối chấm G); an item or the whole sheet can be accepted, a value adjusted with
 * its reason (L); the differences are listed with their points; confirming marks the sheet Đã thẩm
 * định once every difference is explained.
 */
export function VerifyTab(props: TabProps) {
  const form = useUnitForm(props, 'verified');
  const { t, layout, infos, unit, unitCode, submission, score } = form;
  const { stored, draft, parsed, setText, setNote, setMany } = form;

  const { diffs, views, summaries, findings } = useVerifyViews(form);

  const onAccept = React.useCallback(
    (code: string) => setText(code, entryText(stored[code]?.self)),
    [stored, setText],
  );

  if (!unit) return <NoUnitsBar />;

  const acceptAll = () => {
    setMany(acceptedSelfValues(layout, stored, draft));
    form.setNotice(undefined);
  };

  const onSave = () =>
    form.save('ô khối chấm', () =>
      form.write(
        'Đang lưu…',
        {},
        { intent: 'success', title: `Đã lưu kết quả thẩm định của ${unit.name}.` },
      ),
    );

  const onConfirm = async () => {
    const problems = [
      ...invalidProblems(unitCode, layout, parsed, 'verified'),
      ...reasonProblems(unitCode, diffs),
    ];
    const refused = form.refuse(
      problems,
      (codes) =>
        `Chưa xác nhận được: ${codes.length} mục cần sửa hoặc ghi lý do (${codes.join(', ')}).`,
    );
    if (refused) return;
    await form.write(
      'Đang xác nhận thẩm định…',
      { status: 'da-tham-dinh' },
      {
        intent: 'success',
        title: `Đã xác nhận thẩm định bảng chấm của ${unit.name}.`,
        lines: [
          `Trang ${unitSheetName(unitCode)}: trạng thái Đã thẩm định (ô ${unitSheetCells(t).status}); ${diffs.length} mục khối chấm khác tự chấm.`,
        ],
      },
    );
  };

  const renderItem = (r: UnitRow) => {
    const v = views[r.code];
    if (!v) return null;
    const d = draft[r.code];
    return (
      <VerifyItem
        info={infos.get(r.code)!}
        selfText={v.selfText}
        selfPoints={v.selfPoints}
        evidence={stored[r.code]?.evidence}
        text={d?.text ?? ''}
        reason={d?.note ?? ''}
        message={parsed[r.code]?.message}
        verifiedPoints={v.verifiedPoints}
        differs={v.differs}
        reasonCell={cellName(unitCode, r, 'reason')}
        onText={setText}
        onReason={setNote}
        onAccept={onAccept}
      />
    );
  };

  return (
    <UnitFormLayout
      form={form}
      banner={
        submission.status === 'chua-nop' && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>Đơn vị chưa nộp bảng chấm; vẫn có thể thẩm định.</MessageBarBody>
          </MessageBar>
        )
      }
      totalsLabel="Điểm tự chấm và khối chấm"
      totals={{
        columns: [
          { label: 'Tự chấm', totals: score.self, id: 'self' },
          { label: 'Khối chấm', totals: score.verified, id: 'verified' },
        ],
        knockedOut: score.knockedOut,
        findings,
      }}
      actions={
        <>
          <Button onClick={acceptAll}>Chấp nhận toàn bộ</Button>
          <Button onClick={onSave}>Lưu</Button>
          <Button appearance="primary" onClick={onConfirm}>
            Xác nhận đã thẩm định
          </Button>
        </>
      }
    >
      <DifferencesPanel differences={diffs} />
      <CriteriaTree compiled={t} renderItem={renderItem} summaries={summaries} />
    </UnitFormLayout>
  );
}
