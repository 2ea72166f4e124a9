import { STATUS_LABELS, type Bloc, type Submission, type Unit } from '../../core/bloc';
import { fromUnits, toUnits } from '../../core/decimal';
import { scoreUnit, type Side, type Totals, type UnitScore } from '../../core/scoring/score';
import type { EntryValue, ItemEntry, UnitSheet } from '../../core/scoring/types';
import type { CompiledTemplate } from '../../core/template/compile';
import type { Caps } from '../../core/template/types';
import { serialToIso } from '../../core/text/dates';
import { formatDecimal } from '../../core/text/vietnamese';
import {
  address,
  columnLetter,
  emptySheet,
  type CellSpec,
  type CellValue,
  type RangeStyle,
  type SheetSpec,
  type Validation,
} from '../grid';
import { DATE_FORMAT, KIND_CODES, NUMBER_FORMAT } from '../layout';
import { HEADER_FILL } from '../styles';
import { unitFormulas, type RowFormulas, type SlotFormula, type UnitFormulas } from './formulas';
import { SLOT, UNIT, unitLayout, unitSheetName, type UnitLayout, type UnitRow } from './layout';
import { interpretInput } from './read';
import { withRowHeights } from '../row-heights';

/**
 * The unit sheet (docs/workbook-format.md, "Trang đơn vị"): one row per criterion in template
 * order, input cells for the unit's own score (F) and the bloc's verified score (G), evidence (K)
 * and reason (L), and live formulas that reproduce the engine (./formulas.ts).
 */

export interface UnitSheetInput {
  bloc: Bloc;
  compiled: CompiledTemplate;
  unit: Unit;
  /** The unit's entries; none gives an empty sheet. */
  sheet?: UnitSheet;
  submission?: Submission;
  /**
   * `scoreUnit(compiled, sheet)`, for the cached values of the formula cells. When absent, the sheet
   * is scored as the workbook will hold it (see `workbookSheet`).
   */
  score?: UnitScore;
}

const C = UNIT.col;
/** The input columns by letter, for the hint. */
const letter = {
  self: columnLetter(C.self),
  verified: columnLetter(C.verified),
  evidence: columnLetter(C.evidence),
  note: columnLetter(C.note),
};
const LAST_VISIBLE = C.note;

const FILL = {
  header: HEADER_FILL,
  /** Top-level parts (Tiêu chuẩn I, II, …). */
  group: 'FFDDEBF7',
  /** Sections inside a part: lighter than the parts, still set off from the items. */
  subgroup: 'FFEEF4FA',
  input: 'FFFFF2CC',
  /** The bloc's columns (Khối chấm, lý do): locked for units, a different tint. */
  verified: 'FFE4DFEC',
  total: 'FFE2EFDA',
};

/** Points with two decimals; a negative difference in red. */
const DIFFERENCE_FORMAT = `${NUMBER_FORMAT};[Red]-${NUMBER_FORMAT}`;

const isMarked = (v: EntryValue | undefined) =>
  v !== undefined && v !== false && v !== 0 && v !== '';

/** An entry value as written into an input cell. */
function cellValue(row: UnitRow, v: EntryValue): CellValue {
  if (row.input === 'yesno' && typeof v === 'boolean') return v ? 'có' : 'không';
  if (row.input === 'date' && typeof v === 'number') return serialToIso(v) ?? v;
  return v;
}

interface Held {
  /** What the workbook reads back. */
  sheet: UnitSheet;
  /** What is written into F and G, by criterion code. */
  written: Map<string, { self?: CellValue; verified?: CellValue }>;
}

/**
 * The sheet as the workbook holds it: only cells that exist (F/G on input rows, K/L where notes
 * are taken), values as read back from those cells. A choice marked on its alternatives' rows
 * (possible in a CSV, not in the workbook) is written as the code of the first marked alternative.
 */
