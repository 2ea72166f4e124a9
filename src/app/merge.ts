import { sameData } from '../core/same-data';
import type { Bloc, BlocResult, Submission } from '../core/bloc';
import { checkGovernmentFlagShare, DEFAULT_PRESET, type QuotaCheck } from '../core/quota';
import type { UnitSheet } from '../core/scoring/types';
import type { SheetSpec, WorkbookPort } from '../workbook/grid';
import { emptySheet } from '../workbook/grid';
import { NUMBER_FORMAT } from '../workbook/layout';
import { headerStyle } from '../workbook/styles';
import { InputError, type InputProblem } from '../workbook/problems';
import { withRowHeights } from '../workbook/row-heights';
import { buildUnitSheet } from '../workbook/unit-sheet';
import { evaluateState, readWorkbook, type WorkbookState } from './workbook-actions';

export interface CopyState {
  /** File name, for messages. */
  file: string;
  state: WorkbookState;
}

const isEmpty = (s: UnitSheet | undefined) => !s || Object.keys(s.entries).length === 0;

function sameUnitData(
  a: { sheet?: UnitSheet; submission?: Submission },
  b: { sheet?: UnitSheet; submission?: Submission },
): boolean {
  return (
    sameData(a.sheet?.entries ?? {}, b.sheet?.entries ?? {}) &&
    a.submission?.status === b.submission?.status &&
    a.submission?.submittedAt === b.submission?.submittedAt
  );
}

function unitData(state: WorkbookState, code: string) {
  const sheet = state.sheets.find((s) => s.unitCode === code);
  const submission = state.submissions.find((s) => s.unitCode === code);
  return { ...(sheet ? { sheet } : {}), ...(submission ? { submission } : {}) };
}

/**
 * Gathers unit sheets filled in copies of the bloc workbook into the bloc's own workbook. A unit
 * changed in two copies differently, or already filled differently in the target, is a conflict:
 * then nothing is merged and every conflict is listed.
 */
export function planMerge(
  target: WorkbookState,
  copies: readonly CopyState[],
): { replace: SheetSpec[]; merged: string[]; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  for (const c of copies) {
    const same =
      sameData(c.state.bloc.template, target.bloc.template) &&
      sameData(c.state.bloc.units, target.bloc.units) &&
      c.state.bloc.year === target.bloc.year;
    if (!same)
      problems.push({
        source: c.file,
        location: 'trang Cấu hình',
        message:
          'không cùng khối, năm, danh sách đơn vị hoặc bảng tiêu chí với sổ tính đích; không gộp.',
      });
  }
  if (problems.length) return { replace: [], merged: [], problems };
  const replace: SheetSpec[] = [];
  const merged: string[] = [];
  for (const unit of target.bloc.units) {
    const mine = unitData(target, unit.code);
    const changes = copies
      .map((c) => ({ file: c.file, data: unitData(c.state, unit.code) }))
      .filter((c) => !isEmpty(c.data.sheet) && !sameUnitData(c.data, mine));
    if (changes.length === 0) continue;
    const distinct = changes.filter(
      (c, i) => changes.findIndex((d) => sameUnitData(d.data, c.data)) === i,
    );
    if (distinct.length > 1) {
      problems.push({
        source: unit.code,
        location: 'trang đơn vị',
        message: `${unit.name}: các tệp ${distinct.map((d) => d.file).join(', ')} có dữ liệu khác nhau cho cùng đơn vị; hãy giữ một bản rồi gộp lại.`,
      });
      continue;
    }
    if (!isEmpty(mine.sheet)) {
      problems.push({
        source: unit.code,
        location: 'trang đơn vị',
        message: `${unit.name}: sổ tính đích đã có điểm khác với tệp ${distinct[0]!.file}; không ghi đè dữ liệu đã nhập.`,
      });
      continue;
    }
    const chosen = distinct[0]!.data;
    replace.push(
      buildUnitSheet({
        bloc: target.bloc,
        compiled: target.compiled,
        unit,
        ...(chosen.sheet ? { sheet: chosen.sheet } : {}),
        ...(chosen.submission ? { submission: chosen.submission } : {}),
      }),
    );
    merged.push(`${unit.code} ← ${distinct[0]!.file}`);
  }
  return problems.length ? { replace: [], merged: [], problems } : { replace, merged, problems };
}

export interface BlocSummary {
  file: string;
  bloc: Bloc;
  result: BlocResult;
  /** Collectives of the bloc proposed for the Government flag. */
  governmentFlagProposals: string[];
}

