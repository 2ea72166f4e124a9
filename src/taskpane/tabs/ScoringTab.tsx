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
import { formatDateVi } from '../../core/text/vietnamese';
import { unitSheetName } from '../../workbook/layout';
import { unitLayout, unitSheetCells, type UnitRow } from '../../workbook/unit-formulas';
import { CriteriaTree } from '../scoring/CriteriaTree';
import { itemInfos } from '../scoring/items';
import {
  cellName,
  claimsEvidence,
  draftSheet,
  formRows,
  invalidProblems,
  rowPoints,
  sideFindings,
  signedPoints,
  submitProblems,
  todayIso,
} from '../scoring/model';
import { ScoringItem, type EvidenceState } from '../scoring/ScoringItem';
import { useScoringStyles } from '../scoring/styles';
import { ProblemBar, TotalsPanel, type NoticeState } from '../scoring/TotalsPanel';
import { statusOf, UnitPicker } from '../scoring/UnitPicker';
import { useUnitDraft } from '../scoring/useUnitDraft';
import type { TabProps } from '../types';

/** Per row, what changes while the user types (primitives, so unchanged items skip rendering). */
interface RowView {
  points?: string;
  chosen?: string;
  evidence: EvidenceState;
}

/**
 * Chấm điểm: a unit fills its own sheet (Tự chấm F, Minh chứng K). Pick the unit, walk the criteria
 * part by part, watch the totals follow the typing, save, then submit (status Đã nộp, today's date)
 * once every required item and every required piece of evidence is there.
 */
export function ScoringTab(props: TabProps) {
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
  const form = useUnitDraft(state, unitCode, 'self');
  const { stored, draft, parsed, changes, setText, setNote, discard } = form;
  const [notice, setNotice] = React.useState<NoticeState>();

  const score = React.useMemo(
    () => scoreUnit(t, draftSheet(unitCode, layout, stored, draft, parsed, 'self')),
    [t, unitCode, layout, stored, draft, parsed],
  );

  const views = React.useMemo(() => {
    const out: Record<string, RowView> = {};
    for (const r of formRows(layout)) {
      const info = infos.get(r.code)!;
      const p = rowPoints(score, r, 'self');
      const hasValue = parsed[r.code]?.value !== undefined || r.input === 'none';
      const view: RowView = {
        evidence: !r.notes
          ? 'none'
          : claimsEvidence(t, score, r)
            ? draft[r.code]?.note.trim()
              ? 'required'
              : 'missing'
            : 'optional',
      };
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
  }, [layout, infos, score, parsed, draft, t]);

  const summaries = React.useMemo(() => {
    const out: Record<string, string> = {};
    for (let i = 0; i < t.size; i++) {
      if (t.criteria[i]!.kind !== 'group') continue;
      const n = score.node(t.criteria[i]!.code, 'self');
      out[n.code] = `Tự chấm ${signedPoints(n.total)}`;
    }
    return out;
  }, [t, score]);

  const findings = React.useMemo(() => sideFindings(score, 'self'), [score]);
  // The engine's knock-outs are the final side's; here the unit's own answers count.
  const selfKnockedOut = layout.rows.some(
    (r) => r.input === 'yesno' && parsed[r.code]?.value === true,
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

  const write = async (status: 'keep' | 'da-nop') => {
    const today = todayIso();
    const done = await busy(status === 'da-nop' ? 'Đang nộp bảng chấm…' : 'Đang lưu…', async () => {
      await session.saveUnit(state, {
        unitCode,
        entries: changes,
        status: status === 'da-nop' ? 'da-nop' : submission.status,
        ...(status === 'da-nop' ? { submittedAt: today } : {}),
      });
      await reload();
      return true;
    });
    if (!done) return;
    discard();
    setNotice(undefined);
    notify(
      status === 'da-nop'
        ? {
            intent: 'success',
            title: `Đã nộp bảng chấm của ${unit.name} ngày ${formatDateVi(today)}.`,
            lines: [
              `Trang ${unitSheetName(unitCode)}: trạng thái Đã nộp (ô ${unitSheetCells(t).status}), ngày nộp ô ${unitSheetCells(t).submittedAt}.`,
            ],
          }
        : { intent: 'success', title: `Đã lưu bảng tự chấm của ${unit.name}.` },
    );
  };

  const onSave = async () => {
    const invalid = invalidProblems(unitCode, layout, parsed, 'self');
    if (invalid.length) {
      setNotice({
        intent: 'error',
        title: `Chưa lưu: ${invalid.length} ô có giá trị không hợp lệ (trang ${unitSheetName(unitCode)}).`,
        problems: invalid,
      });
      return;
    }
    if (Object.keys(changes).length === 0) {
      setNotice(undefined);
      notify({ intent: 'info', title: 'Không có thay đổi để lưu.' });
      return;
    }
    await write('keep');
  };

  const onSubmit = async () => {
    const problems = submitProblems(unitCode, t, layout, parsed, score);
    if (problems.length) {
      const codes = [...new Set(problems.map((p) => p.code))];
      setNotice({
        intent: 'error',
        title: `Chưa nộp được bảng chấm của ${unit.name}: còn ${codes.length} mục cần bổ sung (${codes.join(', ')}).`,
        problems,
      });
      return;
    }
    await write('da-nop');
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
      {submission.status === 'da-tham-dinh' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            Bảng chấm của đơn vị đã được khối thẩm định; sửa và nộp lại sẽ cần thẩm định lại.
          </MessageBarBody>
        </MessageBar>
      )}
      <section className={s.sticky} aria-label="Điểm tự chấm">
        <TotalsPanel
          columns={[{ label: 'Tự chấm', totals: score.self, id: 'self' }]}
          knockedOut={selfKnockedOut}
          findings={findings}
        />
        <div className={s.actions}>
          <Button onClick={onSave}>Lưu</Button>
          <Button appearance="primary" onClick={onSubmit}>
            Nộp bảng chấm
          </Button>
          {dirty && <Caption1>Có thay đổi chưa lưu</Caption1>}
        </div>
        {notice && <ProblemBar notice={notice} onDismiss={() => setNotice(undefined)} />}
      </section>
      <CriteriaTree compiled={t} renderItem={renderItem} summaries={summaries} />
    </div>
  );
}
