/**
 * Settings from a file through the real `thidua` command: `init --settings`, `settings` (for a
 * person and as JSON) and `settings --set`, which writes through the task pane's action and
 * writes nothing when the file has a problem.
 */
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
import { DEFAULT_SETTINGS } from '../../src/core';
import { checksum, initBloc, thidua } from '../support/cli';

process.env.THIDUA_QUIET = '1';
const example = path.join(__dirname, '..', '..', 'docs', 'caidat.example.json');
const dir = mkdtempSync(path.join(tmpdir(), 'thidua-settings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const REFUSED = 'Dữ liệu không hợp lệ, chưa ghi gì';

const init = (out: string, ...more: string[]) => initBloc(out, {}, ...more);

const plain = path.join(dir, 'mac-dinh.xlsx');
beforeAll(async () => {
  expect(await init(plain)).toMatchObject({ code: 0, stderr: '' });
}, 30_000);

describe('thidua init --settings', () => {
  it('creates the workbook with the example’s settings, which settings --json prints back', async () => {
    const out = path.join(dir, 'vi-du.xlsx');
    expect(await init(out, '--settings', example)).toMatchObject({ code: 0, stderr: '' });
    const json = await thidua('settings', out, '--json');
    expect(json).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(readFileSync(example, 'utf8')));

    const shown = await thidua('settings', out);
    expect(shown.code).toBe(0);
    for (const line of [
      'Cài đặt của Khối Nội chính (năm 2025)',
      '  Xuất sắc: từ 95 điểm',
      '  Tốt: từ 80,5 điểm',
      '  Hoàn thành: dưới 80,5 điểm',
      'Xếp hạng khi bằng điểm: Đồng hạng rồi bỏ hạng (1, 2, 2, 4 — như hàm RANK.EQ)',
      '  1. Ít điểm trừ hơn',
      '  2. Điểm chuẩn đạt ở mục II cao hơn',
      '  3. Nộp bảng chấm điểm sớm hơn',
      '  Bằng khen của Chủ tịch UBND tỉnh: 3 suất, cho đơn vị xếp loại Xuất sắc, Tốt',
      '  Tỷ lệ biểu quyết tối thiểu: 80%',
      'Bộ quy tắc tỷ lệ khen thưởng: Mặc định (cơ quan hành chính) (mac-dinh)',
    ])
      expect(shown.stdout.split('\n')).toContain(line);
  });

  it('refuses a bad settings file naming its path, and creates nothing', async () => {
    const bad = path.join(dir, 'caidat-sai.json');
    writeFileSync(
      bad,
      JSON.stringify({
        ranking: { mode: 'dense', tieBreakers: [{ kind: 'higher-base', subtree: 'IX' }] },
      }),
    );
    const out = path.join(dir, 'khong-tao.xlsx');
    const r = await init(out, '--settings', bad);
    expect(r.stderr).toContain(REFUSED);
    expect(r.stderr).toContain(
      'caidat-sai.json, ranking.tieBreakers[0].subtree: bảng tiêu chí không có phần/mục "IX"',
    );
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});

describe('thidua settings', () => {
  it('prints the default settings of a new workbook', async () => {
    const json = await thidua('settings', plain, '--json');
    expect(JSON.parse(json.stdout)).toEqual(DEFAULT_SETTINGS);
    const shown = await thidua('settings', plain);
    expect(shown.stdout).toContain('  (không có: đơn vị bằng điểm thì đồng hạng)');
    expect(shown.stdout).toContain('  Tỷ lệ biểu quyết tối thiểu: không yêu cầu');
    expect(shown.stdout).toContain('Khối không điều chỉnh bộ quy tắc.');
  });

  it('--set writes the settings the next ranking and quota checks use', async () => {
    const book = path.join(dir, 'dat.xlsx');
    copyFileSync(plain, book);
    const set = await thidua('settings', book, '--set', example);
    expect(set).toMatchObject({ code: 0, stderr: '' });
    expect(set.stdout).toContain(`Đã lưu cài đặt vào ${book}`);
    expect(JSON.parse((await thidua('settings', book, '--json')).stdout)).toEqual(
      JSON.parse(readFileSync(example, 'utf8')),
    );
    const quota = await thidua('quota', book, '--json');
    expect(JSON.parse(quota.stdout)).toMatchObject({ rules: 'mac-dinh-khoi-dieu-chinh' });
    expect((await thidua('rank', book)).code).toBe(0);
  });

  it('--set with a problem writes nothing', async () => {
    const book = path.join(dir, 'sai.xlsx');
    copyFileSync(plain, book);
    const before = checksum(book);
    const bad = path.join(dir, 'caidat.json');
    writeFileSync(
      bad,
      '{\n  "classification": { "thresholds": [{ "label": "Xuất sắc", "min": "91" }] },\n  "quotaPreset": "cong-an"\n}\n',
    );
    const r = await thidua('settings', book, '--set', bad);
    expect(r.stderr).toContain(REFUSED);
    expect(r.stderr).toContain(
      'caidat.json, classification.thresholds[0].min: phải là số (viết 91.5, không đặt trong dấu nháy), không phải "91".',
    );
    expect(r.stderr).toContain('caidat.json, quotaPreset: không có bộ quy tắc "cong-an"');
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(checksum(book)).toBe(before);
  });

  it('--set with --json prints what it wrote as JSON; without a workbook it says how it is used', async () => {
    const book = path.join(dir, 'dat-json.xlsx');
    copyFileSync(plain, book);
    const r = await thidua('settings', book, '--set', example, '--json');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(example, 'utf8')));
    expect((await thidua('settings')).code).toBe(2);
    expect((await thidua('settings', plain, book)).code).toBe(2);
  });
});
