import type { Bloc, BlocResult, UnitResult } from '../core/bloc';
import type { QuotaCheck } from '../core/quota';
import type { TieBreaker } from '../core/ranking/rank';
import type { CompiledTemplate } from '../core/template/compile';
import { rankingChart } from '../core/ranking/chart';
import { rankingRows, type RankingCell } from '../core/ranking/rows';
import type { CellSpec, CellValue, ChartSpec, SheetData, SheetSpec } from './grid';
import { address, columnLetter, emptySheet, parseAddress, sheetRef } from './grid';
import { NUMBER_FORMAT, SHEETS, TABLES } from './layout';
import type { InputProblem } from './problems';
import { withRowHeights } from './row-heights';
import { headerStyle } from './styles';
import { UNIT, unitSheetCells, unitSheetName, type UnitSheetCells } from './unit-sheet';

/**
 * The generated sheets, rebuilt whole on every run. Row 2 of each says so; a sheet with one of
 * these names but without that line was made by a person and is never overwritten.
 */
export const GENERATED_MARKER =
  'Trang do thidua tạo lại mỗi lần xếp hạng — không nhập dữ liệu vào đây.';
const HEADER_ROW = 4;
/** Top-level parts of the template, and the sections inside them (as on the unit sheets). */
const GROUP_FILL = 'FFDDEBF7';
const SUBGROUP_FILL = 'FFEEF4FA';
const TOTAL_FILL = 'FFE2EFDA';
/** A quota check that fails, a unit that is not classified. */
const FAIL_FILL = 'FFFCE4E4';
const RED = 'FFC00000';
const GREY = 'FF7F7F7F';
/** Points with two decimals; a negative (a penalty) in red. */
const POINTS_FORMAT = `${NUMBER_FORMAT};[Red]-${NUMBER_FORMAT}`;

function titled(name: string, title: string, subtitle: string): SheetSpec {
  const spec = emptySheet(name, 'generated');
  spec.cells[0] = [{ v: title }];
  spec.cells[1] = [{ v: GENERATED_MARKER }];
  spec.cells[2] = [{ v: subtitle }];
  spec.styles.push(
    { range: 'A1', bold: true, fontSize: 14 },
    { range: 'A2', italic: true, fontColor: GREY },
  );
  spec.frozen = { rows: HEADER_ROW, columns: 0 };
  spec.print = { landscape: true, fitToWidth: true, titleRows: [HEADER_ROW, HEADER_ROW] };
  spec.protect = true;
  return spec;
}

function header(spec: SheetSpec, names: string[]) {
  spec.cells[HEADER_ROW - 1] = names.map((v) => ({ v }));
  spec.styles.push(headerStyle(`A${HEADER_ROW}:${columnLetter(names.length)}${HEADER_ROW}`));
}

/** The rows under the header: a grid, each cell's text from the top. */
function body(spec: SheetSpec, lastColumn: number, lastRow: number) {
  spec.styles.push({
    range: `A${HEADER_ROW + 1}:${columnLetter(lastColumn)}${lastRow}`,
    border: true,
    vAlign: 'top',
  });
}

/** True when a sheet of that name may be replaced: absent, or made by thidua. */
export function isGeneratedSheet(data: SheetData): boolean {
  return data.values[1]?.[0] === GENERATED_MARKER;
}

export function refuseOverwrite(data: SheetData): InputProblem {
  return {
    source: data.name,
    location: 'ô A2',
    message: `trang "${data.name}" trùng tên trang do thidua tạo nhưng không phải do thidua tạo (có thể do người nhập); hãy đổi tên trang đó rồi chạy lại. Không ghi gì.`,
  };
}

const round4 = (ref: string) => `ROUND(${ref},4)`;

/** Key columns of the ranking, for live rank formulas: [column letter, "<" (lower wins) or ">"]. */
function breakerKey(tb: TieBreaker, col: Record<string, string>): [string, '<' | '>'] {
  switch (tb.kind) {
    case 'fewer-penalty':
      return [col.penalty!, '<'];
    case 'higher-base':
      return [col[`base:${tb.subtree}`]!, '>'];
    case 'earlier-submission':
      return [col.date!, '<'];
    case 'vote':
      return [col.vote!, '>'];
  }
}

/**
 * Xếp hạng: one row per unit in ranking order. Totals are live formulas over the unit sheets; the
 * rank is a live COUNTIFS over the table applying the bloc's tie-breakers in order, so editing a
 * score in Excel re-ranks without the add-in. Proposals and tie notes are values of the last run.
 */
