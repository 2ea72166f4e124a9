import type { Criterion, CriterionKind, Template } from '../core/template/types';
import { isIsoShaped } from '../core/text/dates';
import { nfc, normalizeCode, parseDecimal } from '../core/text/vietnamese';
import type { CellValue, ReadValue } from './grid';
import { KIND_CODES } from './layout';
import type { InputProblem } from './problems';

/**
 * The criteria template as a table, the same in a CSV file and on the configuration sheet.
 * Columns beyond the ten: `tu`/`den` (band bounds of an alternative), `nguon` (the measure
 * a banded choice reads) and `ghi_chu`.
 */
export const CRITERIA_COLUMNS = [
  'ma',
  'ma_cha',
  'noi_dung',
  'loai',
  'diem_chuan',
  'muc',
  'tran_cong',
  'tran_tru',
  'tran_tong',
  'can_minh_chung',
  'tu',
  'den',
  'nguon',
  'ghi_chu',
] as const;
export type CriteriaColumn = (typeof CRITERIA_COLUMNS)[number];
export const REQUIRED_CRITERIA_COLUMNS: readonly CriteriaColumn[] = CRITERIA_COLUMNS.slice(0, 10);

/** Vietnamese headers with diacritics that mean the same columns. */
const HEADER_ALIASES: Record<string, CriteriaColumn> = {
  mã: 'ma',
  'mã cha': 'ma_cha',
  mã_cha: 'ma_cha',
  'nội dung': 'noi_dung',
  nội_dung: 'noi_dung',
  loại: 'loai',
  'điểm chuẩn': 'diem_chuan',
  điểm_chuẩn: 'diem_chuan',
  mức: 'muc',
  'trần cộng': 'tran_cong',
  trần_cộng: 'tran_cong',
  'trần trừ': 'tran_tru',
  trần_trừ: 'tran_tru',
  'trần tổng': 'tran_tong',
  trần_tổng: 'tran_tong',
  'cần minh chứng': 'can_minh_chung',
  cần_minh_chứng: 'can_minh_chung',
  từ: 'tu',
  đến: 'den',
  nguồn: 'nguon',
  'ghi chú': 'ghi_chu',
  ghi_chú: 'ghi_chu',
};

/** The column a header names, or undefined. */
export function criteriaColumn(header: string): CriteriaColumn | undefined {
  const h = nfc(header).toLowerCase();
  if ((CRITERIA_COLUMNS as readonly string[]).includes(h)) return h as CriteriaColumn;
  return HEADER_ALIASES[h];
}

const KIND_BY_CODE: Record<string, CriterionKind> = Object.fromEntries(
  Object.entries(KIND_CODES).map(([kind, code]) => [code, kind as CriterionKind]),
);
const KIND_ALIASES: Record<string, CriterionKind> = {
  nhóm: 'group',
  chuẩn: 'base',
  cộng: 'bonus',
  thưởng: 'bonus',
  trừ: 'penalty',
  chọn: 'choice',
  'không xếp loại': 'knockout',
  không_xếp_loại: 'knockout',
  'số liệu': 'measure',
  số_liệu: 'measure',
};

/** Template → rows under CRITERIA_COLUMNS (numbers as numbers, booleans as "có"/""). */
export function templateToRows(template: Template): CellValue[][] {
  return template.criteria.map((c) => [
    c.code,
    c.parent ?? '',
    c.text,
    KIND_CODES[c.kind],
    c.base ?? null,
    c.rate ?? null,
    c.caps?.bonus ?? null,
    c.caps?.penalty ?? null,
    c.caps?.net ?? null,
    c.evidenceRequired ? 'có' : '',
    c.band?.from ?? null,
    c.band?.to ?? null,
    c.input ?? '',
    c.note ?? '',
  ]);
}

export interface RowsSource {
  /** File or sheet name, for messages. */
  source: string;
  /** Names the place of row i (0-based among data rows), e.g. "dòng 5" or "ô A12". */
  where(row: number, column: number): string;
}

