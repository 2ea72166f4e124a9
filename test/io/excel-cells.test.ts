/**
 * The pure helpers of the Office.js adapter: what is typed into cells, which formats are dates,
 * how cells are grouped into blocks, which sheets are copied.
 */
import { planNewWorkbook } from '../../src/app/workbook-actions';
import {
  columnWidthPoints,
  constantOf,
  isDateFormat,
  isoToSerial,
  rectsOf,
  textForExcel,
} from '../../src/io/excel/cells';
import { blocksOf, copyTemplates, groupUpdates, type Step } from '../../src/io/excel/write-steps';
import { blocOfSize } from '../support/excel-blocs';

describe('cells', () => {
  it('protects text Excel would read as something else with an apostrophe', () => {
    for (const s of [
      '1.10',
      '2025-02-01',
      '=A1',
      '-5',
      '+x',
      'TRUE',
      '#N/A',
      '(1)',
      '01/12/2025',
      'Mar 5',
    ])
      expect(textForExcel(s)).toBe(`'${s}`);
    for (const s of ['Tự chấm', 'Đã nộp', 'có', 'không', 'CAT', 'Mục 1.2'])
      expect(textForExcel(s)).toBe(s);
    expect(textForExcel("'quoted")).toBe("''quoted");
  });

  it('writes ISO dates as serials and keeps other values', () => {
    expect(isoToSerial('1900-03-01')).toBe(61);
    expect(isoToSerial('2025-02-01')).toBe(45689);
    expect(isoToSerial('2025-02-30')).toBeUndefined();
    expect(constantOf('2025-12-08')).toBe(45999);
    expect(constantOf(null)).toBe('');
    expect(constantOf(false)).toBe(false);
  });

  it('tells date formats from number and time formats', () => {
    for (const f of ['dd/mm/yyyy', 'm/d/yyyy', 'd-mmm-yy', '[$-42A]dd/mm/yyyy', 'yyyy-mm-dd hh:mm'])
      expect(isDateFormat(f)).toBe(true);
    for (const f of ['General', '0.00', '0.00;[Red]-0.00', '0', '@', 'h:mm', 'mm:ss', '"ngày" 0'])
      expect(isDateFormat(f)).toBe(false);
  });

  it('groups cells into rectangles covering exactly those cells', () => {
    const marked = new Set(['5:5', '5:6', '6:5', '6:6', '7:5', '9:10']);
    const rects = rectsOf((r, c) => marked.has(`${r}:${c}`), { r0: 0, c0: 0, r1: 20, c1: 20 });
    expect(rects).toEqual([
      { r0: 5, c0: 5, r1: 6, c1: 6 },
      { r0: 7, c0: 5, r1: 7, c1: 5 },
      { r0: 9, c0: 10, r1: 9, c1: 10 },
    ]);
  });

  it('converts column widths in characters to points', () => {
    expect(columnWidthPoints(11)).toBe(61.5);
  });
});

describe('write steps', () => {
  it('copies every unit sheet after the first, and nothing else', () => {
    const b = blocOfSize(200);
    const plan = planNewWorkbook(b.bloc, b.data);
    const copies = copyTemplates(plan);
    expect(copies.size).toBe(199);
    expect(new Set([...copies.values()].map((t) => t.name))).toEqual(new Set(['DV1']));
  });

  it('groups updates per sheet into rectangles, the last update of a cell winning', () => {
    const groups = groupUpdates([
      { sheet: 'CAT', address: 'F6', value: 1 },
      { sheet: 'CAT', address: 'F7', value: 2 },
      { sheet: 'CAT', address: 'I3', value: '2025-12-09' },
      { sheet: 'CAT', address: 'F6', value: 3 },
      { sheet: 'TAND', address: 'G6', value: 'có' },
    ]);
    expect(groups.map((g) => g.sheet)).toEqual(['CAT', 'TAND']);
    expect(groups[0]!.runs.map((r) => r.values)).toEqual([[[46000]], [[3], [2]]]);
    expect(groups[0]!.runs[0]!.dates).toEqual([[true]]);
  });

  it('cuts steps into blocks under the budget, in order', () => {
    const step = (bytes: number): Step => ({ bytes, apply: () => {} });
    const steps = [step(400), step(400), step(400), step(2000), step(10)];
    expect(blocksOf(steps, 1000).map((b) => b.map((s) => s.bytes))).toEqual([
      [400, 400],
      [400],
      [2000],
      [10],
    ]);
  });
});
