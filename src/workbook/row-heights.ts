/**
 * The one estimate of row heights, for both adapters. Neither Excel nor LibreOffice grows a row to
 * fit wrapped text when it opens a file, and Excel's autofit ignores merged cells, so each row with
 * a wrapped cell longer than its column gets a height from an estimate of its lines. Rows that fit
 * on one line keep the automatic height.
 *
 * Two estimates existed: the file adapter's, below, and the Office.js adapter's, for merged cells
 * only, which counted half an em per character and broke lines anywhere. This one is kept: it
 * measures each glyph of Times New Roman and wraps at spaces as Excel does, so a line of wide
 * capitals or of narrow letters is counted right, and it covers every wrapped cell, merged or not.
 */
import type { SheetSpec } from './grid';
import { parseAddress } from './grid';

/** Excel's default row height (points), for one line of 11-point text. */
const DEFAULT_ROW_HEIGHT = 15;
/** The tallest row Excel allows (points): a longer text is cut there, in Excel as in the file. */
const MAX_ROW_HEIGHT = 409;
/**
 * Excel's default column width (characters), for a column without a width in the spec: the
 * Office.js estimate's value (the file's took 9, which Excel does not draw). No sheet of the
 * toolkit wraps text in such a column, so the files written are the same.
 */
const DEFAULT_COLUMN_WIDTH = 8.43;

/**
 * Advance widths (em) of Times New Roman glyphs, grouped; letters with diacritics take their base
 * letter's width, other characters 0.5. Measured on Liberation Serif, which has the same metrics.
 */
const GLYPH_EM: readonly [string, number][] = [
  [" ,.'|", 0.25],
  ['/:;\\ijlt', 0.28],
  ['!()-I[]`fr', 0.33],
  ['Js"', 0.4],
  ['?acez', 0.44],
  ['+<=>FPS', 0.56],
  ['ELTZ', 0.61],
  ['BCR', 0.67],
  ['ADGHKNOQUVXYwĐ', 0.72],
  ['&m', 0.78],
  ['%@MW—→', 0.94],
];
const EM = new Map<string, number>(GLYPH_EM.flatMap(([cs, em]) => [...cs].map((c) => [c, em])));

/** Width in pixels (96 dpi) of a text in Times New Roman of the given size. */
function textWidth(text: string, size: number, bold: boolean): number {
  let em = 0;
  for (const ch of text) em += EM.get(ch) ?? EM.get(ch.normalize('NFD').charAt(0)) ?? 0.5;
  return em * (bold ? 1.06 : 1) * ((size * 96) / 72);
}

/**
 * Pixels of a column `width` characters wide, as Excel draws it (the unit is a digit of Calibri 11,
 * 7 pixels, plus 5 pixels of margin), less the cell's inner padding.
 */
const columnPixels = (width: number) => width * 7 + 5 - 6;

/** Lines a text takes in `pixels`, wrapped at spaces as Excel does. */
function wrappedLines(text: string, pixels: number, size: number, bold: boolean): number {
  const space = textWidth(' ', size, bold);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let line = 0;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      const w = textWidth(word, size, bold);
      if (line > 0 && line + space + w <= pixels) line += space + w;
      else {
        if (line > 0) lines++;
        // A word longer than the column is broken over several lines.
        lines += Math.max(0, Math.ceil(w / pixels) - 1);
        line = w > pixels ? w % pixels : w;
      }
    }
  }
  return lines;
}

/** 1-based bounds of an A1 range. */
function boundsOf(range: string) {
  const [a, b] = range.split(':');
  const from = parseAddress(a!);
  const to = b ? parseAddress(b) : from;
  return { r0: from.row, c0: from.column, r1: to.row, c1: to.column };
}

/** A text cell that may wrap, with what the styles give it (a later style wins). */
interface TextCell {
  row: number;
  column: number;
  text: string;
  wrap: boolean;
  size: number;
  bold: boolean;
  indent: number;
}