function hold(t: CompiledTemplate, sheet: UnitSheet | undefined): Held {
  const layout = unitLayout(t);
  const entries: Record<string, ItemEntry> = {};
  const written: Held['written'] = new Map();
  const given = sheet?.entries ?? {};
  for (const r of layout.rows) {
    const e = given[r.code];
    const out: ItemEntry = {};
    let self = e?.self;
    let verified = e?.verified;
    let evidence = e?.evidence;
    if (r.input === 'code') {
      const kids = t.children[r.index]!.map((k) => ({
        code: t.criteria[k]!.code,
        e: given[t.criteria[k]!.code],
      }));
      const marked = (side: Side) =>
        kids.find(({ e: k }) => isMarked(side === 'self' ? k?.self : (k?.verified ?? k?.self)));
      if (typeof self !== 'string' || self === '') {
        const m = marked('self');
        if (m) {
          self = m.code;
          evidence ??= m.e?.evidence;
        }
      }
      if (verified === undefined && kids.some(({ e: k }) => k?.verified !== undefined)) {
        const m = marked('verified');
        if (m) verified = m.code;
      }
    }
    if (r.input !== 'none') {
      const cells: { self?: CellValue; verified?: CellValue } = {};
      for (const [key, v] of [
        ['self', self],
        ['verified', verified],
      ] as const) {
        if (v === undefined || v === '') continue;
        const cell = cellValue(r, v);
        const got = interpretInput(r, cell);
        if (got.value === undefined) continue;
        out[key] = got.value;
        cells[key] = cell;
      }
      written.set(r.code, cells);
    }
    if (r.notes) {
      if (evidence) out.evidence = evidence;
      if (e?.reason) out.reason = e.reason;
    }
    if (Object.keys(out).length) entries[r.code] = out;
  }
  return { sheet: { unitCode: sheet?.unitCode ?? '', entries }, written };
}

/** The sheet as the workbook will read it back (what `buildUnitSheet` scores without `score`). */
export function workbookSheet(t: CompiledTemplate, sheet: UnitSheet | undefined): UnitSheet {
  return hold(t, sheet).sheet;
}

function capText(caps: Caps | undefined): string {
  const parts: string[] = [];
  if (caps?.bonus !== undefined) parts.push(`cộng ≤ ${formatDecimal(caps.bonus)}`);
  if (caps?.penalty !== undefined) parts.push(`trừ ≤ ${formatDecimal(caps.penalty)}`);
  if (caps?.net !== undefined) parts.push(`tổng ≤ ${formatDecimal(caps.net)}`);
  return parts.join('; ');
}

/** Consecutive runs of row numbers: [6, 7, 8, 10] → [[6, 8], [10, 10]]. */
function runs(rows: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of [...rows].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last[1] === r - 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}

const range = (r1: number, c1: number, r2: number, c2: number) =>
  `${address(r1, c1)}:${address(r2, c2)}`;

const slotValues = (n: Totals): number[] => [
  n.earnedBase,
  n.bonusRaw,
  n.penaltyRaw,
  n.bonus,
  n.penalty,
];

const diff = (a: number, b: number) => fromUnits(toUnits(a) - toUnits(b));

/** The cells of a sheet being built: each row is added as wide as the sheet when first reached. */
interface CellWriter {
  rows: CellSpec[][];
  put(row: number, col: number, cell: CellSpec): void;
  val(row: number, col: number, v: CellValue): void;
  /** A null formula is a slot that is structurally 0 (./formulas.ts): the constant 0 stands in. */
  formula(row: number, col: number, f: SlotFormula, v: number): void;
}

function cellWriter(): CellWriter {
  const rows: CellSpec[][] = [];
  const put = (row: number, col: number, cell: CellSpec) => {
    while (rows.length < row) rows.push(Array.from({ length: UNIT.lastColumn }, () => ({})));
    rows[row - 1]![col - 1] = cell;
  };
  return {
    rows,
    put,
    val: (row, col, v) => put(row, col, { v }),
    formula: (row, col, f, v) => put(row, col, f === null ? { v: 0 } : { f, v }),
  };
}

/** Builds the sheet of one unit. Pure: the same input gives the same spec. */
export function buildUnitSheet(input: UnitSheetInput): SheetSpec {
  const { compiled: t, unit } = input;
  const layout = unitLayout(t);
  const formulas = unitFormulas(t);
  const held = hold(t, input.sheet);
  const score = input.score ?? scoreUnit(t, { ...held.sheet, unitCode: unit.code });
  const spec = emptySheet(unitSheetName(unit.code), 'unit');
  const cells = cellWriter();
  writeHeading(cells, input);
  for (const r of layout.rows) {
    const code = t.criteria[r.index]!.code;
    writeCriterionValues(cells, t, r, held);
    writeScoreFormulas(
      cells,
      r.row,
      formulas.rows[r.index]!,
      score.node(code, 'self'),
      score.node(code, 'verified'),
    );
  }
  writeTotals(cells, t, layout, formulas, score);
  spec.cells = cells.rows;
  frameSheet(spec, t, layout);
  return withRowHeights(spec);
}

