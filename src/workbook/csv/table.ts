import type { Unit } from '../../core/bloc';
import { isCalendarDate, isoOf } from '../../core/text/dates';
import { nfc, parseDecimal } from '../../core/text/vietnamese';
import { NO, YES } from '../layout';
import type { InputProblem } from '../problems';
import { asTable, lineLabel, type CsvTable, type TableSource } from './parse';
import { FORMULA_START } from './write';

/**
 * What the CSV readers share: header matching with Vietnamese aliases, the data records with their
 * line numbers, and cell rules (hostile text, yes/no, numbers, dates, unit lookup).
 */

/**
 * Folds text to a lookup key: lower case, no diacritics (đ → d), only letters and digits.
 * "Trưởng khối", "truong-khoi" and "TRUONG KHOI" all give "truongkhoi".
 */
export function foldKey(text: string): string {
  return nfc(text)
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/[^a-z0-9]+/g, '');
}

export interface ColumnSpec<K extends string> {
  /** The canonical (ASCII) header. */
  key: K;
  /** Other headers that mean the same column; compared by `foldKey`, so diacritics may be given. */
  aliases?: readonly string[];
  required?: boolean;
}

export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  cells: readonly string[];
}

export interface CsvSheet<K extends string> {
  fileName: string;
  delimiter: string;
  records: CsvRecord[];
  has(key: K): boolean;
  /** The raw cell (NFC, untrimmed), '' when the column or cell is absent. */
  raw(record: CsvRecord, key: K): string;
  /** The cell trimmed and single-spaced (`nfc`). */
  text(record: CsvRecord, key: K): string;
}

const columnList = <K extends string>(columns: readonly ColumnSpec<K>[]): string => {
  const required = columns.filter((c) => c.required).map((c) => c.key);
  const optional = columns.filter((c) => !c.required).map((c) => c.key);
  return `cần có: ${required.join(', ')}${optional.length ? `; có thể thêm: ${optional.join(', ')}` : ''}`;
};

/**
 * Parses the text and maps its header line to `columns`. Problems: those of `parseCsv`, missing
 * required columns, a column given twice, a record with more non-empty cells than the header
 * (typically "9,5" unquoted in a comma-separated file), and a file without any data record.
 * Blank records (every cell empty) are skipped.
 */
export function openCsv<K extends string>(
  source: TableSource,
  fileName: string,
  columns: readonly ColumnSpec<K>[],
): { sheet?: CsvSheet<K>; problems: InputProblem[] } {
  return openTable(asTable(source, fileName), fileName, columns);
}

/**
 * The same mapping for a table that did not come from CSV text (a table on a sheet, with its rows
 * as `lines`): one set of column rules for files and sheets.
 */
export function openTable<K extends string>(
  parsed: CsvTable,
  fileName: string,
  columns: readonly ColumnSpec<K>[],
): { sheet?: CsvSheet<K>; problems: InputProblem[] } {
  if (parsed.problems.length) return { problems: parsed.problems };
  const problems: InputProblem[] = [];
  const at = (line: number, message: string) =>
    problems.push({ source: fileName, location: lineLabel(line), message });
  const header = parsed.rows[0] ?? [];
  const headerLine = parsed.lines[0] ?? 1;
  const keyOf = new Map<string, K>();
  for (const c of columns)
    for (const name of [c.key, ...(c.aliases ?? [])]) keyOf.set(foldKey(name), c.key);
  const index = new Map<K, number>();
  header.forEach((h, i) => {
    const key = keyOf.get(foldKey(h));
    if (key === undefined) return;
    const first = index.get(key);
    if (first !== undefined)
      at(headerLine, `cột ${key} có hai lần (cột ${first + 1} và cột ${i + 1}); hãy giữ một cột.`);
    else index.set(key, i);
  });
  const missing = columns.filter((c) => c.required && !index.has(c.key)).map((c) => c.key);
  if (missing.length)
    at(
      headerLine,
      `dòng tiêu đề thiếu cột ${missing.join(', ')} (${columnList(columns)}; tên cột tiếng Việt có dấu cũng được).`,
    );
  if (problems.length) return { problems };

  const records: CsvRecord[] = [];
  parsed.rows.slice(1).forEach((cells, r) => {
    const line = parsed.lines[r + 1] ?? 0;
    if (cells.every((c) => c.trim() === '')) return;
    const extra = extraCells(cells, header.length, parsed.delimiter);
    if (extra) return void at(line, extra);
    records.push({ line, cells });
  });
  if (!records.length && !problems.length)
    at(headerLine, 'tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào.');
  if (problems.length) return { problems };

  const raw = (record: CsvRecord, key: K): string => {
    const i = index.get(key);
    return i === undefined ? '' : unneutralised(record.cells[i] ?? '');
  };
  return {
    sheet: {
      fileName,
      delimiter: parsed.delimiter,
      records,
      has: (key) => index.has(key),
      raw,
      text: (record, key) => nfc(raw(record, key)),
    },
    problems,
  };
}

/**
 * A record with more cells than the header has columns, which is how an unquoted "9,5" in a
 * comma-separated file shows up (the 5 slides into the next column, and the last, often empty,
 * cell spills over): the message, else undefined. Strict on purpose, since otherwise the value of
 * one column would be silently read as the next one's.
 */
