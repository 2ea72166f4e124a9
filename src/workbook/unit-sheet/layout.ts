/**
 * The unit sheet's layout (docs/workbook-format.md, "Trang đơn vị"): its fixed rows and named
 * columns (`UNIT`), and per template the criterion rows, what their input cells take and the
 * totals block (`unitLayout`), and the addresses other sheets reference (`unitSheetCells`). Every
 * other file of the unit sheet and its callers name columns through `UNIT.col`, never by letter.
 */
import { fromUnits } from '../../core/decimal';
import type { CompiledTemplate } from '../../core/template/compile';
import type { Criterion } from '../../core/template/types';
import { formatDecimal } from '../../core/text/vietnamese';
import { address } from '../grid';

/** A unit's sheet is named by the unit code (Excel allows 31 characters; full names are longer). */
export function unitSheetName(unitCode: string): string {
  return unitCode;
}

/**
 * Unit sheet. Rows 1–3 identify the sheet, row 4 is a hint on what to type where, row 5 holds the
 * headers, criteria start on row 6 in template order, the totals follow. Columns are 1-based.
 */
export const UNIT = {
  titleRow: 1,
  /** A2 "Đơn vị:", B2 unit name, H2 "Mã đơn vị:", I2 the code (how a renamed sheet is still known). */
  unitRow: 2,
  /** The labels of rows 2 and 3 ("Đơn vị:", "Trạng thái:"). */
  labelCol: 1,
  unitNameCol: 2,
  unitCodeLabelCol: 8,
  unitCodeCol: 9,
  /** A3 "Trạng thái:", B3 status (list), H3 "Ngày nộp:", I3 submission date. */
  statusRow: 3,
  statusCol: 2,
  dateLabelCol: 8,
  dateCol: 9,
  /** The one-line hint on what to type where, between the status row and the headers. */
  hintRow: 4,
  headerRow: 5,
  firstCriterionRow: 6,
  col: {
    code: 1, // A STT
    text: 2, // B Nội dung
    base: 3, // C Điểm chuẩn
    rate: 4, // D Mức (điểm mỗi trường hợp)
    cap: 5, // E Trần (text: "cộng ≤ 1; trừ ≤ 2")
    self: 6, // F Tự chấm (input: points, cases, alternative code, date, có/không)
    verified: 7, // G Khối chấm (input)
    selfPoints: 8, // H Điểm tự chấm (formula: node total)
    verifiedPoints: 9, // I Điểm khối chấm (formula: node total, verified where given)
    difference: 10, // J Chênh lệch (I − H)
    evidence: 11, // K Minh chứng / giải trình (input)
    note: 12, // L Ghi chú / lý do khối chấm (input)
    kind: 13, // M Loại (hidden: the kind's CSV code)
    /** N–R: self earned base, raw bonus, raw penalty, bonus, penalty (hidden helpers). */
    selfSlots: 14,
    /** S–W: the same for the verified column. */
    verifiedSlots: 19,
  },
  lastColumn: 23,
  headers: [
    'STT',
    'Nội dung tiêu chí',
    'Điểm chuẩn',
    'Mức',
    'Trần',
    'Tự chấm',
    'Khối chấm',
    'Điểm tự chấm',
    'Điểm khối chấm',
    'Chênh lệch',
    'Minh chứng / giải trình',
    'Ghi chú / lý do khối chấm',
    'Loại',
    'TC chuẩn',
    'TC cộng thô',
    'TC trừ thô',
    'TC cộng',
    'TC trừ',
    'KC chuẩn',
    'KC cộng thô',
    'KC trừ thô',
    'KC cộng',
    'KC trừ',
  ],
} as const;

/** Slot offsets inside selfSlots/verifiedSlots, in the engine's order. */
export const SLOT = { earned: 0, bonusRaw: 1, penaltyRaw: 2, bonus: 3, penalty: 4 } as const;

/** What the input cells F (tự chấm) and G (khối chấm) of a criterion row take. */
export type UnitInputKind =
  /** No input: a group, a leaf alternative of a choice, or a banded choice reading a measure. */
  | 'none'
  /** Points: earned base of a base item (0…base), or the points of a bonus/penalty without rate. */
  | 'points'
  /** Number of cases of a bonus/penalty with a rate. */
  | 'cases'
  /** A measured number (a measure row, or a choice banded on its own value). */
  | 'number'
  /** A date (a measure row or a choice banded on dates). */
  | 'date'
  /** The code of the chosen alternative (a choice without bands). */
  | 'code'
  /** có / không (a knock-out condition). */
  | 'yesno';