/** Rows 1–5: title, unit, status, a hint, headers. */
function writeHeading(cells: CellWriter, { bloc, unit, submission }: UnitSheetInput): void {
  const { val } = cells;
  val(UNIT.titleRow, 1, `BẢNG CHẤM ĐIỂM THI ĐUA NĂM ${bloc.year}`);
  val(UNIT.unitRow, UNIT.labelCol, 'Đơn vị:');
  val(UNIT.unitRow, UNIT.unitNameCol, unit.name);
  val(UNIT.unitRow, UNIT.unitCodeLabelCol, 'Mã đơn vị:');
  val(UNIT.unitRow, UNIT.unitCodeCol, unit.code);
  val(UNIT.statusRow, UNIT.labelCol, 'Trạng thái:');
  val(UNIT.statusRow, UNIT.statusCol, STATUS_LABELS[submission?.status ?? 'chua-nop']);
  val(UNIT.statusRow, UNIT.dateLabelCol, 'Ngày nộp:');
  val(UNIT.statusRow, UNIT.dateCol, submission?.submittedAt ?? null);
  val(
    UNIT.hintRow,
    1,
    `Đơn vị nhập vào các ô nền vàng: ${letter.self} tự chấm, ${letter.evidence} minh chứng. ` +
      `Khối nhập các ô nền tím: ${letter.verified} khối chấm (để trống là giống tự chấm), ` +
      `${letter.note} lý do. Mục chọn: ghi mã phương án, số liệu hoặc ngày trên dòng của mục.`,
  );
  UNIT.headers.forEach((h, i) => val(UNIT.headerRow, i + 1, h));
}

/** The plain cells of a criterion row: what the template says of it and what was entered. */
function writeCriterionValues(cells: CellWriter, t: CompiledTemplate, r: UnitRow, held: Held) {
  const { val } = cells;
  const c = t.criteria[r.index]!;
  const maxBase = fromUnits(t.maxBase[r.index]!);
  val(r.row, C.code, c.code);
  val(r.row, C.text, c.text);
  if (c.kind === 'base' || ((c.kind === 'group' || c.kind === 'choice') && maxBase > 0))
    val(r.row, C.base, maxBase);
  if ((c.kind === 'bonus' || c.kind === 'penalty') && c.rate !== undefined)
    val(r.row, C.rate, c.rate);
  const caps = capText(c.caps);
  if (caps) val(r.row, C.cap, caps);
  const e = held.sheet.entries[c.code];
  // What was given is written as given (a person's text stays as typed).
  const written = held.written.get(c.code);
  if (written?.self !== undefined) val(r.row, C.self, written.self);
  if (written?.verified !== undefined) val(r.row, C.verified, written.verified);
  if (e?.evidence !== undefined) val(r.row, C.evidence, e.evidence);
  if (e?.reason !== undefined) val(r.row, C.note, e.reason);
  val(r.row, C.kind, KIND_CODES[c.kind]);
}

/**
 * The formulas of a criterion or totals row (the slots of each side, its points and the
 * difference), each with the engine's value cached so the sheet shows the right numbers before
 * Excel recalculates.
 */
function writeScoreFormulas(
  cells: CellWriter,
  row: number,
  f: RowFormulas,
  self: Totals,
  verified: Totals,
): void {
  const sv = slotValues(self);
  const fv = slotValues(verified);
  for (let s = 0; s < 5; s++) {
    cells.formula(row, C.selfSlots + s, f.self[s] ?? null, sv[s]!);
    cells.formula(row, C.verifiedSlots + s, f.verified[s] ?? null, fv[s]!);
  }
  cells.put(row, C.selfPoints, { f: f.selfPoints, v: self.total });
  cells.put(row, C.verifiedPoints, { f: f.verifiedPoints, v: verified.total });
  cells.put(row, C.difference, { f: f.difference, v: diff(verified.total, self.total) });
}

