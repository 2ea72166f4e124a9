import type { Unit } from '../../core/bloc';
import { fromUnits } from '../../core/decimal';
import type { EntryValue, ItemEntry, UnitSheet } from '../../core/scoring/types';
import type { CompiledTemplate } from '../../core/template/compile';
import type { Template } from '../../core/template/types';
import { formatDateVi } from '../../core/text/dates';
import { formatDecimal, nfc, normalizeCode, parseDecimal } from '../../core/text/vietnamese';
import type { InputProblem } from '../problems';
import { lineLabel } from './parse';
import {
  hostileText,
  looksLikeDate,
  openCsv,
  readCount,
  readDate,
  readNonNegative,
  readYesNo,
  unitLookup,
  type ColumnSpec,
  type ReadResult,
} from './table';
import { toCsv, type ToCsvOptions } from './write';

/** One line of a scores file: what a unit (self) and the bloc (verified) entered for one item. */
export interface ScoreRow {
  /** 1-based line in the file. */
  line: number;
  unitCode: string;
  /** Criterion code as in the template. */
  code: string;
  self?: EntryValue;
  verified?: EntryValue;
  evidence?: string;
  reason?: string;
}

export interface ScoresContext {
  units: readonly Unit[];
  compiled: CompiledTemplate;
}

export const SCORE_COLUMNS = [
  {
    key: 'don_vi',
    aliases: ['đơn vị', 'mã đơn vị', 'ma_don_vi', 'tên đơn vị', 'ten_don_vi'],
    required: true,
  },
  { key: 'ma', aliases: ['mã', 'mã tiêu chí', 'ma_tieu_chi', 'stt'], required: true },
  { key: 'tu_cham', aliases: ['tự chấm', 'đơn vị tự chấm'], required: true },
  {
    key: 'khoi_cham',
    aliases: ['khối chấm', 'khối thẩm định', 'thẩm định', 'thống nhất đạt'],
    required: true,
  },
  {
    key: 'minh_chung',
    aliases: ['minh chứng', 'tài liệu kiểm chứng', 'minh chứng / giải trình'],
    required: true,
  },
  { key: 'ly_do', aliases: ['lý do', 'lý do khối chấm', 'ghi chú / lý do khối chấm'] },
] as const satisfies readonly ColumnSpec<string>[];
type ScoreColumn = (typeof SCORE_COLUMNS)[number]['key'];

const pts = (n: number) => formatDecimal(n);

/** A measured value: a date, or a number (a trailing % is allowed; negative values are kept). */
function readMeasured(text: string, want: 'number' | 'date' | 'any'): ReadResult<number | string> {
  if (looksLikeDate(text)) {
    if (want === 'number')
      return { ok: false, message: `cần một số (ví dụ 97,5), không phải ngày "${text}".` };
    return readDate(text);
  }
  const p = parseDecimal(text.replace(/\s*%$/, ''));
  if (!p.ok) return want === 'date' ? readDate(text) : p;
  if (want === 'date')
    return { ok: false, message: `cần một ngày (dd/mm/yyyy, ví dụ 10/01/2025), không phải số.` };
  return p;
}

/** Why criterion i takes no value in a scores file, else undefined. */
function noValueReason(c: CompiledTemplate, i: number): string | undefined {
  const node = c.criteria[i]!;
  if (node.kind === 'group')
    return `mục nhóm không nhập điểm; điểm của nhóm ${node.code} là tổng các mục con.`;
  const p = c.parent[i]!;
  if (c.leafAlternative[i] === 1 && p >= 0) {
    const choice = c.criteria[p]!;
    const banded = c.children[p]!.some((k) => c.criteria[k]!.band);
    if (banded) {
      const source = c.input[p]! >= 0 ? c.criteria[c.input[p]!]!.code : choice.code;
      return `"${node.code}" là phương án của mục chọn ${choice.code}, được chọn theo số liệu: hãy ghi số liệu vào dòng của mục ${source}.`;
    }
    return `"${node.code}" là phương án của mục chọn ${choice.code}: hãy ghi "${node.code}" vào dòng của mục ${choice.code}.`;
  }
  if (node.kind === 'choice' && c.input[i]! >= 0)
    return `mục chọn ${node.code} chọn phương án theo số liệu của mục ${c.criteria[c.input[i]!]!.code}; hãy ghi số liệu vào dòng của mục đó.`;
  return undefined;
}