export interface UnitRow {
  /** Index in the template's criteria. */
  index: number;
  code: string;
  kind: Criterion['kind'];
  /** Sheet row (1-based). */
  row: number;
  input: UnitInputKind;
  /** K (evidence) and L (reason) are input cells: every row but groups and leaf alternatives. */
  notes: boolean;
  /** For `points`: the upper bound (the base, or the cap of a bonus/penalty without rate). */
  max?: number;
  /** For `code`: the codes of the alternatives. */
  alternatives?: string[];
  /** The rule of the input in Vietnamese ("nhập số trường hợp (số nguyên ≥ 0)"); '' for none. */
  rule: string;
}

export interface UnitLayout {
  rows: UnitRow[];
  firstRow: number;
  lastRow: number;
  /** "TỔNG CỘNG": totals after the template's own caps, helpers in N–W like a criterion row. */
  totalRow: number;
  earnedRow: number;
  bonusRow: number;
  penaltyRow: number;
  knockoutRow: number;
}

/** A1 addresses (on the unit sheet, without the sheet name) that other sheets reference. */
export interface UnitSheetCells {
  selfTotal: string;
  verifiedTotal: string;
  selfEarned: string;
  selfBonus: string;
  selfPenalty: string;
  verifiedEarned: string;
  verifiedBonus: string;
  verifiedPenalty: string;
  /** 1 = không xếp loại. */
  knockedOut: string;
  /** Status label (Chưa nộp / Đã nộp / Đã thẩm định). */
  status: string;
  submittedAt: string;
  unitCode: string;
  /** Sheet row of a criterion; throws RangeError for an unknown code. */
  row(code: string): number;
  /** Final (verified where given) earned base of a criterion's subtree, hidden column S. */
  verifiedEarnedOf(code: string): string;
}

const C = UNIT.col;
const fmt = (n: number) => formatDecimal(n);

export const hasBands = (t: CompiledTemplate, i: number) =>
  t.children[i]!.some((k) => t.criteria[k]!.band !== undefined);

const bandsOnDates = (t: CompiledTemplate, choice: number) =>
  t.children[choice]!.some((k) => {
    const b = t.criteria[k]!.band;
    return typeof b?.from === 'string' || typeof b?.to === 'string';
  });

/** The row whose value selects a banded choice's alternative: its `input` measure, else itself. */
export const bandSource = (t: CompiledTemplate, choice: number) =>
  t.input[choice]! >= 0 ? t.input[choice]! : choice;

/** Sources (choices' own cells, measures) read as dates: some choice reading them has date bands. */
export function dateSources(t: CompiledTemplate): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < t.size; i++)
    if (t.criteria[i]!.kind === 'choice' && hasBands(t, i) && bandsOnDates(t, i))
      out.add(bandSource(t, i));
  return out;
}

export function minDefined(...values: (number | undefined)[]): number | undefined {
  const defined = values.filter((v): v is number => v !== undefined);
  return defined.length ? Math.min(...defined) : undefined;
}