/**
 * Rows (with a header row first) → criteria. Every problem is listed with its place; a template is
 * returned only when there is none (the template's own validation runs later, on the tree).
 */
export function rowsToCriteria(
  rows: readonly (readonly ReadValue[])[],
  src: RowsSource,
): { criteria?: Criterion[]; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const header = rows[0] ?? [];
  const index = new Map<CriteriaColumn, number>();
  header.forEach((h, i) => {
    const col = typeof h === 'string' ? criteriaColumn(h) : undefined;
    if (col && !index.has(col)) index.set(col, i);
  });
  const missing = REQUIRED_CRITERIA_COLUMNS.filter((c) => !index.has(c));
  if (missing.length) {
    problems.push({
      source: src.source,
      location: src.where(-1, 0),
      message: `thiếu cột ${missing.join(', ')} (cần có: ${REQUIRED_CRITERIA_COLUMNS.join(', ')}).`,
    });
    return { problems };
  }
  const criteria: Criterion[] = [];
  rows.slice(1).forEach((row, r) => {
    if (row.every((v) => v === null || v === '' || v === undefined)) return;
    const cell = (c: CriteriaColumn): ReadValue => row[index.get(c) ?? -1] ?? null;
    const where = (c: CriteriaColumn) => src.where(r, index.get(c) ?? 0);
    const text = (c: CriteriaColumn): string => {
      const v = cell(c);
      return v === null || typeof v === 'object' ? '' : nfc(String(v));
    };
    const code = normalizeCode(text('ma'));
    const fail = (c: CriteriaColumn, message: string) =>
      problems.push({ source: src.source, location: where(c), ...(code ? { code } : {}), message });
    for (const c of CRITERIA_COLUMNS) {
      const v = cell(c);
      if (v !== null && typeof v === 'object') fail(c, `ô có lỗi ${v.error}.`);
    }
    const num = (c: CriteriaColumn): number | undefined => {
      const v = cell(c);
      if (v === null || v === '' || typeof v === 'object') return undefined;
      const p = parseDecimal(typeof v === 'boolean' ? String(v) : v);
      if (!p.ok) return void fail(c, `cột ${c}: ${p.message}`);
      if (p.value < 0) return void fail(c, `cột ${c} không được âm (${String(v)}).`);
      return p.value;
    };
    const bound = (c: CriteriaColumn): number | string | undefined => {
      const v = text(c);
      return isIsoShaped(v) ? v : num(c);
    };
    if (!code) fail('ma', 'thiếu mã tiêu chí.');
    const kindText = text('loai').toLowerCase();
    const kind = KIND_BY_CODE[kindText] ?? KIND_ALIASES[kindText];
    if (!kind)
      fail(
        'loai',
        `loại "${text('loai')}" không hợp lệ (dùng: ${Object.values(KIND_CODES).join(', ')}).`,
      );
    const base = num('diem_chuan');
    const rate = num('muc');
    const caps = { bonus: num('tran_cong'), penalty: num('tran_tru'), net: num('tran_tong') };
    const from = bound('tu');
    const to = bound('den');
    const evidence = text('can_minh_chung').toLowerCase();
    if (!code || !kind) return;
    const criterion: Criterion = { code, kind, text: text('noi_dung') };
    const parent = normalizeCode(text('ma_cha'));
    if (parent) criterion.parent = parent;
    if (base !== undefined) criterion.base = base;
    if (rate !== undefined) criterion.rate = rate;
    const definedCaps = Object.fromEntries(Object.entries(caps).filter(([, v]) => v !== undefined));
    if (Object.keys(definedCaps).length) criterion.caps = definedCaps;
    if (from !== undefined || to !== undefined)
      criterion.band = {
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
      };
    const input = normalizeCode(text('nguon'));
    if (input) criterion.input = input;
    if (['có', 'x', 'true', '1', 'yes'].includes(evidence)) criterion.evidenceRequired = true;
    const note = text('ghi_chu');
    if (note) criterion.note = note;
    criteria.push(criterion);
  });
  return problems.length ? { problems } : { criteria, problems };
}