/** One province table over several blocs, with the Government-flag share check across them. */
export function provinceSheet(blocs: readonly BlocSummary[]): {
  sheet: SheetSpec;
  check: QuotaCheck;
} {
  const spec = emptySheet('Tổng hợp tỉnh', 'generated');
  const year = blocs[0]?.bloc.year ?? '';
  spec.cells[0] = [{ v: `TỔNG HỢP KẾT QUẢ XẾP HẠNG CÁC KHỐI THI ĐUA NĂM ${year}` }];
  const header = [
    'Khối thi đua',
    'Số đơn vị',
    'Đơn vị dẫn đầu',
    'Điểm',
    'Đề nghị Cờ thi đua',
    'Đề nghị Cờ thi đua của Chính phủ',
  ];
  spec.cells[2] = header.map((v) => ({ v }));
  blocs.forEach((b, i) => {
    const leaders = b.result.units.filter((u) => u.ranked.rank === 1);
    const flags = b.result.units.filter(
      (u) => u.proposal.award === 'flag' || (u.proposal.pending && u.proposal.label),
    );
    spec.cells[3 + i] = [
      { v: b.bloc.name },
      { v: b.bloc.units.length },
      { v: leaders.map((u) => u.unit.name).join(', ') },
      { v: leaders[0]?.score.verified.total ?? null },
      {
        v: flags
          .map((u) => u.unit.name + (u.proposal.pending ? ' (chờ biểu quyết)' : ''))
          .join(', '),
      },
      { v: b.governmentFlagProposals.join(', ') },
    ];
  });
  const blocLeaders = blocs.filter((b) => b.result.units.some((u) => u.ranked.rank === 1)).length;
  const proposed = blocs.reduce((n, b) => n + b.governmentFlagProposals.length, 0);
  const check = checkGovernmentFlagShare({ blocLeaders, proposed, rules: DEFAULT_PRESET });
  const checkRow = 4 + blocs.length + 1;
  spec.cells[checkRow - 1] = [
    { v: check.title },
    { v: check.applicable ? (check.pass ? 'Đạt' : 'Không đạt') : 'Không áp dụng' },
    { v: check.limitText },
  ];
  spec.cells[checkRow] = [{ v: 'Nguồn' }, { v: check.source }];
  for (let i = 0; i < spec.cells.length; i++) spec.cells[i] ??= [];
  spec.styles = [
    { range: 'A1', bold: true, fontSize: 14 },
    headerStyle('A3:F3'),
    { range: `D4:D${3 + blocs.length}`, numberFormat: NUMBER_FORMAT },
    { range: `A${checkRow}:C${checkRow}`, bold: true },
  ];
  spec.columnWidths = [34, 10, 34, 10, 34, 34];
  return { sheet: withRowHeights(spec), check };
}

/** A workbook given by a person: its file name (for messages) and its port. */
export interface NamedWorkbook {
  file: string;
  port: WorkbookPort;
}

/** Reads a workbook, naming its file in every problem it reports. */
export async function readNamedWorkbook({ file, port }: NamedWorkbook): Promise<WorkbookState> {
  try {
    return await readWorkbook(port);
  } catch (e) {
    if (e instanceof InputError)
      throw new InputError(
        e.problems.map((p): InputProblem => ({ ...p, source: `${file} › ${p.source}` })),
      );
    throw e;
  }
}

/**
 * Merges the unit sheets filled in copies into the bloc's workbook (planMerge). A conflict refuses
 * the whole merge; with nothing to merge nothing is written. Returns what was merged.
 */
export async function mergeCopies(
  target: NamedWorkbook,
  copies: readonly NamedWorkbook[],
): Promise<string[]> {
  const state = await readNamedWorkbook(target);
  const states: CopyState[] = [];
  for (const c of copies) states.push({ file: c.file, state: await readNamedWorkbook(c) });
  const plan = planMerge(state, states);
  if (plan.problems.length) throw new InputError(plan.problems);
  if (plan.merged.length) await target.port.write({ replace: plan.replace, update: [] });
  return plan.merged;
}

/** A bloc's line of the province summary: its ranking and its Government flag proposals. */
export async function summariseBloc(workbook: NamedWorkbook): Promise<BlocSummary> {
  const state = await readNamedWorkbook(workbook);
  const { result } = evaluateState(state);
  return {
    file: workbook.file,
    bloc: state.bloc,
    result,
    governmentFlagProposals: state.collectives
      .filter((c) => c.proposed === 'co-chinh-phu')
      .map((c) => c.name),
  };
}