function rowInfo(t: CompiledTemplate, i: number, dates: Set<number>): UnitRow {
  const c = t.criteria[i]!;
  const row = UNIT.firstCriterionRow + i;
  const leaf = t.leafAlternative[i] === 1;
  const base = { index: i, code: c.code, kind: c.kind, row, notes: c.kind !== 'group' && !leaf };
  const none = { ...base, input: 'none' as const, rule: '' };
  if (leaf || c.kind === 'group') return none;
  switch (c.kind) {
    case 'base': {
      const max = fromUnits(t.maxBase[i]!);
      return { ...base, input: 'points', max, rule: `nhập điểm đạt từ 0 đến ${fmt(max)}` };
    }
    case 'bonus':
    case 'penalty': {
      if (t.rate[i]! > 0)
        return { ...base, input: 'cases', rule: 'nhập số trường hợp (số nguyên ≥ 0)' };
      const max = minDefined(c.kind === 'bonus' ? c.caps?.bonus : c.caps?.penalty, c.caps?.net);
      const what = c.kind === 'bonus' ? 'điểm thưởng' : 'điểm trừ';
      const upTo = max === undefined ? '' : `, tối đa ${fmt(max)}`;
      return {
        ...base,
        input: 'points',
        ...(max === undefined ? {} : { max }),
        rule: `nhập ${what} (số ≥ 0${upTo})`,
      };
    }
    case 'knockout':
      return { ...base, input: 'yesno', rule: 'chọn "có" hoặc "không"' };
    case 'measure':
      return dates.has(i)
        ? { ...base, input: 'date', rule: 'nhập ngày (ngày/tháng/năm)' }
        : { ...base, input: 'number', rule: 'nhập số liệu (số)' };
    case 'choice': {
      if (hasBands(t, i)) {
        if (t.input[i]! >= 0) return none;
        return dates.has(i)
          ? { ...base, input: 'date', rule: 'nhập ngày (ngày/tháng/năm) để chọn mức' }
          : { ...base, input: 'number', rule: 'nhập số liệu (số) để chọn mức' };
      }
      const alternatives = t.children[i]!.map((k) => t.criteria[k]!.code);
      return {
        ...base,
        input: 'code',
        alternatives,
        rule: `chọn một phương án: ${alternatives.join(', ')}`,
      };
    }
  }
}

const layouts = new WeakMap<CompiledTemplate, UnitLayout>();

/** Rows, inputs and the totals block of the unit sheet of a template. */
export function unitLayout(t: CompiledTemplate): UnitLayout {
  let layout = layouts.get(t);
  if (layout) return layout;
  const dates = dateSources(t);
  const rows = t.criteria.map((_, i) => rowInfo(t, i, dates));
  const firstRow = UNIT.firstCriterionRow;
  const totalRow = firstRow + t.size;
  layout = {
    rows,
    firstRow,
    lastRow: totalRow - 1,
    totalRow,
    earnedRow: totalRow + 1,
    bonusRow: totalRow + 2,
    penaltyRow: totalRow + 3,
    knockoutRow: totalRow + 4,
  };
  layouts.set(t, layout);
  return layout;
}

/** The addresses other sheets reference (see UnitSheetCells). */
export function unitSheetCells(t: CompiledTemplate): UnitSheetCells {
  const l = unitLayout(t);
  const row = (code: string) => {
    const i = t.indexOf.get(code);
    if (i === undefined) throw new RangeError(`Không có mục ${code} trong bảng tiêu chí.`);
    return l.firstRow + i;
  };
  return {
    selfTotal: address(l.totalRow, C.selfPoints),
    verifiedTotal: address(l.totalRow, C.verifiedPoints),
    selfEarned: address(l.earnedRow, C.selfPoints),
    selfBonus: address(l.bonusRow, C.selfPoints),
    selfPenalty: address(l.penaltyRow, C.selfPoints),
    verifiedEarned: address(l.earnedRow, C.verifiedPoints),
    verifiedBonus: address(l.bonusRow, C.verifiedPoints),
    verifiedPenalty: address(l.penaltyRow, C.verifiedPoints),
    knockedOut: address(l.knockoutRow, C.verifiedPoints),
    status: address(UNIT.statusRow, UNIT.statusCol),
    submittedAt: address(UNIT.statusRow, UNIT.dateCol),
    unitCode: address(UNIT.unitRow, UNIT.unitCodeCol),
    row,
    verifiedEarnedOf: (code) => address(row(code), C.verifiedSlots + SLOT.earned),
  };
}

/**
 * Alternative codes that Excel stores as numbers when they are typed or picked from the drop-down
 * ("1", "01", "2.5"), by that number, so that such a number reads back as its code (in Excel and
 * in a file alike). A number two codes share ("1" and "01") names neither and is left out.
 */
export function codesByNumber(codes: readonly string[]): Map<number, string> {
  const out = new Map<number, string>();
  const shared = new Set<number>();
  for (const code of codes) {
    if (!/^\d+(\.\d+)?$/.test(code)) continue;
    const n = Number(code);
    if (out.has(n)) shared.add(n);
    out.set(n, code);
  }
  for (const n of shared) out.delete(n);
  return out;
}
