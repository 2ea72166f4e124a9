import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import * as React from 'react';
import { unitsByName } from '../../core/bloc';
import { scoreUnit } from '../../core/scoring/score';
import { unitSheetName } from '../../workbook/layout';
import { unitLayout, unitSheetCells, type UnitRow } from '../../workbook/unit-formulas';
import { CriteriaTree } from '../scoring/CriteriaTree';
import { DifferencesPanel } from '../scoring/DifferencesPanel';
import { itemInfos } from '../scoring/items';
import {
  cellName,
  differences,
  draftSheet,
  entryText,
  invalidProblems,
  reasonProblems,
  rowPoints,
  sideFindings,
  signedPoints,
  type DraftItem,
} from '../scoring/model';
import { useScoringStyles } from '../scoring/styles';
import { ProblemBar, TotalsPanel, type NoticeState } from '../scoring/TotalsPanel';
import { statusOf, UnitPicker } from '../scoring/UnitPicker';
import { useUnitDraft } from '../scoring/useUnitDraft';
import { VerifyItem } from '../scoring/VerifyItem';
import type { TabProps } from '../types';

interface RowView {
  selfText: string;
  selfPoints?: string;
  verifiedPoints?: string;
  differs: boolean;
}

const pointsText = (n: number) => `${signedPoints(n)} điểm`;

/**
 * Thẩm định: the bloc leader checks a unit's sheet. The unit's value and points stand beside the
 * verified control (Khối chấm G); an item or the whole sheet can be accepted, a value adjusted with
 * its reason (L); the differences are listed with their points; confirming marks the sheet Đã thẩm
 * định once every difference is explained.
 */
