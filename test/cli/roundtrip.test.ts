import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readWorkbook } from '../../src/app/workbook-actions';
import { evaluateBloc } from '../../src/core/bloc';
import { loadXlsx } from '../../src/io/node';
import { SAMPLE_BLOC, SAMPLE_SHEETS, SAMPLE_SUBMISSIONS } from '../../src/sample';
import { SHEETS } from '../../src/workbook/layout';
import { checksum, thidua } from '../support/cli';

process.env.THIDUA_QUIET = '1';
const fixtures = path.join(__dirname, '..', 'fixtures', 'csv');
const dir = mkdtempSync(path.join(tmpdir(), 'thidua-cli-'));
const book = path.join(dir, 'khoi.xlsx');

async function unitCells(file: string) {
  const wb = await loadXlsx(file);
  const names = (await wb.sheetNames()).filter((n) => SAMPLE_BLOC.units.some((u) => u.code === n));
  return (await wb.read(names)).sheets;
}

describe('init → import → rank on real .xlsx files', () => {
  beforeAll(async () => {
    const init = await thidua(
      'init',
      '--criteria',
      path.join(fixtures, 'criteria.csv'),
      '--units',
      path.join(fixtures, 'units.csv'),
      '--people',
      path.join(fixtures, 'people.csv'),
      '--collectives',
      path.join(fixtures, 'collectives.csv'),
      '--name',
      SAMPLE_BLOC.name,
      '--year',
      '2025',
      '--title',
      SAMPLE_BLOC.template.title,
      '-o',
      book,
    );
    expect(init).toMatchObject({ code: 0, stderr: '' });
    const imported = await thidua('import', book, '--scores', path.join(fixtures, 'scores.csv'));
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
  }, 60_000);

  it('reads back the entries that were imported', async () => {
    const state = await readWorkbook(await loadXlsx(book));
    for (const sample of SAMPLE_SHEETS) {
      const back = state.sheets.find((s) => s.unitCode === sample.unitCode)!;
      expect(back.entries).toEqual(sample.entries);
    }
  });

  it('ranks exactly as the core does, and prints the documented JSON', async () => {
    const rank = await thidua('rank', book, '--json');
    expect(rank.code).toBe(0);
    const json = JSON.parse(rank.stdout) as {
      units: {
        code: string;
        total: number;
        rank: number | null;
        classification: string;
        ranked: boolean;
      }[];
    };
    // Submission dates and statuses are not in the scores CSV: compare with the core on the same input.
    const state = await readWorkbook(await loadXlsx(book));
    // init takes the default settings (no tie-breakers): the bloc read back is the reference.
    expect(state.bloc.template.criteria).toEqual(SAMPLE_BLOC.template.criteria);
    expect(state.bloc.units).toEqual(SAMPLE_BLOC.units);
    const expected = evaluateBloc(state.bloc, SAMPLE_SHEETS, state.submissions);
    expect(json.units.map((u) => [u.code, u.total, u.rank, u.classification, u.ranked])).toEqual(
      expected.units.map((u) => [
        u.unit.code,
        u.score.verified.total,
        u.ranked.rank,
        u.classification,
        u.ranked.rank !== null,
      ]),
    );
    expect(Object.keys(json.units[0]!).sort()).toEqual(
      [
        'base',
        'bonus',
        'classification',
        'code',
        'name',
        'penalty',
        'rank',
        'ranked',
        'self',
        'total',
        'verified',
        'warnings',
      ].sort(),
    );
    const names = await (await loadXlsx(book)).sheetNames();
    expect(names).toEqual(
      expect.arrayContaining([SHEETS.ranking, SHEETS.quota, SHEETS.matrix, SHEETS.warnings]),
    );
  });

  it('lists in Cảnh báo the units not yet verified, pointing at their status cells', async () => {
    // Imported scores leave the status cells as they were (Chưa nộp): the ranking is provisional.
    const ws = (await loadXlsx(book)).workbook.getWorksheet(SHEETS.warnings)!;
    const rows: string[][] = [];
    ws.eachRow((r) => rows.push([1, 2, 3, 4, 6].map((c) => String(r.getCell(c).value ?? ''))));
    expect(rows).toContainEqual([
      'Cảnh báo',
      'Công an tỉnh',
      'CAT',
      'B3',
      'Công an tỉnh (CAT) chưa nộp bảng chấm: hạng và xếp loại của đơn vị là tạm tính.',
    ]);
    expect(rows.filter((r) => r[4]!.endsWith('là tạm tính.'))).toHaveLength(
      SAMPLE_BLOC.units.length,
    );
  });

  it("sets the units' status on import with --status, and refuses an unknown one", async () => {
    const copy = path.join(dir, 'da-tham-dinh.xlsx');
    copyFileSync(book, copy);
    const sum = checksum(copy);
    const bad = await thidua(
      'import',
      copy,
      '--scores',
      path.join(fixtures, 'scores.csv'),
      '--status',
      'xong',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'Trạng thái "xong" không hợp lệ: dùng Chưa nộp, Đã nộp, Đã thẩm định.',
    );
    expect(checksum(copy)).toBe(sum);

    const ok = await thidua(
      'import',
      copy,
      '--scores',
      path.join(fixtures, 'scores.csv'),
      '--status',
      'đã thẩm định',
    );
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('trạng thái Đã thẩm định');
    const state = await readWorkbook(await loadXlsx(copy));
    expect(state.submissions.map((s) => s.status)).toEqual(
      SAMPLE_BLOC.units.map(() => 'da-tham-dinh'),
    );
    expect((await thidua('rank', copy)).code).toBe(0);
    const ws = (await loadXlsx(copy)).workbook.getWorksheet(SHEETS.warnings)!;
    const messages: string[] = [];
    ws.eachRow((r) => messages.push(String(r.getCell(6).value ?? '')));
    expect(messages.filter((m) => m.endsWith('là tạm tính.'))).toEqual([]);
  });

  it('changes nothing in the unit sheets when rank runs again', async () => {
    const before = await unitCells(book);
    expect((await thidua('rank', book)).code).toBe(0);
    const after = await unitCells(book);
    expect(after).toEqual(before);
    expect(after.length).toBe(SAMPLE_BLOC.units.length);
  });

  it('refuses to overwrite a sheet a person made under a generated name, and writes nothing', async () => {
    const copy = path.join(dir, 'nguoi-tao.xlsx');
    copyFileSync(book, copy);
    const wb = await loadXlsx(copy);
    const ws = wb.workbook.getWorksheet(SHEETS.warnings)!;
    ws.getCell('A2').value = 'Ghi chú của trưởng khối';
    await wb.workbook.xlsx.writeFile(copy);
    const sum = checksum(copy);
    const r = await thidua('rank', copy);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'trang "Cảnh báo" trùng tên trang do thidua tạo nhưng không phải do thidua tạo',
    );
    expect(checksum(copy)).toBe(sum);
  });

  it('says how to use it, with exit code 2', async () => {
    expect((await thidua()).code).toBe(2);
    expect((await thidua('rank')).code).toBe(2);
    expect((await thidua('xep-hang')).code).toBe(2);
    const help = await thidua('--help');
    expect(help.stdout).toContain('init');
    expect(help.stdout).toContain('merge');
    expect((await thidua('rank', '--nope', book)).code).toBe(2);
  });

  it('keeps the demo sample identical to the CSV fixtures (same ranking)', () => {
    const r = evaluateBloc(SAMPLE_BLOC, SAMPLE_SHEETS, SAMPLE_SUBMISSIONS);
    expect(r.units[0]!.score.verified.total).toBe(118.4);
  });
});
