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

/**
 * Sheet names as Excel compares them: without regard to case ("Cấu hình" and "CẤU HÌNH" are one
 * sheet for getItem, getItemOrNullObject and uniqueness; ExcelJS refuses such a twin too). Every
 * sheet lookup by name goes through it, in both adapters.
 */
export const sheetKey = (name: string) => name.toLowerCase();

/** Whether a workbook with these sheet names has a sheet of that name, as Excel finds it. */
export function sheetFinder(names: readonly string[]): (name: string) => boolean {
  const keys = new Set(names.map(sheetKey));
  return (name) => keys.has(sheetKey(name));
}

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

/** Characters Excel refuses in sheet names, and its length limit. */
export const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;
export const SHEET_NAME_MAX = 31;

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