export function VerifyTab(props: TabProps) {
  const { state, session, reload, notify, busy } = props;
  const s = useScoringStyles();
  const t = state.compiled;
  const layout = unitLayout(t);
  const infos = itemInfos(t);
  const units = React.useMemo(() => unitsByName(state.bloc.units), [state.bloc.units]);
  const [picked, setPicked] = React.useState<string>();
  const unit = units.find((u) => u.code === picked) ?? units[0];
  const unitCode = unit?.code ?? '';
  const submission = statusOf(state.submissions, unitCode);
  const { stored, draft, parsed, changes, setText, setNote, setMany, discard } = useUnitDraft(
    state,
    unitCode,
    'verified',
  );
  const [notice, setNotice] = React.useState<NoticeState>();

  const score = React.useMemo(
    () => scoreUnit(t, draftSheet(unitCode, layout, stored, draft, parsed, 'verified')),
    [t, unitCode, layout, stored, draft, parsed],
  );
  const diffs = React.useMemo(
    () => differences(layout, stored, draft, parsed, score),
    [layout, stored, draft, parsed, score],
  );

  const views = React.useMemo(() => {
    const byCode = new Map(diffs.map((d) => [d.code, d]));
    const out: Record<string, RowView> = {};
    for (const r of layout.rows) {
      if (r.input === 'none') continue;
      const self = stored[r.code]?.self;
      const view: RowView = { selfText: entryText(self), differs: byCode.has(r.code) };
      const sp = rowPoints(score, r, 'self');
      if (sp !== undefined && self !== undefined) view.selfPoints = pointsText(sp);
      const fp = rowPoints(score, r, 'final');
      const d = byCode.get(r.code);
      if (fp !== undefined && parsed[r.code]?.value !== undefined)
        view.verifiedPoints = `Khối chấm: ${pointsText(fp)}${d && d.points !== 0 ? ` (chênh ${signedPoints(d.points, true)})` : ''}`;
      out[r.code] = view;
    }
    return out;
  }, [layout, stored, score, parsed, diffs]);

  const summaries = React.useMemo(() => {
    const out: Record<string, string> = {};
    for (let i = 0; i < t.size; i++) {
      if (t.criteria[i]!.kind !== 'group') continue;
      const code = t.criteria[i]!.code;
      out[code] =
        `Tự chấm ${signedPoints(score.node(code, 'self').total)} · Khối chấm ${signedPoints(score.node(code, 'final').total)}`;
    }
    return out;
  }, [t, score]);

  const findings = React.useMemo(
    () => [...sideFindings(score, 'verified'), ...sideFindings(score, 'self')],
    [score],
  );

  const onAccept = React.useCallback(
    (code: string) => setText(code, entryText(stored[code]?.self)),
    [stored, setText],
  );

  if (!unit)
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Khối chưa có đơn vị</MessageBarTitle>
          Thêm đơn vị ở trang Cấu hình (Thiết lập khối) rồi tải lại.
        </MessageBarBody>
      </MessageBar>
    );

  const acceptAll = () => {
    const items: Record<string, Partial<DraftItem>> = {};
    for (const r of layout.rows) {
      if (r.input === 'none') continue;
      const self = stored[r.code]?.self;
      if (self !== undefined && (draft[r.code]?.text.trim() ?? '') === '')
        items[r.code] = { text: entryText(self) };
    }
    setMany(items);
    setNotice(undefined);
  };

  const write = async (confirm: boolean) => {
    const done = await busy(confirm ? 'Đang xác nhận thẩm định…' : 'Đang lưu…', async () => {
      await session.saveUnit(state, {
        unitCode,
        entries: changes,
        ...(confirm ? { status: 'da-tham-dinh' as const } : {}),
      });
      await reload();
      return true;
    });
    if (!done) return;
    discard();
    setNotice(undefined);
    notify(
      confirm
        ? {
            intent: 'success',
            title: `Đã xác nhận thẩm định bảng chấm của ${unit.name}.`,
            lines: [
              `Trang ${unitSheetName(unitCode)}: trạng thái Đã thẩm định (ô ${unitSheetCells(t).status}); ${diffs.length} mục khối chấm khác tự chấm.`,
            ],
          }
        : { intent: 'success', title: `Đã lưu kết quả thẩm định của ${unit.name}.` },
    );
  };

  const onSave = async () => {
    const invalid = invalidProblems(unitCode, layout, parsed, 'verified');
    if (invalid.length) {
      setNotice({
        intent: 'error',
        title: `Chưa lưu: ${invalid.length} ô khối chấm có giá trị không hợp lệ (trang ${unitSheetName(unitCode)}).`,
        problems: invalid,
      });
      return;
    }
    if (Object.keys(changes).length === 0) {
      setNotice(undefined);
      notify({ intent: 'info', title: 'Không có thay đổi để lưu.' });
      return;
    }
    await write(false);
  };

  const onConfirm = async () => {
    const problems = [
      ...invalidProblems(unitCode, layout, parsed, 'verified'),
      ...reasonProblems(unitCode, diffs),
    ];
    if (problems.length) {
      const codes = [...new Set(problems.map((p) => p.code))];
      setNotice({
        intent: 'error',
        title: `Chưa xác nhận được: ${codes.length} mục cần sửa hoặc ghi lý do (${codes.join(', ')}).`,
        problems,
      });
      return;
    }
    await write(true);
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

  const dirty = Object.keys(changes).length > 0;
  return (
    <div className={s.tab}>
      <UnitPicker
        units={units}
        submissions={state.submissions}
        value={unitCode}
        onChange={(code) => {
          setPicked(code);
          setNotice(undefined);
        }}
      />
      {submission.status === 'chua-nop' && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>Đơn vị chưa nộp bảng chấm; vẫn có thể thẩm định.</MessageBarBody>
        </MessageBar>
      )}
      <section className={s.sticky} aria-label="Điểm tự chấm và khối chấm">
        <TotalsPanel
          columns={[
            { label: 'Tự chấm', totals: score.self, id: 'self' },
            { label: 'Khối chấm', totals: score.final, id: 'final' },
          ]}
          knockedOut={score.knockedOut}
          findings={findings}
        />
        <div className={s.actions}>
          <Button onClick={acceptAll}>Chấp nhận toàn bộ</Button>
          <Button onClick={onSave}>Lưu</Button>
          <Button appearance="primary" onClick={onConfirm}>
            Xác nhận đã thẩm định
          </Button>
          {dirty && <Caption1>Có thay đổi chưa lưu</Caption1>}
        </div>
        {notice && <ProblemBar notice={notice} onDismiss={() => setNotice(undefined)} />}
      </section>
      <DifferencesPanel differences={diffs} />
      <CriteriaTree compiled={t} renderItem={renderItem} summaries={summaries} />
    </div>
  );
}