export function buildRankingSheet(
  bloc: Bloc,
  compiled: CompiledTemplate,
  result: BlocResult,
  votes: ReadonlyMap<string, number>,
): SheetSpec {
  const spec = titled(
    SHEETS.ranking,
    `KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA NĂM ${bloc.year}`,
    `${bloc.name} — xếp hạng ${bloc.settings.ranking.mode === 'dense' ? 'liền (1, 2, 2, 3)' : 'theo thứ bậc (1, 2, 2, 4)'}`,
  );
  const table = rankingRows(result);
  const columns = rankingColumns(table.header, bloc.settings.ranking.tieBreakers);
  const { names, helperNames, idx } = columns;
  header(spec, names);
  const first = HEADER_ROW + 1;
  // One row at least: the table needs a body row even when the bloc has no unit.
  const last = HEADER_ROW + Math.max(1, result.units.length);
  const ranking: RankingSheet = {
    bloc,
    cells: unitSheetCells(compiled),
    columns,
    range: (c) => `$${c}$${first}:$${c}$${last}`,
    votes,
  };
  result.units.forEach((u, i) => {
    spec.cells[first + i - 1] = rankingRow(ranking, u, first + i, table.rows[i]!);
  });
  if (result.units.length === 0) spec.cells[first - 1] = names.map(() => ({ v: null }));
  spec.tables = [
    { name: TABLES.ranking, range: `A${HEADER_ROW}:${columnLetter(names.length)}${last}` },
  ];
  styleRankingRows(spec, columns, result, table.header.length, last);
  spec.columnWidths = [16, 10, 32, 10, 10, 10, 11, 10, 14, 34, 55];
  spec.hiddenColumns = helperNames.map((n) => idx(n));
  if (result.units.length) {
    const chart = rankingChartSpec(bloc, result, columns, last);
    spec.charts = [chart];
    // The chart prints whole on a page of its own rather than cut by a page break.
    spec.print = { ...spec.print, breaksBefore: [parseAddress(chart.anchor.split(':')[0]!).row] };
  }
  return withRowHeights(spec);
}

/** Columns the chart spans under the table: rank to class, the width of a printed page. */
const CHART_COLUMNS = 9;

/**
 * The chart under the ranking table, two rows below it: three rows for four bars and a few for the
 * title and the axis, so that 60 names stay readable and fit a printed page.
 */
function rankingChartSpec(
  bloc: Bloc,
  result: BlocResult,
  { idx }: RankingColumns,
  last: number,
): ChartSpec {
  const first = HEADER_ROW + 1;
  const column = (name: string) => {
    const c = columnLetter(idx(name));
    return `${c}${first}:${c}${last}`;
  };
  const top = last + 2;
  return {
    chart: rankingChart(result, bloc.settings.classification, bloc.year),
    categories: column('Đơn vị'),
    values: column('Khối chấm'),
    seriesName: `${columnLetter(idx('Khối chấm'))}${HEADER_ROW}`,
    anchor: `A${top}:${columnLetter(CHART_COLUMNS)}${top + Math.max(22, Math.ceil(result.units.length * 0.75) + 8)}`,
  };
}

/** The ranking table's columns: the report's, then hidden helpers for the live rank formulas. */
interface RankingColumns {
  names: string[];
  helperNames: string[];
  /** The subtrees a higher-base tie-breaker compares, each with a helper column. */
  subtrees: string[];
  /** The column number of a name, from 1. */
  idx(name: string): number;
  /** Column letters the formulas read, by role (see breakerKey). */
  col: Record<string, string>;
}

function rankingColumns(reportHeader: string[], breakers: readonly TieBreaker[]): RankingColumns {
  const subtrees = breakers.flatMap((t) => (t.kind === 'higher-base' ? [t.subtree] : []));
  const helperNames = [
    'Không xếp loại',
    'Ngày nộp',
    'Biểu quyết',
    ...subtrees.map((s) => `Điểm chuẩn ${s}`),
    'Hạng thứ bậc',
  ];
  const names = [...reportHeader, ...helperNames];
  const idx = (name: string) => names.indexOf(name) + 1;
  const col: Record<string, string> = {
    total: columnLetter(idx('Khối chấm')),
    penalty: columnLetter(idx('Điểm trừ')),
    ko: columnLetter(idx('Không xếp loại')),
    date: columnLetter(idx('Ngày nộp')),
    vote: columnLetter(idx('Biểu quyết')),
    comp: columnLetter(idx('Hạng thứ bậc')),
  };
  subtrees.forEach((s) => (col[`base:${s}`] = columnLetter(idx(`Điểm chuẩn ${s}`))));
  return { names, helperNames, subtrees, idx, col };
}