/**
 * The text cells inside a range: looked up one by one when the range is smaller than the sheet's
 * text, else filtered. Going through every text cell for every style was quadratic: the sheets
 * ranking writes for a 60-unit bloc have thousands of both, and it was the page's largest task.
 */
function cellsWithin(cells: Map<string, TextCell>, b: ReturnType<typeof boundsOf>): TextCell[] {
  const area = (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);
  if (area > cells.size)
    return [...cells.values()].filter(
      (c) => c.row >= b.r0 && c.row <= b.r1 && c.column >= b.c0 && c.column <= b.c1,
    );
  const within: TextCell[] = [];
  for (let r = b.r0; r <= b.r1; r++)
    for (let c = b.c0; c <= b.c1; c++) {
      const cell = cells.get(`${r}:${c}`);
      if (cell) within.push(cell);
    }
  return within;
}

/**
 * The cells holding text, keyed "row:column" (1-based), with their wrap, font size, weight and
 * indent. Cells hidden under a merge are left out.
 */
function textCells(spec: SheetSpec, covered: ReadonlySet<string>): Map<string, TextCell> {
  const cells = new Map<string, TextCell>();
  const size = spec.look.font.size;
  spec.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      const key = `${r + 1}:${c + 1}`;
      if (covered.has(key) || typeof cell?.v !== 'string' || cell.v === '') return;
      cells.set(key, {
        row: r + 1,
        column: c + 1,
        text: cell.v,
        wrap: false,
        size,
        bold: false,
        indent: 0,
      });
    }),
  );
  for (const s of spec.styles) {
    const b = boundsOf(s.range);
    for (const cell of cellsWithin(cells, b)) {
      if (s.wrap !== undefined) cell.wrap = s.wrap;
      if (s.fontSize) cell.size = s.fontSize;
      if (s.bold !== undefined) cell.bold = s.bold;
      if (s.indent) cell.indent = s.indent;
    }
  }
  return cells;
}

/**
 * Heights (points) of the rows whose wrapped text needs more than one line, by 1-based row: what
 * `SheetSpec.rowHeights` holds. Merged ranges on one row wrap across their columns.
 */
export function estimateRowHeights(spec: SheetSpec): Record<number, number> {
  const hidden = new Set(spec.hiddenColumns);
  const widthOf = (c: number) =>
    hidden.has(c) ? 0 : (spec.columnWidths[c - 1] ?? DEFAULT_COLUMN_WIDTH);
  const spans = new Map<string, number>();
  const covered = new Set<string>();
  for (const m of spec.merges) {
    const b = boundsOf(m);
    for (let r = b.r0; r <= b.r1; r++)
      for (let c = b.c0; c <= b.c1; c++) if (b.r1 !== b.r0 || c !== b.c0) covered.add(`${r}:${c}`);
    if (b.r1 !== b.r0) continue;
    let width = 0;
    for (let c = b.c0; c <= b.c1; c++) width += widthOf(c);
    spans.set(`${b.r0}:${b.c0}`, width);
  }
  const heights = new Map<number, number>();
  for (const [key, cell] of textCells(spec, covered)) {
    if (!cell.wrap) continue;
    const width = spans.get(key) ?? widthOf(cell.column);
    if (width <= 0) continue;
    // An indent level is about the width of a digit and a half.
    const pixels = columnPixels(width) - cell.indent * 10;
    const lines = wrappedLines(cell.text, Math.max(pixels, 10), cell.size, cell.bold);
    if (lines > 1)
      heights.set(cell.row, Math.max(heights.get(cell.row) ?? 0, lines * cell.size * 1.31 + 2));
  }
  const out: Record<number, number> = {};
  for (const [row, height] of heights)
    if (height > DEFAULT_ROW_HEIGHT) out[row] = Math.min(Math.ceil(height), MAX_ROW_HEIGHT);
  return out;
}

/** The spec with its row heights estimated: the last step of every sheet builder. */
export function withRowHeights(spec: SheetSpec): SheetSpec {
  spec.rowHeights = estimateRowHeights(spec);
  return spec;
}
