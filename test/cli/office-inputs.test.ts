import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readWorkbook } from '../../src/app/workbook-actions';
import { loadXlsx } from '../../src/io/node';
import { initBloc, thidua } from '../support/cli';

/**
 * The CLI over files as offices save them: a criteria workbook, units as Unicode Text, scores on a
 * named sheet, marks on alternatives' rows, evidence written as a list. Each is accepted, said in
 * one "Đã hiểu" line, and lands in the workbook as text cells (never formulas).
 */
process.env.THIDUA_QUIET = '1';
const offices = path.join(__dirname, '..', 'fixtures', 'offices');
const csv = path.join(__dirname, '..', 'fixtures', 'csv');
const dir = mkdtempSync(path.join(tmpdir(), 'thidua-offices-'));

const init = (out: string, criteria: string, units: string) => initBloc(out, { criteria, units });

describe('thidua over the files offices have', () => {
  const fromOffices = path.join(dir, 'van-phong.xlsx');
  const fromCsv = path.join(dir, 'csv.xlsx');

  beforeAll(async () => {
    const made = await init(
      fromOffices,
      path.join(offices, 'criteria.xlsx'),
      path.join(offices, 'units-unicode-text.txt'),
    );
    expect(made.stderr).toBe('');
    expect(made.stdout).toBe(
      [
        'Đã hiểu: criteria.xlsx: đọc trang "Sheet1".',
        'Đã hiểu: units-unicode-text.txt: đọc theo bảng mã Unicode Text (UTF-16).',
        `Đã tạo ${fromOffices}.`,
        '',
      ].join('\n'),
    );
    expect(
      (await init(fromCsv, path.join(csv, 'criteria.csv'), path.join(csv, 'units.csv'))).code,
    ).toBe(0);
  }, 60_000);

  it('imports scores from a named sheet and ranks as from the CSV', async () => {
    const sheet = await thidua(
      'import',
      fromOffices,
      '--scores',
      path.join(offices, 'scores.xlsx'),
      '--sheet',
      'Điểm',
    );
    expect(sheet.code).toBe(0);
    expect(sheet.stdout).toContain('Đã hiểu: scores.xlsx: đọc trang "Điểm".');
    expect((await thidua('import', fromCsv, '--scores', path.join(csv, 'scores.csv'))).code).toBe(
      0,
    );
    const ranked = async (f: string) => JSON.parse((await thidua('rank', f, '--json')).stdout);
    expect(await ranked(fromOffices)).toEqual(await ranked(fromCsv));
  });

  it('stores list-style and formula-like evidence as text cells, and marks as the choice', async () => {
    const book = path.join(dir, 'chu.xlsx');
    await init(book, path.join(csv, 'criteria.csv'), path.join(csv, 'units.csv'));
    for (const scores of ['scores-list-evidence.csv', 'scores-marks.csv']) {
      const done = await thidua('import', book, '--scores', path.join(offices, scores));
      expect([scores, done.code, done.stderr]).toEqual([scores, 0, '']);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const texts = [
      '- Kế hoạch số 12/KH-CAT',
      '+ Biên bản kiểm tra',
      '=Thiếu 1 báo cáo quý',
      '@Trang',
    ];
    const found: string[] = [];
    wb.getWorksheet('CAT')!.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && texts.some((t) => String(cell.value).startsWith(t)))
          found.push(cell.value);
        expect(
          cell.formula === undefined || !texts.some((t) => `=${cell.formula}`.startsWith(t)),
        ).toBe(true);
      }),
    );
    expect(found.map((f) => f.slice(0, 12)).sort()).toEqual(
      ['- Kế hoạch s', '+ Biên bản k', '=Thiếu 1 báo', '@Trang thông'].sort(),
    );
    const state = await readWorkbook(await loadXlsx(book));
    const ttt = state.sheets.find((s) => s.unitCode === 'TTT')!;
    expect(ttt.entries['1.4']).toMatchObject({
      self: '1.4.b',
      verified: '1.4.b',
    });
  });
});