/** What every row of the ranking sheet is built from. */
interface RankingSheet {
  bloc: Bloc;
  cells: UnitSheetCells;
  columns: RankingColumns;
  /** A column over the unit rows, absolute, for COUNTIFS and COUNTIF. */
  range(column: string): string;
  votes: ReadonlyMap<string, number>;
}

/** One unit's row, at sheet row r: the values of the last run, formulas where the sheet can live. */
function rankingRow(
  ranking: RankingSheet,
  u: UnitResult,
  r: number,
  values: RankingCell[],
): CellSpec[] {
  const { cells, columns } = ranking;
  const { idx, col } = columns;
  const classes = ranking.bloc.settings.classification;
  const ref = (a: string) => `${sheetRef(unitSheetName(u.unit.code))}!${a}`;
  const row: CellSpec[] = values.map((v) => ({ v }));
  const put = (name: string, f: string, v: CellValue) => (row[idx(name) - 1] = { f, v });
  put('Tự chấm', round4(ref(cells.selfTotal)), u.score.self.total);
  put('Khối chấm', round4(ref(cells.verifiedTotal)), u.score.verified.total);
  put('Điểm chuẩn', round4(ref(cells.verifiedEarned)), u.score.verified.earnedBase);
  put('Điểm thưởng', round4(ref(cells.verifiedBonus)), u.score.verified.bonus);
  put('Điểm trừ', round4(ref(cells.verifiedPenalty)), u.score.verified.penalty);
  put('Không xếp loại', ref(cells.knockedOut), u.score.knockedOut ? 1 : 0);
  put(
    'Ngày nộp',
    `IF(${ref(cells.submittedAt)}="","",${ref(cells.submittedAt)})`,
    u.ranked.submittedAt ?? '',
  );
  row[idx('Biểu quyết') - 1] = { v: ranking.votes.get(u.unit.code) ?? null };
  for (const s of columns.subtrees)
    put(`Điểm chuẩn ${s}`, round4(ref(cells.verifiedEarnedOf(s))), u.score.node(s).earnedBase);
  const competition = competitionRank(ranking, r);
  put('Hạng thứ bậc', `IF(${col.ko}${r}=1,1000000,${competition})`, u.ranked.rank ?? 1_000_000);
  put(
    'Hạng',
    `IF(${col.ko}${r}=1,"Không xếp loại",${rankFormula(ranking, r)})`,
    u.ranked.rank ?? 'Không xếp loại',
  );
  const thresholds = classes.thresholds.reduceRight(
    (acc, t) => `IF(${col.total}${r}>=${t.min},"${t.label}",${acc})`,
    `"${classes.fallback}"`,
  );
  put('Xếp loại', `IF(${col.ko}${r}=1,"${classes.notClassified}",${thresholds})`, u.classification);
  return row;
}

/**
 * 1 + the classified units that beat row r: a higher total, or the same total and, at the first
 * tie-breaker that tells them apart, a better key (each breaker counts only among units still
 * level on the total and on every breaker before it).
 */
function competitionRank({ bloc, columns: { col }, range }: RankingSheet, r: number): string {
  const better = [`COUNTIFS(${range(col.ko!)},0,${range(col.total!)},">"&${col.total}${r})`];
  const equal: string[] = [`${range(col.total!)},${col.total}${r}`];
  for (const tb of bloc.settings.ranking.tieBreakers) {
    const [c, op] = breakerKey(tb, col);
    better.push(`COUNTIFS(${range(col.ko!)},0,${equal.join(',')},${range(c)},"${op}"&${c}${r})`);
    equal.push(`${range(c)},${c}${r}`);
  }
  return `1+${better.join('+')}`;
}

/** A dense rank counts the distinct competition ranks below this one; else it is that rank. */
function rankFormula({ bloc, columns: { col }, range }: RankingSheet, r: number): string {
  return bloc.settings.ranking.mode === 'dense'
    ? `SUMPRODUCT((${range(col.comp!)}<${col.comp}${r})/COUNTIF(${range(col.comp!)},${range(col.comp!)}))+1`
    : `${col.comp}${r}`;
}

