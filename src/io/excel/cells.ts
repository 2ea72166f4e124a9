/**
 * Pure helpers of the Office.js adapter: what a spec cell becomes in a `formulas` array, number
 * formats, rectangles and byte estimates. Nothing here touches Office, so it is tested directly.
 */
import { isoToSerial, serialToIso } from '../../core/text/dates';
import type { CellSpec, CellValue, SheetSpec } from '../../workbook/grid';
import { columnLetter, parseAddress } from '../../workbook/grid';
import { DATE_FORMAT } from '../../workbook/layout';

export { isoToSerial, serialToIso };

/** A block of cells, 0-based and inclusive. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** "B3:D7" (or "B3") → a rectangle. */
export function rectOf(a1: string): Rect {
  const [a, b] = a1.split(':');
  const from = parseAddress(a!);
  const to = b ? parseAddress(b) : from;
  return {
    r0: Math.min(from.row, to.row) - 1,
    c0: Math.min(from.column, to.column) - 1,
    r1: Math.max(from.row, to.row) - 1,
    c1: Math.max(from.column, to.column) - 1,
  };
}

export function a1Of(r: Rect): string {
  const from = `${columnLetter(r.c0 + 1)}${r.r0 + 1}`;
  const to = `${columnLetter(r.c1 + 1)}${r.r1 + 1}`;
  return from === to ? from : `${from}:${to}`;
}

export const rows = (r: Rect) => r.r1 - r.r0 + 1;
export const columns = (r: Rect) => r.c1 - r.c0 + 1;

export const isIsoDate = (v: unknown): v is string =>
  typeof v === 'string' && isoToSerial(v) !== undefined;

/**
 * Whether a number format shows a date: it has a day, month or year code outside quoted text,
 * escapes and [brackets] (colours, locales, elapsed time). Time-only formats (h:mm) are not dates.
 */
export function isDateFormat(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_.|\*./g, '');
  if (/^general$/i.test(bare.trim())) return false;
  return /[dy]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare));
}

const MONTH_WORD = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.,]*\d/i;

/**
 * Text as it must be typed so Excel keeps it as text. Assigning `values`/`formulas` behaves like
 * typing: "1.10" becomes the number 1.1, "2025-02-01" a date, "=x" or "-x" a formula, "TRUE" a
 * boolean. A leading apostrophe (Excel's quote prefix, not part of the value) keeps the text.
 */
export function textForExcel(s: string): string {
  const t = s.trimStart();
  if (t === '') return s === '' ? '' : `'${s}`;
  if (/^[0-9.,=+\-@'#($€₫%]/.test(t)) return `'${s}`;
  if (/^(true|false)$/i.test(s.trim())) return `'${s}`;
  if (MONTH_WORD.test(t)) return `'${s}`;
  return s;
}

/** What a spec cell becomes in a `formulas` array: '=…' for a formula, a serial for a date. */
export function inputOf(cell: CellSpec | undefined): string | number | boolean {
  if (!cell) return '';
  if (cell.f !== undefined) return `=${cell.f}`;
  return constantOf(cell.v);
}

/** A value typed into a cell (updates too): dates as serials, text protected from parsing. */
export function constantOf(v: CellValue | undefined): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return isoToSerial(v) ?? textForExcel(v);
  return v;
}

/** Rows × columns of the spec's cells (the block its values are written to). */
export function specSize(spec: SheetSpec): { rows: number; columns: number } {
  return {
    rows: spec.cells.length,
    columns: Math.max(0, ...spec.cells.map((r) => r?.length ?? 0)),
  };
}

/**
 * The number format of every cell: General, then each style's format in order (a later style
 * wins), then a date format for a date written where nothing else was set (as the file adapter).
 */
export function numberFormatGrid(spec: SheetSpec): string[][] {
  const { rows: h, columns: w } = specSize(spec);
  const grid = Array.from({ length: h }, () => Array<string>(w).fill('General'));
  for (const s of spec.styles) {
    if (!s.numberFormat) continue;
    const r = rectOf(s.range);
    for (let i = r.r0; i <= Math.min(r.r1, h - 1); i++)
      for (let j = r.c0; j <= Math.min(r.c1, w - 1); j++) grid[i]![j] = s.numberFormat;
  }
  spec.cells.forEach((row, i) =>
    row?.forEach((cell, j) => {
      if (cell?.f === undefined && isIsoDate(cell?.v) && grid[i]![j] === 'General')
        grid[i]![j] = DATE_FORMAT;
    }),
  );
  return grid;
}

/**
 * Rectangles covering exactly the marked cells: runs along each row, stacked when consecutive
 * rows have the same run. Used to write one 2-D assignment per block, never cell by cell.
 */
export function rectsOf(marked: (r: number, c: number) => boolean, bounds: Rect): Rect[] {
  const out: Rect[] = [];
  let open: Rect[] = [];
  for (let r = bounds.r0; r <= bounds.r1; r++) {
    const runs: Rect[] = [];
    for (let c = bounds.c0; c <= bounds.c1; c++) {
      if (!marked(r, c)) continue;
      const last = runs[runs.length - 1];
      if (last && last.c1 === c - 1) last.c1 = c;
      else runs.push({ r0: r, c0: c, r1: r, c1: c });
    }
    const next: Rect[] = [];
    for (const run of runs) {
      const above = open.find((o) => o.c0 === run.c0 && o.c1 === run.c1 && o.r1 === r - 1);
      if (above) {
        above.r1 = r;
        next.push(above);
      } else {
        out.push(run);
        next.push(run);
      }
    }
    open = next;
  }
  return out;
}

/** UTF-8 bytes of a value's JSON: what it adds to a request. */
export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? '');
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Column width in characters (as in the file format) → points, as `RangeFormat.columnWidth` wants. */
export function columnWidthPoints(characters: number): number {
  // A character is a digit of the default font (7 px), plus 5 px of padding; 96 px = 72 pt.
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** ARGB ("FFDDEBF7") → "#DDEBF7". */
export function cssColor(argb: string): string {
  return `#${argb.length === 8 ? argb.slice(2) : argb}`;
}

/** Text cut to Excel's limit for a field, with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