/** Reads one value for criterion i by its kind (docs/csv-formats.md, "Giá trị theo loại"). */
function readEntry(
  text: string,
  what: string,
  c: CompiledTemplate,
  i: number,
): ReadResult<EntryValue> {
  const node = c.criteria[i]!;
  const kids = c.children[i]!;
  const prefix = (r: ReadResult<EntryValue>): ReadResult<EntryValue> =>
    r.ok || r.message.startsWith(what) ? r : { ok: false, message: `${what}: ${r.message}` };
  switch (node.kind) {
    case 'base': {
      const p = readNonNegative(text, what);
      if (!p.ok) return p;
      const max = fromUnits(c.maxBase[i]!);
      if (p.value > max)
        return {
          ok: false,
          message: `${what}: ${pts(p.value)} điểm vượt điểm chuẩn ${pts(max)} của mục ${node.code}.`,
        };
      return p;
    }
    case 'bonus':
    case 'penalty': {
      if (node.rate !== undefined && node.rate > 0)
        return readCount(text, `${what} (số trường hợp)`);
      const p = readNonNegative(text, what);
      if (!p.ok) return p;
      const cap = node.kind === 'bonus' ? node.caps?.bonus : node.caps?.penalty;
      if (cap !== undefined && p.value > cap)
        return {
          ok: false,
          message: `${what}: ${pts(p.value)} điểm vượt trần ${pts(cap)} điểm của mục ${node.code}.`,
        };
      return p;
    }
    case 'choice': {
      const bands = kids.flatMap((k) => {
        const b = c.criteria[k]!.band;
        return b ? [b.from, b.to].filter((v) => v !== undefined) : [];
      });
      if (bands.length) {
        const want = bands.every((v) => typeof v === 'string')
          ? 'date'
          : bands.every((v) => typeof v === 'number')
            ? 'number'
            : 'any';
        return prefix(readMeasured(text, want));
      }
      const wanted = normalizeCode(text);
      const codes = kids.map((k) => c.criteria[k]!.code);
      const found =
        codes.find((code) => code === wanted) ??
        codes.find((code) => code.toLowerCase() === wanted.toLowerCase()) ??
        codes.find((code) => code.toLowerCase() === `${node.code}.${wanted}`.toLowerCase());
      if (found) return { ok: true, value: found };
      return {
        ok: false,
        message: `${what}: phương án "${nfc(text)}" không có trong mục chọn ${node.code} (dùng: ${codes.join(', ')}).`,
      };
    }
    case 'knockout': {
      const p = readYesNo(text);
      return p.ok ? { ok: true, value: p.value ?? false } : prefix(p);
    }
    case 'measure':
      return prefix(readMeasured(text, 'any'));
    default:
      return { ok: false, message: `mục ${node.code} không nhập điểm.` };
  }
}

/** A suggestion for a code that is not in the template, or ''. */
function nearCode(c: CompiledTemplate, code: string): string {
  const lower = code.toLowerCase().replace(/\.+$/, '');
  const near = c.criteria.find((x) => x.code.toLowerCase() === lower);
  return near ? ` (có phải "${near.code}"?)` : '';
}

/**
 * Scores from a CSV file: columns `don_vi, ma, tu_cham, khoi_cham, minh_chung` and optional
 * `ly_do` (Vietnamese headers accepted). The unit is given by code or by name. Every row is checked
 * before anything is returned; every bad row is listed with its line and reason, and rows are
 * returned only when there is no problem.
 */