/** Number formats, alignment, and grey italics for the units not classified. */
function styleRankingRows(
  spec: SheetSpec,
  { idx, col }: RankingColumns,
  result: BlocResult,
  reportWidth: number,
  last: number,
): void {
  const first = HEADER_ROW + 1;
  const column = (name: string) => {
    const c = columnLetter(idx(name));
    return `${c}${first}:${c}${last}`;
  };
  body(spec, reportWidth, last);
  spec.styles.push(
    {
      range: `${columnLetter(idx('Tự chấm'))}${first}:${col.penalty}${last}`,
      numberFormat: NUMBER_FORMAT,
    },
    { range: `A${first}:A${last}`, hAlign: 'center', bold: true, wrap: true },
    { range: column('Mã đơn vị'), hAlign: 'center' },
    { range: column('Xếp loại'), hAlign: 'center' },
    { range: column('Đề nghị khen thưởng'), wrap: true },
    { range: column('Ghi chú'), wrap: true },
  );
  result.units.forEach((u, i) => {
    if (u.ranked.rank !== null) return;
    spec.styles.push({
      range: `A${first + i}:${columnLetter(reportWidth)}${first + i}`,
      italic: true,
      fontColor: GREY,
    });
  });
  spec.dataBars = [{ range: `${col.total}${first}:${col.total}${last}`, color: 'FF5B9BD5' }];
}

/** Tổng hợp: criteria × units, verified points, live; totals with data bars (ExcelJS has no charts). */
export function buildMatrixSheet(
  bloc: Bloc,
  compiled: CompiledTemplate,
  result: BlocResult,
): SheetSpec {
  const spec = titled(
    SHEETS.matrix,
    `TỔNG HỢP ĐIỂM THEO TIÊU CHÍ NĂM ${bloc.year}`,
    'Điểm khối chấm (thống nhất đạt) của từng tiêu chí',
  );
  const units = result.units;
  header(spec, ['STT', 'Nội dung tiêu chí', 'Điểm chuẩn', ...units.map((u) => u.unit.code)]);
  const cells = unitSheetCells(compiled);
  const pointCol = columnLetter(UNIT.col.verifiedPoints);
  const lastCol = columnLetter(3 + units.length);
  compiled.criteria.forEach((c, i) => {
    const r = HEADER_ROW + 1 + i;
    const row: CellSpec[] = [{ v: c.code }, { v: c.text }, { v: compiled.maxBase[i]! / 10_000 }];
    for (const u of units)
      row.push({
        f: `${sheetRef(unitSheetName(u.unit.code))}!${pointCol}${cells.row(c.code)}`,
        v: u.score.node(c.code).total,
      });
    spec.cells[r - 1] = row;
    const top = compiled.depth[i] === 0;
    if (c.kind === 'group')
      spec.styles.push({
        range: `A${r}:${lastCol}${r}`,
        bold: true,
        fill: top ? GROUP_FILL : SUBGROUP_FILL,
      });
    else if (top) spec.styles.push({ range: `A${r}:${lastCol}${r}`, bold: true });
    if (compiled.depth[i]! > 0)
      spec.styles.push({ range: `B${r}`, indent: compiled.depth[i]!, hAlign: 'left' });
  });
  const totalRow = HEADER_ROW + 1 + compiled.size;
  spec.cells[totalRow - 1] = [
    { v: 'TỔNG' },
    { v: 'Tổng điểm khối chấm' },
    { v: bloc.template.declaredTotal },
    ...units.map((u) => ({
      f: `${sheetRef(unitSheetName(u.unit.code))}!${cells.verifiedTotal}`,
      v: u.score.verified.total,
    })),
  ];
  spec.tables = [{ name: TABLES.matrix, range: `A${HEADER_ROW}:${lastCol}${totalRow - 1}` }];
  body(spec, 3 + units.length, totalRow);
  spec.styles.push(
    { range: `B${HEADER_ROW + 1}:B${totalRow}`, wrap: true },
    { range: `C${HEADER_ROW + 1}:${lastCol}${totalRow}`, numberFormat: POINTS_FORMAT },
    { range: `A${totalRow}:${lastCol}${totalRow}`, bold: true, border: true, fill: TOTAL_FILL },
  );
  spec.dataBars = [{ range: `D${totalRow}:${lastCol}${totalRow}`, color: 'FF5B9BD5' }];
  spec.columnWidths = [11, 60, 9, ...units.map(() => 9)];
  spec.frozen = { rows: HEADER_ROW, columns: 3 };
  return withRowHeights(spec);
}

const SEVERITY = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' } as const;

