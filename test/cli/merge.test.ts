import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readWorkbook } from '../../src/app/workbook-actions';
import { checkGovernmentFlagShare, DEFAULT_PRESET } from '../../src/core/quota';
import { loadXlsx } from '../../src/io/node';
import { SAMPLE_SHEETS } from '../../src/sample';
import { editXlsx, ROW } from '../support/bad-workbooks';
import { checksum, thidua } from '../support/cli';

/** `thidua merge`: unit copies into the bloc workbook (--into), blocs into a province table. */

process.env.THIDUA_QUIET = '1';
const fixtures = path.join(__dirname, '..', 'fixtures', 'csv');
const csv = (name: string) => path.join(fixtures, name);
const dir = mkdtempSync(path.join(tmpdir(), 'thidua-merge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);
const REFUSED = 'Dữ liệu không hợp lệ, chưa ghi gì';

const SCORES = readFileSync(csv('scores.csv'), 'utf8').split(/\r?\n/);
const UNIT_CODES = ['CAT', 'BCHQS', 'BDBP', 'TAND', 'VKSND', 'STP', 'TTT', 'THADS', 'BNC'];

/** A scores CSV holding only one unit's lines of test/fixtures/csv/scores.csv, edited by `edit`. */
function unitScores(unit: string, name: string, edit: (line: string) => string = (l) => l): string {
  const [header, ...lines] = SCORES;
  const file = at(name);
  const mine = lines.filter((l) => l.startsWith(`${unit};`)).map(edit);
  writeFileSync(file, [header, ...mine].join('\n') + '\n');
  return file;
}

async function init(
  out: string,
  name: string,
  extra: string[] = [],
  criteria = csv('criteria.csv'),
) {
  const r = await thidua(
    'init',
    '--criteria',
    criteria,
    '--units',
    csv('units.csv'),
    ...extra,
    '--name',
    name,
    '--year',
    '2025',
    '-o',
    out,
  );
  expect(r).toMatchObject({ code: 0, stderr: '' });
}

async function importScores(file: string, scores: string) {
  const r = await thidua('import', file, '--scores', scores);
  expect(r).toMatchObject({ code: 0, stderr: '' });
}

const entriesOf = async (file: string) =>
  new Map((await readWorkbook(await loadXlsx(file))).sheets.map((s) => [s.unitCode, s.entries]));

const sampleEntries = (unit: string) => SAMPLE_SHEETS.find((s) => s.unitCode === unit)!.entries;

describe('thidua merge --into', () => {
  const blank = at('khoi-trong.xlsx');
  const copyCat = at('ban-sao-CAT.xlsx');
  const copyBchqs = at('ban-sao-BCHQS.xlsx');

  beforeAll(async () => {
    await init(blank, 'Khối Nội chính');
    copyFileSync(blank, copyCat);
    copyFileSync(blank, copyBchqs);
    await importScores(copyCat, unitScores('CAT', 'diem-CAT.csv'));
    await importScores(copyBchqs, unitScores('BCHQS', 'diem-BCHQS.csv'));
  }, 30_000);

  it('gathers each unit filled in its copy, and leaves the other units alone', async () => {
    const target = at('khoi-gop.xlsx');
    copyFileSync(blank, target);
    const untouched = UNIT_CODES.filter((u) => u !== 'CAT' && u !== 'BCHQS');
    const before = await (await loadXlsx(target)).read(untouched);

    const r = await thidua('merge', '--into', target, copyCat, copyBchqs);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CAT ← ban-sao-CAT.xlsx');
    expect(r.stdout).toContain('BCHQS ← ban-sao-BCHQS.xlsx');

    const merged = await entriesOf(target);
    expect(merged.get('CAT')).toEqual(sampleEntries('CAT'));
    expect(merged.get('BCHQS')).toEqual(sampleEntries('BCHQS'));
    expect(Object.keys(merged.get('CAT')!).length).toBeGreaterThan(20);
    for (const u of untouched) expect(merged.get(u)).toEqual({});
    expect(await (await loadXlsx(target)).read(untouched)).toEqual(before);
    expect((await thidua('rank', target)).code).toBe(0);
  });

  it('says there is nothing to merge when run again with the same copies', async () => {
    const target = at('khoi-gop-lai.xlsx');
    copyFileSync(blank, target);
    expect((await thidua('merge', '--into', target, copyCat)).code).toBe(0);
    const again = await thidua('merge', '--into', target, copyCat);
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(again.stdout).toBe('Không có trang nào cần gộp.\n');
    expect((await entriesOf(target)).get('CAT')).toEqual(sampleEntries('CAT'));
  });

  it('leaves the target byte for byte as it was when there is nothing to merge', async () => {
    const target = at('khoi-khong-doi.xlsx');
    copyFileSync(blank, target);
    const sum = checksum(target);
    await thidua('merge', '--into', target, blank);
    expect(checksum(target)).toBe(sum);
  });

  it('keeps the tab order of the unit sheets', async () => {
    const target = at('khoi-thu-tu.xlsx');
    copyFileSync(blank, target);
    const order = await (await loadXlsx(blank)).sheetNames();
    await thidua('merge', '--into', target, copyCat);
    expect(await (await loadXlsx(target)).sheetNames()).toEqual(order);
  });

  it('refuses two copies that fill the same unit differently, naming both files', async () => {
    const other = at('ban-sao-CAT-khac.xlsx');
    copyFileSync(blank, other);
    await importScores(
      other,
      unitScores('CAT', 'diem-CAT-khac.csv', (l) =>
        l.startsWith('CAT;1.2;') ? 'CAT;1.2;3;3;;' : l,
      ),
    );
    const target = at('khoi-xung-dot.xlsx');
    copyFileSync(blank, target);
    const sum = checksum(target);

    const r = await thidua('merge', '--into', target, copyCat, other, copyBchqs);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(REFUSED);
    expect(r.stderr).toContain('CAT, trang đơn vị: Công an tỉnh');
    expect(r.stderr).toContain(
      'các tệp ban-sao-CAT.xlsx, ban-sao-CAT-khac.xlsx có dữ liệu khác nhau cho cùng đơn vị',
    );
    expect(checksum(target)).toBe(sum);
  });

  it('refuses a copy with a bad cell, naming the copy, the sheet and the cell', async () => {
    const broken = at('ban-sao-hong.xlsx');
    copyFileSync(copyCat, broken);
    await editXlsx(broken, (wb) => {
      wb.getWorksheet('CAT')!.getCell(`F${ROW['1.2']}`).value = 'mười';
    });
    const target = at('khoi-ban-sao-hong.xlsx');
    copyFileSync(blank, target);
    const sum = checksum(target);

    const r = await thidua('merge', '--into', target, copyBchqs, broken);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(REFUSED);
    expect(r.stderr).toContain(`ban-sao-hong.xlsx › CAT, ô F${ROW['1.2']} (tiêu chí 1.2)`);
    expect(r.stderr).toContain('"mười" là văn bản');
    expect(checksum(target)).toBe(sum);
  });

  it('refuses a copy of another bloc (a criteria row missing), writing nothing', async () => {
    const criteria = readFileSync(csv('criteria.csv'), 'utf8')
      .split(/\r?\n/)
      .filter((l) => !l.startsWith('5.2,'))
      .join('\n');
    const otherCriteria = at('tieu-chi-thieu-5.2.csv');
    writeFileSync(otherCriteria, criteria);
    const foreign = at('ban-sao-khoi-khac.xlsx');
    await init(foreign, 'Khối Nội chính', [], otherCriteria);
    await importScores(
      foreign,
      unitScores('TAND', 'diem-TAND-khoi-khac.csv', (l) => (l.startsWith('TAND;5.2;') ? '' : l)),
    );
    const target = at('khoi-khac-mau.xlsx');
    copyFileSync(blank, target);
    const sum = checksum(target);

    const r = await thidua('merge', '--into', target, copyCat, foreign);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(REFUSED);
    expect(r.stderr).toContain(
      'ban-sao-khoi-khac.xlsx, trang Cấu hình: không cùng khối, năm, danh sách đơn vị hoặc bảng tiêu chí',
    );
    expect(r.stderr).not.toContain('ban-sao-CAT.xlsx');
    expect(checksum(target)).toBe(sum);
    expect((await entriesOf(target)).get('CAT')).toEqual({});
  });
});

describe('thidua merge --province', () => {
  const blocA = at('khoi-noi-chinh.xlsx');
  const blocB = at('khoi-tong-hop.xlsx');
  const out = at('tinh.xlsx');

  beforeAll(async () => {
    // Bloc B proposes three of its collectives (CAT, BCHQS, VKSND) for the Government flag.
    const collectives = readFileSync(csv('collectives.csv'), 'utf8').replace(
      /^(VKSND|CAT|BCHQS),ttldxs,/gm,
      '$1,co-chinh-phu,',
    );
    writeFileSync(at('tap-the-B.csv'), collectives);
    await init(blocA, 'Khối Nội chính', [
      '--people',
      csv('people.csv'),
      '--collectives',
      csv('collectives.csv'),
    ]);
    await init(blocB, 'Khối Tổng hợp', ['--collectives', at('tap-the-B.csv')]);
    for (const b of [blocA, blocB]) {
      await importScores(b, csv('scores.csv'));
      expect((await thidua('rank', b)).code).toBe(0);
    }
  }, 45_000);

  it('writes one row per bloc and prints the Government-flag check', async () => {
    const a = checksum(blocA);
    const r = await thidua('merge', '--province', out, blocA, blocB);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(checksum(blocA)).toBe(a);

    const [sheet] = (await (await loadXlsx(out)).read(['Tổng hợp tỉnh'])).sheets;
    const rows = sheet!.values;
    expect(rows[2]![0]).toBe('Khối thi đua');
    expect(rows.slice(3, 5).map((row) => [row[0], row[1]])).toEqual([
      ['Khối Nội chính', 9],
      ['Khối Tổng hợp', 9],
    ]);
    expect(rows[5]?.[0] ?? null).toBeNull(); // one row per bloc, then a blank row
    expect(rows[3]!.slice(2, 4)).toEqual(['Công an tỉnh', 118.4]);
    expect(rows[3]![5] || null).toBeNull();
    expect(rows[4]![5]).toBe('Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh, Viện Kiểm sát nhân dân tỉnh');

    // 3 proposals over 2 bloc leaders: above the 20% limit.
    const check = checkGovernmentFlagShare({ blocLeaders: 2, proposed: 3, rules: DEFAULT_PRESET });
    expect(check.pass).toBe(false);
    expect(r.stdout).toContain('Khối Nội chính');
    expect(r.stdout).toContain('Khối Tổng hợp');
    expect(r.stdout).toContain(`${check.title}: Không đạt — ${check.limitText}`);
    expect(rows[6]!.slice(0, 3)).toEqual([check.title, 'Không đạt', check.limitText]);
  });

  it('refuses to overwrite an existing province file', async () => {
    if (!existsSync(out))
      expect((await thidua('merge', '--province', out, blocA, blocB)).code).toBe(0);
    const sum = checksum(out);
    const r = await thidua('merge', '--province', out, blocA, blocB);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('tinh.xlsx, tệp: tệp đã có; không ghi đè');
    expect(checksum(out)).toBe(sum);
  });
});