export function readScoresCsv(
  text: string,
  fileName: string,
  ctx: ScoresContext,
): { rows?: ScoreRow[]; problems: InputProblem[] } {
  const { sheet, problems } = openCsv<ScoreColumn>(text, fileName, SCORE_COLUMNS);
  if (!sheet) return { problems };
  const findUnit = unitLookup(ctx.units);
  const c = ctx.compiled;
  const rows: ScoreRow[] = [];
  const seen = new Map<string, number>();
  for (const rec of sheet.records) {
    let ok = true;
    let code = normalizeCode(sheet.text(rec, 'ma'));
    const fail = (message: string) => {
      ok = false;
      problems.push({
        source: fileName,
        location: lineLabel(rec.line),
        ...(code ? { code } : {}),
        message,
      });
    };
    const unitText = sheet.text(rec, 'don_vi');
    const unit = unitText ? findUnit(unitText) : undefined;
    if (!unitText) fail('thiếu đơn vị (mã hoặc tên đơn vị).');
    else if (!unit) fail(`đơn vị "${unitText}" không có trong danh sách đơn vị của khối.`);
    let index = code ? c.indexOf.get(code) : undefined;
    if (!code) fail('thiếu mã tiêu chí.');
    else if (index === undefined) {
      const unknown = code;
      code = '';
      fail(`mã tiêu chí "${unknown}" không có trong bảng tiêu chí${nearCode(c, unknown)}.`);
    }
    const row: ScoreRow = { line: rec.line, unitCode: unit?.code ?? unitText, code };
    for (const [key, field] of [
      ['minh_chung', 'evidence'],
      ['ly_do', 'reason'],
    ] as const) {
      const hostile = hostileText(sheet.raw(rec, key));
      if (hostile) fail(`cột ${key}: ${hostile}`);
      const value = sheet.text(rec, key);
      if (value) row[field] = value;
    }
    const selfText = sheet.text(rec, 'tu_cham');
    const verifiedText = sheet.text(rec, 'khoi_cham');
    if (index !== undefined) {
      const why = noValueReason(c, index);
      if (why) {
        fail(why);
        index = undefined;
      } else if (!selfText && !verifiedText)
        fail('chưa nhập giá trị: cả cột tu_cham và khoi_cham đều trống.');
    }
    if (index !== undefined) {
      for (const [value, what, field] of [
        [selfText, 'tự chấm', 'self'],
        [verifiedText, 'khối chấm', 'verified'],
      ] as const) {
        if (!value) continue;
        const r = readEntry(value, what, c, index);
        if (r.ok) row[field] = r.value;
        else fail(r.message);
      }
    }
    if (unit && code) {
      const key = `${unit.code}\u0000${code}`;
      const first = seen.get(key);
      if (first !== undefined)
        fail(`đơn vị ${unit.code}, mục ${code} đã có ở dòng ${first}; mỗi mục chỉ ghi một dòng.`);
      else seen.set(key, rec.line);
    }
    if (ok) rows.push(row);
  }
  return problems.length ? { problems } : { rows, problems };
}

/** Rows → one sheet per unit, in order of first appearance. */
export function scoreRowsToSheets(rows: readonly ScoreRow[]): UnitSheet[] {
  const sheets = new Map<string, Record<string, ItemEntry>>();
  for (const r of rows) {
    const entries = sheets.get(r.unitCode) ?? {};
    sheets.set(r.unitCode, entries);
    const e: ItemEntry = {};
    if (r.self !== undefined) e.self = r.self;
    if (r.verified !== undefined) e.verified = r.verified;
    if (r.evidence !== undefined) e.evidence = r.evidence;
    if (r.reason !== undefined) e.reason = r.reason;
    entries[r.code] = e;
  }
  return [...sheets].map(([unitCode, entries]) => ({ unitCode, entries }));
}

const showEntry = (v: EntryValue | undefined): string | number | null => {
  if (v === undefined) return null;
  if (typeof v === 'boolean') return v ? 'có' : 'không';
  return typeof v === 'string' ? formatDateVi(v) : v;
};

/**
 * Sheets → scores CSV text (header `don_vi, ma, tu_cham, khoi_cham, minh_chung, ly_do`), one line
 * per entry in template order (entries of codes not in the template last), dates as dd/mm/yyyy.
 */
export function sheetsToScoresCsv(
  sheets: readonly UnitSheet[],
  template: Template,
  options: ToCsvOptions = {},
): string {
  const order = template.criteria.map((x) => x.code);
  const rows: (string | number | null)[][] = [
    ['don_vi', 'ma', 'tu_cham', 'khoi_cham', 'minh_chung', 'ly_do'],
  ];
  for (const s of sheets) {
    const codes = [
      ...order.filter((code) => s.entries[code]),
      ...Object.keys(s.entries).filter((code) => !order.includes(code)),
    ];
    for (const code of codes) {
      const e = s.entries[code]!;
      rows.push([
        s.unitCode,
        code,
        showEntry(e.self),
        showEntry(e.verified),
        e.evidence ?? null,
        e.reason ?? null,
      ]);
    }
  }
  return toCsv(rows, options);
}