/** Cảnh báo: every finding, with the sheet and cell it is about. */
export function buildWarningsSheet(
  bloc: Bloc,
  compiled: CompiledTemplate,
  result: BlocResult,
): SheetSpec {
  const spec = titled(
    SHEETS.warnings,
    'CẢNH BÁO',
    `${bloc.name} — mọi cảnh báo của lần xếp hạng này, kèm trang và ô`,
  );
  header(spec, ['Mức', 'Đơn vị', 'Trang', 'Ô', 'Mã tiêu chí', 'Nội dung']);
  const cells = unitSheetCells(compiled);
  const unitOf = new Map(bloc.units.map((u) => [u.code, u]));
  const rows: CellValue[][] = result.findings.map((f) => {
    // A finding about one unit's workflow (its status) points at that unit's status cell.
    const unit = f.unitCode === undefined ? undefined : unitOf.get(f.unitCode);
    return unit
      ? [SEVERITY[f.severity], unit.name, unitSheetName(unit.code), cells.status, '', f.message]
      : [SEVERITY[f.severity], 'Cả khối', SHEETS.config, '', f.code ?? '', f.message];
  });
  for (const u of result.units)
    for (const f of u.score.findings) {
      const col = f.side === 'self' ? UNIT.col.self : UNIT.col.verified;
      const known = f.code !== undefined && compiled.indexOf.has(f.code);
      rows.push([
        SEVERITY[f.severity],
        u.unit.name,
        unitSheetName(u.unit.code),
        known ? address(cells.row(f.code!), col) : '',
        f.code ?? '',
        f.message,
      ]);
    }
  if (rows.length === 0) rows.push(['', '', '', '', '', 'Không có cảnh báo.']);
  rows.forEach((r, i) => (spec.cells[HEADER_ROW + i] = r.map((v) => ({ v }))));
  const last = HEADER_ROW + rows.length;
  spec.tables = [{ name: TABLES.warnings, range: `A${HEADER_ROW}:F${last}` }];
  body(spec, 6, last);
  spec.styles.push(
    { range: `B${HEADER_ROW + 1}:B${last}`, wrap: true },
    { range: `C${HEADER_ROW + 1}:D${last}`, hAlign: 'center' },
    { range: `F${HEADER_ROW + 1}:F${last}`, wrap: true },
  );
  const colour = { [SEVERITY.error]: RED, [SEVERITY.warning]: 'FFC55A11' } as Record<
    string,
    string
  >;
  rows.forEach((r, i) => {
    const c = colour[String(r[0])];
    if (c) spec.styles.push({ range: `A${HEADER_ROW + 1 + i}`, bold: true, fontColor: c });
  });
  spec.columnWidths = [10, 30, 9, 7, 12, 85];
  return withRowHeights(spec);
}

/** Tỷ lệ khen thưởng: each quota check with its numbers, limit, rounding, result and source. */
export function buildQuotaSheet(
  bloc: Bloc,
  checks: readonly QuotaCheck[],
  rulesName: string,
): SheetSpec {
  const spec = titled(
    SHEETS.quota,
    'KIỂM TRA TỶ LỆ KHEN THƯỞNG',
    `${bloc.name} — bộ quy tắc: ${rulesName}`,
  );
  header(spec, [
    'Phạm vi',
    'Kiểm tra',
    'Kết quả',
    'Số được tính',
    'Trên tổng số',
    'Giới hạn và cách làm tròn',
    'Chi tiết',
    'Nguồn',
  ]);
  const rows: CellValue[][] = checks.map((c) => [
    c.scope === 'khoi' ? 'Cả khối' : c.scope,
    c.title,
    c.applicable ? (c.pass ? 'Đạt' : 'Không đạt') : 'Không áp dụng',
    c.numbers.counted,
    c.numbers.base,
    c.limitText,
    c.details.join('; '),
    c.source,
  ]);
  if (rows.length === 0) rows.push(['', '', '', null, null, '', 'Chưa có danh sách cá nhân.', '']);
  rows.forEach((r, i) => (spec.cells[HEADER_ROW + i] = r.map((v) => ({ v }))));
  const last = HEADER_ROW + rows.length;
  spec.tables = [{ name: TABLES.quota, range: `A${HEADER_ROW}:H${last}` }];
  body(spec, 8, last);
  spec.styles.push(
    { range: `B${HEADER_ROW + 1}:H${last}`, wrap: true, vAlign: 'top' },
    { range: `C${HEADER_ROW + 1}:E${last}`, hAlign: 'center' },
  );
  // A failure stands out across its row; a check that does not apply is greyed.
  checks.forEach((c, i) => {
    const r = HEADER_ROW + 1 + i;
    if (c.applicable && !c.pass) {
      spec.styles.push({ range: `A${r}:H${r}`, fill: FAIL_FILL });
      spec.styles.push({ range: `C${r}`, bold: true, fontColor: RED });
    } else if (!c.applicable) spec.styles.push({ range: `C${r}`, fontColor: GREY });
  });
  spec.columnWidths = [10, 28, 12, 9, 9, 42, 36, 40];
  return withRowHeights(spec);
}
