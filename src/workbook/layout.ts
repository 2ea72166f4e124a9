/**
 * The standard workbook layout (docs/workbook-format.md). Change a number here and the format
 * version with it: workbooks say which version wrote them.
 */
export const FORMAT_VERSION = 1;

export const SHEETS = {
  config: 'Cấu hình',
  ranking: 'Xếp hạng',
  quota: 'Tỷ lệ khen thưởng',
  matrix: 'Tổng hợp',
  warnings: 'Cảnh báo',
  people: 'Danh sách cá nhân',
} as const;

/** Generated sheets: rebuilt whole on each run, never edited by people. */
export const GENERATED_SHEETS: readonly string[] = [
  SHEETS.ranking,
  SHEETS.quota,
  SHEETS.matrix,
  SHEETS.warnings,
];

/** Stable table (ListObject) names. */
export const TABLES = {
  units: 'tblDonVi',
  criteria: 'tblTieuChi',
  settings: 'tblCaiDat',
  ranking: 'tblXepHang',
  quota: 'tblTyLe',
  matrix: 'tblTongHop',
  warnings: 'tblCanhBao',
  people: 'tblCaNhan',
  collectives: 'tblTapThe',
} as const;

/** A unit's sheet is named by the unit code (Excel allows 31 characters; full names are longer). */
export function unitSheetName(unitCode: string): string {
  return unitCode;
}

/** Characters Excel refuses in sheet names, and its length limit. */
export const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;
export const SHEET_NAME_MAX = 31;

/**
 * Unit sheet. Rows 1–3 identify the sheet, row 5 holds the headers, criteria start on row 6 in
 * template order, the totals follow. Columns are 1-based.
 */
export const UNIT = {
  titleRow: 1,
  /** A2 "Đơn vị:", B2 unit name, H2 "Mã đơn vị:", I2 the code (how a renamed sheet is still known). */
  unitRow: 2,
  unitNameCol: 2,
  unitCodeLabelCol: 8,
  unitCodeCol: 9,
  /** A3 "Trạng thái:", B3 status (list), H3 "Ngày nộp:", I3 submission date. */
  statusRow: 3,
  statusCol: 2,
  dateLabelCol: 8,
  dateCol: 9,
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
    finalPoints: 9, // I Điểm khối chấm (formula: node total, verified where given)
    difference: 10, // J Chênh lệch (I − H)
    evidence: 11, // K Minh chứng / giải trình (input)
    note: 12, // L Ghi chú / lý do khối chấm (input)
    kind: 13, // M Loại (hidden: the kind's CSV code)
    /** N–R: self earned base, raw bonus, raw penalty, bonus, penalty (hidden helpers). */
    selfSlots: 14,
    /** S–W: the same for the final column. */
    finalSlots: 19,
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

/** Slot offsets inside selfSlots/finalSlots, in the engine's order. */
export const SLOT = { earned: 0, bonusRaw: 1, penaltyRaw: 2, bonus: 3, penalty: 4 } as const;

/** The values people type for yes/no (knock-out rows) and for a mark. */
export { YES_WORDS as YES, NO_WORDS as NO } from '../core/text/vietnamese';

/** CSV/sheet codes of criterion kinds. */
export const KIND_CODES = {
  group: 'nhom',
  base: 'chuan',
  bonus: 'cong',
  penalty: 'tru',
  choice: 'chon',
  knockout: 'khong_xep_loai',
  measure: 'so_lieu',
} as const;

export const NUMBER_FORMAT = '0.00';
export const DATE_FORMAT = 'dd/mm/yyyy';
