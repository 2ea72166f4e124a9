/**
 * The settings file (docs/settings.md): the shipped example is accepted, what `--json` prints reads
 * back to the same settings, and each wrong value is refused naming its JSON path.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_SETTINGS, type BlocSettings } from '../../src/core';
import { SAMPLE_TEMPLATE } from '../../src/sample';
import { readSettingsJson, settingsJson } from '../../src/workbook';

const example = readFileSync(
  path.join(__dirname, '..', '..', 'docs', 'caidat.example.json'),
  'utf8',
);
const read = (json: unknown, base: BlocSettings = DEFAULT_SETTINGS) =>
  readSettingsJson(
    typeof json === 'string' ? json : JSON.stringify(json),
    'caidat.json',
    SAMPLE_TEMPLATE,
    base,
  );
const problems = (json: unknown) =>
  read(json).problems.map((p) => `${p.source}, ${p.location}: ${p.message}`);

describe('readSettingsJson', () => {
  it('accepts docs/caidat.example.json, every section as written', () => {
    const { settings, problems: found } = read(example);
    expect(found).toEqual([]);
    expect(settings).toEqual(JSON.parse(example));
    expect(settings!.proposals.requiredVoteShare).toBe(0.8);
    expect(settings!.ranking.tieBreakers[1]).toEqual({ kind: 'higher-base', subtree: 'II' });
  });

  it('is the full example docs/settings.md shows', () => {
    const doc = readFileSync(path.join(__dirname, '..', '..', 'docs', 'settings.md'), 'utf8');
    const block = /```json\n([\s\S]*?)```/.exec(doc)![1];
    expect(JSON.parse(block!)).toEqual(JSON.parse(example));
  });

  it('reads back what it prints, and keeps what a file leaves out', () => {
    const { settings } = read(example);
    expect(read(settingsJson(settings!)).settings).toEqual(settings);
    expect(read(settingsJson(DEFAULT_SETTINGS)).settings).toEqual(DEFAULT_SETTINGS);
    const only = read({ quotaPreset: 'quan-doi' }, settings!).settings!;
    expect(only).toEqual({ ...settings, quotaPreset: 'quan-doi' });
    // A byte-order mark (Notepad writes one) and decomposed Vietnamese letters are accepted.
    const nfd = read('\ufeff' + example.normalize('NFD')).settings!;
    expect(nfd.classification.thresholds[0]!.label).toBe('Xuất sắc');
  });

  it('names the JSON path and the rule of each wrong value', () => {
    const ex = JSON.parse(example) as BlocSettings;
    expect(
      problems({
        xep_loai: {},
        classification: {
          ...ex.classification,
          thresholds: [
            { label: 'Xuất sắc', min: '95' },
            { label: 'Tốt', min: 96 },
            { label: 'Khá', min: 97 },
          ],
        },
      }),
    ).toEqual([
      'caidat.json, xep_loai: không có khóa này (các khóa: classification, ranking, proposals, quotaPreset, quotaOverrides).',
      'caidat.json, classification.thresholds[0].min: phải là số (viết 91.5, không đặt trong dấu nháy), không phải "95".',
      'caidat.json, classification.thresholds[2].min: ngưỡng Khá (97) phải thấp hơn ngưỡng Tốt (96) đứng trước nó.',
    ]);
    expect(
      problems({
        ranking: {
          mode: 'olympic',
          tieBreakers: [
            { kind: 'vote' },
            { kind: 'higher-base', subtree: '9.9' },
            { kind: 'vote' },
            { kind: 'fewer-penalty', subtree: 'I' },
          ],
        },
      }),
    ).toEqual([
      'caidat.json, ranking.mode: "olympic" không hợp lệ (dùng: competition, dense).',
      'caidat.json, ranking.tieBreakers[3].subtree: chỉ dùng với kind "higher-base".',
      'caidat.json, ranking.tieBreakers[1].subtree: bảng tiêu chí không có phần/mục "9.9" (mã một dòng nhóm của bảng tiêu chí).',
      'caidat.json, ranking.tieBreakers[2]: tiêu chí phụ "Tỷ lệ biểu quyết cao hơn" đã có trong danh sách.',
    ]);
    const [flag, certificate] = ex.proposals.levels;
    expect(
      problems({
        proposals: {
          levels: [
            { ...flag, count: 1.5 },
            { ...certificate, classes: ['Xuất sắc', 'Khá'] },
          ],
          requiredVoteShare: 80,
        },
      }),
    ).toEqual([
      'caidat.json, proposals.levels[0].count: số suất phải là số nguyên không âm (1,5).',
      'caidat.json, proposals.levels[1].classes[1]: không có xếp loại "Khá" (các xếp loại: Xuất sắc, Tốt, Hoàn thành).',
      'caidat.json, proposals.requiredVoteShare: tỷ lệ biểu quyết phải lớn hơn 0% và không quá 100% (đang là 8000%). Viết dạng phần của 1: 0.8 là 80%.',
    ]);
    expect(problems({ quotaPreset: 'cong-an' })).toEqual([
      'caidat.json, quotaPreset: không có bộ quy tắc "cong-an" (dùng: mac-dinh, quan-doi, dan-quan-tu-ve).',
    ]);
    expect(problems({ quotaOverrides: { cstdcsShare: { maxShare: 15 } } })).toEqual([
      'caidat.json, quotaOverrides: điều chỉnh bộ quy tắc mac-dinh không hợp lệ: cstdcsShare.maxShare phải là tỷ lệ từ 0 đến 1, không phải 15. Các khóa và giá trị: docs/quota-rules.md.',
    ]);
    expect(
      problems({
        quotaOverrides: {
          ldttExclusions: { excludeDisciplined: 'có' },
          targets: { unitsTtldxs: { minShare: 0.33333 } },
        },
      }),
    ).toEqual([
      'caidat.json, quotaOverrides: điều chỉnh bộ quy tắc mac-dinh không hợp lệ: targets.unitsTtldxs.minShare có quá 4 chữ số thập phân (0.33333); ldttExclusions.excludeDisciplined phải là true hoặc false. Các khóa và giá trị: docs/quota-rules.md.',
    ]);
    expect(problems({ quotaOverrides: { cstdcs: {} } })).toEqual([
      'caidat.json, quotaOverrides: điều chỉnh bộ quy tắc mac-dinh không hợp lệ: không có mục quotaOverrides.cstdcs. Các khóa và giá trị: docs/quota-rules.md.',
    ]);
  });

  it('refuses what is not a JSON object, naming the line', () => {
    expect(problems('{\n  "quotaPreset": "mac-dinh",\n}\n')).toEqual([
      'caidat.json, dòng 3: không phải JSON hợp lệ (thiếu dấu phẩy, ngoặc, hoặc chuỗi không đặt trong dấu nháy kép?).',
    ]);
    expect(problems('[]')).toEqual([
      'caidat.json, tệp: phải là một đối tượng JSON { … } với các khóa classification, ranking, proposals, quotaPreset, quotaOverrides.',
    ]);
    expect(problems(new TextDecoder().decode(new Uint8Array([0x7b, 0xe0, 0x7d])))[0]).toMatch(
      /^caidat\.json, tệp: tệp không phải UTF-8/,
    );
  });
});