export function extraCells(
  cells: readonly string[],
  headerLength: number,
  delimiter: string,
): string | undefined {
  if (cells.length <= headerLength) return undefined;
  const extra = cells.slice(headerLength).filter((c) => c.trim() !== '');
  const shown = extra.length ? ` (thừa: ${extra.map((c) => `"${nfc(c)}"`).join(', ')})` : '';
  const hint =
    delimiter === ','
      ? ` Số thập phân có dấu phẩy (như 9,5) phải đặt trong ngoặc kép ("9,5"), hoặc lưu tệp với dấu ';' phân cách.`
      : ` Ô có dấu '${delimiter === '\t' ? 'tab' : delimiter}' phải đặt trong ngoặc kép.`;
  return `dòng có ${cells.length} ô, nhiều hơn ${headerLength} cột của dòng tiêu đề${shown}.${hint}`;
}

// ---------------------------------------------------------------------------------------------
// Cell rules
// ---------------------------------------------------------------------------------------------

/** Characters no .xlsx can hold: XML 1.0 forbids the C0 controls but tab and line breaks. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/**
 * Why a text cannot be stored in a workbook (a control character), else undefined. Any other text
 * is taken as written, "- Báo cáo số 12/BC-UBND" and "=" or "@" at the start included: it is
 * stored as text (a string cell, never a formula) and neutralised only in CSV exports (`toCsv`).
 */
export function unstorableText(raw: string): string | undefined {
  const bad = UNSTORABLE.exec(raw)?.[0];
  if (bad === undefined) return undefined;
  const code = bad.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return `ô có ký tự điều khiển U+${code}, không lưu được vào sổ tính; hãy xóa ký tự đó.`;
}

/**
 * A cell as its writer meant it: the apostrophe that `toCsv` (and people copying from Excel) put
 * before a formula-like text is not part of the text, so an exported file reads back the same.
 */
const unneutralised = (cell: string): string =>
  cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;

const YES_KEYS = new Set(YES.map(foldKey));
const NO_KEYS = new Set(NO.filter((v) => v !== '').map(foldKey));
const YES_NO_HINT = `ghi "có" hoặc "không" (hoặc x / để trống)`;

/** có/không (and the other words of YES/NO); '' is undefined. */
export function readYesNo(
  text: string,
): { ok: true; value: boolean | undefined } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, value: undefined };
  const key = foldKey(text);
  if (YES_KEYS.has(key)) return { ok: true, value: true };
  if (NO_KEYS.has(key)) return { ok: true, value: false };
  return { ok: false, message: `"${nfc(text)}" không phải có/không; ${YES_NO_HINT}.` };
}

export type ReadResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** A number ≥ 0 (decimal comma or point). */
export function readNonNegative(text: string, what: string): ReadResult<number> {
  const p = parseDecimal(text);
  if (!p.ok) return { ok: false, message: `${what}: ${p.message}` };
  if (p.value < 0) return { ok: false, message: `${what} không được âm (đang ghi ${nfc(text)}).` };
  return p;
}

/** A whole number ≥ 0. */
export function readCount(text: string, what: string): ReadResult<number> {
  const p = readNonNegative(text, what);
  if (p.ok && !Number.isInteger(p.value))
    return { ok: false, message: `${what} phải là số nguyên (đang ghi ${nfc(text)}).` };
  return p;
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{1,4})$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** Whether the text is shaped like a date (so that a bad one is reported as a bad date). */
export function looksLikeDate(text: string): boolean {
  return DMY.test(text) || YMD.test(text);
}

/** dd/mm/yyyy (also with '.' or '-') or yyyy-mm-dd → ISO yyyy-mm-dd, checking the day exists. */
export function readDate(text: string): ReadResult<string> {
  const t = nfc(text);
  const m = DMY.exec(t);
  const iso = YMD.exec(t);
  const [d, mo, y] = m ? [m[1], m[2], m[3]] : iso ? [iso[3], iso[2], iso[1]] : [];
  const bad: ReadResult<string> = {
    ok: false,
    message: `ngày "${t}" không hợp lệ (ghi dd/mm/yyyy, ví dụ 10/01/2025).`,
  };
  if (d === undefined || mo === undefined || y === undefined || y.length !== 4) return bad;
  const [day, month, year] = [Number(d), Number(mo), Number(y)];
  if (!isCalendarDate(year, month, day)) return bad;
  return { ok: true, value: isoOf({ year, month, day }) };
}

/** Finds a unit by code (exact, then ignoring case) or by name (NFC, ignoring case). */
export function unitLookup(units: readonly Unit[]): (text: string) => Unit | undefined {
  const byCode = new Map(units.map((u) => [nfc(u.code), u]));
  const lower = (s: string) => nfc(s).toLocaleLowerCase('vi');
  const byName = new Map(units.map((u) => [lower(u.name), u]));
  const byCodeFolded = new Map(units.map((u) => [lower(u.code), u]));
  return (text) =>
    byCode.get(nfc(text)) ?? byName.get(lower(text)) ?? byCodeFolded.get(lower(text));
}

/** The file name without folders and extension, for a default title. */
export function baseName(fileName: string): string {
  return (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.[^.]*$/, '');
}