/** The totals row, its earned/bonus/penalty breakdown and the knock-out row. */
function writeTotals(
  cells: CellWriter,
  t: CompiledTemplate,
  layout: UnitLayout,
  formulas: UnitFormulas,
  score: UnitScore,
): void {
  const { put, val } = cells;
  const T = layout.totalRow;
  val(T, C.text, 'TỔNG CỘNG');
  val(T, C.base, fromUnits(t.roots.reduce((sum, k) => sum + t.maxBase[k]!, 0)));
  const rootCaps = capText(t.template.caps);
  if (rootCaps) val(T, C.cap, rootCaps);
  writeScoreFormulas(cells, T, formulas.total, score.self, score.verified);
  const parts: [number, string, number, keyof Totals][] = [
    [layout.earnedRow, 'Điểm chuẩn đạt', SLOT.earned, 'earnedBase'],
    [layout.bonusRow, 'Điểm thưởng', SLOT.bonus, 'bonus'],
    [layout.penaltyRow, 'Điểm trừ', SLOT.penalty, 'penalty'],
  ];
  for (const [row, label, slot, key] of parts) {
    val(row, C.text, label);
    put(row, C.selfPoints, { f: address(T, C.selfSlots + slot), v: score.self[key] });
    put(row, C.verifiedPoints, { f: address(T, C.verifiedSlots + slot), v: score.verified[key] });
    put(row, C.difference, {
      f: `${address(row, C.verifiedPoints)}-${address(row, C.selfPoints)}`,
      v: diff(score.verified[key], score.self[key]),
    });
  }
  val(layout.knockoutRow, C.text, 'Không xếp loại (1 = có)');
  cells.formula(
    layout.knockoutRow,
    C.verifiedPoints,
    formulas.knockedOut,
    score.knockedOut ? 1 : 0,
  );
}

/** Everything of the sheet but its cells: merges, widths, panes, protection, print, look, lists. */
function frameSheet(spec: SheetSpec, t: CompiledTemplate, layout: UnitLayout): void {
  // The hint stays in the frozen columns A:B, so it is readable wherever the sheet is scrolled.
  spec.merges = [
    range(UNIT.titleRow, 1, UNIT.titleRow, LAST_VISIBLE),
    range(UNIT.hintRow, 1, UNIT.hintRow, C.text),
  ];
  spec.columnWidths = [11, 60, 9, 7, 15, 12, 12, 11, 12, 10, 32, 28, 12, ...Array(10).fill(10)];
  spec.hiddenColumns = Array.from({ length: UNIT.lastColumn - C.kind + 1 }, (_, k) => C.kind + k);
  spec.frozen = { rows: UNIT.headerRow, columns: C.text };
  spec.protect = true;
  spec.print = { landscape: true, fitToWidth: true, titleRows: [UNIT.headerRow, UNIT.headerRow] };
  spec.styles = styles(t, layout.rows, layout);
  spec.validations = validations(layout.rows);
}

