/**
 * The one estimate of row heights (src/workbook/row-heights.ts), and the builders that put it and
 * the look into every spec.
 */
import { planNewWorkbook } from '../../src/app/workbook-actions';
import { emptySheet, type SheetSpec } from '../../src/workbook/grid';
import { LOOK } from '../../src/workbook/presentation';
import { estimateRowHeights } from '../../src/workbook/row-heights';
import { SAMPLE_BLOC, SAMPLE_SHEETS, SAMPLE_SUBMISSIONS } from '../../src/sample';

/** A sheet of one text cell, A1, wrapped in a column `width` characters wide. */
function oneCell(text: string, width: number, more: Partial<SheetSpec> = {}): SheetSpec {
  return {
    ...emptySheet('Thử', 'generated'),
    cells: [[{ v: text }]],
    columnWidths: [width],
    styles: [{ range: 'A1', wrap: true }],
    ...more,
  };
}

const words = (n: number) => Array.from({ length: n }, () => 'chấm điểm').join(' ');

describe('estimateRowHeights', () => {
  it('gives a height to wrapped text longer than its column, from its lines of 12 points', () => {
    expect(estimateRowHeights(oneCell(words(2), 40))).toEqual({});
    // Two lines: 2 × 12 × 1.31 + 2 = 33.4 → 34 points; three: 50; four: 65.
    expect(estimateRowHeights(oneCell(words(3), 20))).toEqual({ 1: 34 });
    expect(estimateRowHeights(oneCell(words(4), 20))).toEqual({ 1: 50 });
    expect(estimateRowHeights(oneCell(words(6), 20))).toEqual({ 1: 65 });
  });

  it('leaves text that does not wrap, hidden columns and empty cells alone', () => {
    expect(estimateRowHeights(oneCell(words(20), 10, { styles: [] }))).toEqual({});
    expect(estimateRowHeights(oneCell(words(20), 10, { hiddenColumns: [1] }))).toEqual({});
    expect(estimateRowHeights(oneCell('', 10))).toEqual({});
  });

  it('wraps a merge on one row across its columns, and ignores the cells under it', () => {
    const merged = oneCell(words(4), 20, {
      cells: [[{ v: words(4) }, { v: words(30) }]],
      columnWidths: [20, 40],
      merges: ['A1:B1'],
    });
    expect(estimateRowHeights(merged)).toEqual({});
    // A merge over two rows is left to the rows' own heights.
    expect(estimateRowHeights({ ...merged, merges: ['A1:B2'] })).toEqual({});
  });

  it('takes the size and weight of the last style that sets them, and the sheet font otherwise', () => {
    const big = oneCell(words(4), 20, {
      styles: [
        { range: 'A1', wrap: true, fontSize: 20 },
        { range: 'A1:C3', fontSize: 14, bold: true },
      ],
    });
    // Lines of 14 points: a multiple of 14 × 1.31, plus 2, rounded up.
    const lines = (estimateRowHeights(big)[1]! - 2) / (14 * 1.31);
    expect(lines).toBeGreaterThan(3);
    expect(lines - Math.floor(lines)).toBeLessThan(1 / (14 * 1.31));
    // In an 8-point sheet font the same text takes two lines: 2 × 8 × 1.31 + 2 → 23.
    const small = { ...oneCell(words(4), 20), look: { ...LOOK, font: { name: 'X', size: 8 } } };
    expect(estimateRowHeights(small)).toEqual({ 1: 23 });
  });

  it('stops at the tallest row Excel allows, 409 points', () => {
    expect(estimateRowHeights(oneCell(words(400), 10))).toEqual({ 1: 409 });
  });
});

describe('the sheet builders', () => {
  it('give every sheet the look and its estimated row heights', () => {
    const plan = planNewWorkbook(SAMPLE_BLOC, {
      sheets: SAMPLE_SHEETS,
      submissions: SAMPLE_SUBMISSIONS,
    });
    for (const spec of plan) {
      expect(spec.look).toBe(LOOK);
      expect(spec.rowHeights).toEqual(estimateRowHeights(spec));
    }
    // The hint on a unit sheet wraps over its merged columns.
    expect(Object.keys(plan[1]!.rowHeights).length).toBeGreaterThan(3);
  });
});