/** Formats, in order: a later style wins where ranges overlap. */
function styles(t: CompiledTemplate, rows: readonly UnitRow[], layout: UnitLayout): RangeStyle[] {
  const first = layout.firstRow;
  const end = layout.knockoutRow;
  const out: RangeStyle[] = [
    {
      range: range(UNIT.titleRow, 1, UNIT.titleRow, LAST_VISIBLE),
      bold: true,
      fontSize: 14,
      hAlign: 'center',
    },
    { range: range(UNIT.unitRow, UNIT.labelCol, UNIT.statusRow, UNIT.labelCol), bold: true },
    {
      range: range(UNIT.unitRow, UNIT.unitCodeLabelCol, UNIT.statusRow, UNIT.unitCodeLabelCol),
      bold: true,
    },
    { range: address(UNIT.unitRow, UNIT.unitCodeCol), bold: true },
    {
      range: address(UNIT.hintRow, 1),
      italic: true,
      fontColor: 'FF595959',
      wrap: true,
      vAlign: 'top',
    },
    {
      range: range(UNIT.headerRow, 1, UNIT.headerRow, UNIT.lastColumn),
      bold: true,
      fill: FILL.header,
      wrap: true,
      hAlign: 'center',
      vAlign: 'middle',
      border: true,
    },
    { range: range(first, 1, end, LAST_VISIBLE), border: true, vAlign: 'top' },
    { range: range(first, C.text, end, C.text), wrap: true },
    { range: range(first, C.cap, end, C.cap), wrap: true },
    { range: range(first, C.evidence, end, C.note), wrap: true },
    { range: range(first, C.base, end, C.difference), numberFormat: NUMBER_FORMAT },
    { range: range(first, C.difference, end, C.difference), numberFormat: DIFFERENCE_FORMAT },
    { range: range(first, C.selfSlots, end, UNIT.lastColumn), numberFormat: NUMBER_FORMAT },
    { range: range(first, C.cap, end, C.cap), fontSize: 11 },
  ];
  // Entries that are not points: a number of cases is whole, a measure is shown as typed.
  const entryFormat = (kind: UnitRow['input'], format: string) => {
    const list = rows.filter((r) => r.input === kind).map((r) => r.row);
    for (const [a, b] of runs(list))
      out.push({ range: range(a, C.self, b, C.verified), numberFormat: format });
  };
  entryFormat('cases', '0');
  entryFormat('number', 'General');
  // Indent by depth, in runs of equal depth.
  const byDepth = new Map<number, number[]>();
  for (const r of rows) {
    const d = t.depth[r.index]!;
    if (d > 0) byDepth.set(d, [...(byDepth.get(d) ?? []), r.row]);
  }
  for (const [depth, list] of [...byDepth].sort((a, b) => a[0] - b[0]))
    for (const [a, b] of runs(list))
      out.push({ range: range(a, C.text, b, C.text), indent: depth, hAlign: 'left' });
  const groups = (top: boolean) =>
    rows
      .filter((r) => t.criteria[r.index]!.kind === 'group' && (t.depth[r.index] === 0) === top)
      .map((r) => r.row);
  for (const [a, b] of runs(groups(true)))
    out.push({ range: range(a, 1, b, LAST_VISIBLE), bold: true, fill: FILL.group });
  for (const [a, b] of runs(groups(false)))
    out.push({ range: range(a, 1, b, LAST_VISIBLE), bold: true, fill: FILL.subgroup });
  out.push({ range: range(layout.totalRow, 1, end, LAST_VISIBLE), bold: true, fill: FILL.total });
  out.push({
    range: range(layout.totalRow, C.selfPoints, layout.totalRow, C.verifiedPoints),
    fontSize: 13,
  });
  out.push({
    range: range(layout.knockoutRow, C.selfPoints, layout.knockoutRow, C.difference),
    numberFormat: '0',
  });
  const dates = rows.filter((r) => r.input === 'date').map((r) => r.row);
  for (const [a, b] of runs(dates))
    out.push({ range: range(a, C.self, b, C.verified), numberFormat: DATE_FORMAT });
  out.push({ range: address(UNIT.statusRow, UNIT.dateCol), numberFormat: DATE_FORMAT });
  // The unit's input cells (Tự chấm, Minh chứng): unlocked, on a light fill. The bloc's columns
  // (Khối chấm, lý do) stay locked so a unit cannot type its own verified score; the leader writes
  // them through the add-in (which unprotects and protects again) or `thidua import`.
  const unlocked = (list: number[], column: number) => {
    for (const [a, b] of runs(list))
      out.push({ range: range(a, column, b, column), locked: false, fill: FILL.input });
  };
  const leaderColumn = (list: number[], column: number) => {
    for (const [a, b] of runs(list))
      out.push({ range: range(a, column, b, column), fill: FILL.verified });
  };
  const inputs = rows.filter((r) => r.input !== 'none').map((r) => r.row);
  const notes = rows.filter((r) => r.notes).map((r) => r.row);
  unlocked(inputs, C.self);
  unlocked(notes, C.evidence);
  leaderColumn(inputs, C.verified);
  leaderColumn(notes, C.note);
  unlocked([UNIT.statusRow], UNIT.statusCol);
  unlocked([UNIT.statusRow], UNIT.dateCol);
  return out;
}

function validations(rows: readonly UnitRow[]): Validation[] {
  const out: Validation[] = [
    {
      range: address(UNIT.statusRow, UNIT.statusCol),
      type: 'list',
      list: Object.values(STATUS_LABELS),
      error: `Trạng thái: chọn một trong ${Object.values(STATUS_LABELS).join(', ')}`,
    },
    {
      range: address(UNIT.statusRow, UNIT.dateCol),
      type: 'date',
      error: 'Ngày nộp: nhập ngày (ngày/tháng/năm)',
    },
  ];
  for (const r of rows) {
    if (r.input === 'none') continue;
    const text = `Mục ${r.code}: ${r.rule}`;
    const base = { range: range(r.row, C.self, r.row, C.verified), error: text, prompt: text };
    switch (r.input) {
      case 'points':
        out.push({
          ...base,
          type: 'decimal',
          min: 0,
          ...(r.max !== undefined ? { max: r.max } : {}),
        });
        break;
      case 'cases':
        out.push({ ...base, type: 'whole', min: 0 });
        break;
      case 'number':
        out.push({ ...base, type: 'decimal' });
        break;
      case 'date':
        out.push({ ...base, type: 'date' });
        break;
      case 'code':
        out.push({ ...base, type: 'list', list: r.alternatives ?? [] });
        break;
      case 'yesno':
        out.push({ ...base, type: 'list', list: ['có', 'không'] });
        break;
    }
  }
  return out;
}
