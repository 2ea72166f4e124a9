import { mkdtempSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XlsxWorkbook } from '../../src/io/xlsx/xlsx-workbook';
import { loadXlsx, saveXlsx } from '../../src/io/node';
import { buildConfigSheet, readConfigSheet } from '../../src/workbook/config-sheet';
import { SHEETS } from '../../src/workbook/layout';
import { SAMPLE_BLOC } from '../../src/sample';
import type { QuotaPresetId } from '../../src/core/quota/rules';
import { formatDecimal } from '../../src/core';

const dir = mkdtempSync(path.join(tmpdir(), 'thidua-config-'));

describe('configuration sheet in a real .xlsx file', () => {
  it('round-trips the bloc, its units, settings and every criterion', async () => {
    const wb = XlsxWorkbook.empty();
    await wb.write({
      replace: [buildConfigSheet(SAMPLE_BLOC, new Map([['CAT', 0.9]]))],
      update: [],
    });
    const file = path.join(dir, 'config.xlsx');
    await saveXlsx(wb, file);
    const back = await loadXlsx(file);
    const [data] = (await back.read([SHEETS.config])).sheets;
    const { bloc, votes, problems } = readConfigSheet(data!);
    expect(problems).toEqual([]);
    expect(bloc).toEqual(SAMPLE_BLOC);
    expect(votes.get('CAT')).toBe(0.9);
    const ws = back.workbook.getWorksheet(SHEETS.config)!;
    expect(ws.state).toBe('hidden');
    expect(ws.getCell('A1').protection?.locked ?? true).toBe(true);
    expect(
      Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables).sort(),
    ).toEqual(['tblCaiDat', 'tblDonVi', 'tblTieuChi']);
  });

  it('refuses a quota preset that is not one of the presets, naming its cell', async () => {
    const wb = XlsxWorkbook.empty();
    const bloc = {
      ...SAMPLE_BLOC,
      settings: { ...SAMPLE_BLOC.settings, quotaPreset: 'quan-doj' as QuotaPresetId },
    };
    await wb.write({ replace: [buildConfigSheet(bloc)], update: [] });
    const [data] = (await wb.read([SHEETS.config])).sheets;
    const { bloc: read, problems } = readConfigSheet(data!);
    expect(read).toBeUndefined();
    expect(problems).toEqual([
      {
        source: SHEETS.config,
        location: expect.stringMatching(/^ô B\d+$/),
        message: 'không có bộ quy tắc "quan-doj" (dùng: mac-dinh, quan-doi, dan-quan-tu-ve).',
      },
    ]);
  });

  it('checks settings a person edited in their cells by the rules of the form and the JSON file', async () => {
    const wb = XlsxWorkbook.empty();
    await wb.write({ replace: [buildConfigSheet(SAMPLE_BLOC)], update: [] });
    const [data] = (await wb.read([SHEETS.config])).sheets;
    const row = data!.values.findIndex((r) => r?.[0] === 'xep_loai');
    const classification = JSON.parse(String(data!.values[row]![1])) as {
      thresholds: { label: string; min: number }[];
    };
    classification.thresholds[1]!.min = 99;
    const shareRow = data!.values.findIndex((r) => r?.[0] === 'de_nghi');
    const proposals = JSON.parse(String(data!.values[shareRow]![1])) as object;
    const edited = data!.values.map((r, i) =>
      i === row
        ? [r![0]!, JSON.stringify(classification), r![2]!]
        : i === shareRow
          ? [r![0]!, JSON.stringify({ ...proposals, requiredVoteShare: 80 }), r![2]!]
          : r,
    );
    const { bloc, problems } = readConfigSheet({ ...data!, values: edited });
    expect(bloc).toBeUndefined();
    const [top, second] = classification.thresholds;
    expect(problems).toEqual([
      {
        source: SHEETS.config,
        location: `ô B${row + 1}`,
        message: `thresholds[1].min: ngưỡng ${second!.label} (99) phải thấp hơn ngưỡng ${top!.label} (${formatDecimal(top!.min)}) đứng trước nó.`,
      },
      {
        source: SHEETS.config,
        location: `ô B${shareRow + 1}`,
        message:
          'requiredVoteShare: tỷ lệ biểu quyết phải lớn hơn 0% và không quá 100% (đang là 8000%). Viết dạng phần của 1: 0.8 là 80%.',
      },
    ]);
  });

  it('refuses a damaged file with a message naming it', async () => {
    const file = path.join(dir, 'truncated.xlsx');
    const good = path.join(dir, 'config.xlsx');
    const bytes = await readFile(good);
    await writeFile(file, bytes.subarray(0, bytes.length / 2));
    await expect(loadXlsx(file)).rejects.toThrow(
      /truncated\.xlsx, tệp: không đọc được sổ tính \.xlsx/,
    );
  });

  it('says which version a newer workbook needs', () => {
    const spec = buildConfigSheet(SAMPLE_BLOC);
    const data = {
      name: spec.name,
      values: spec.cells.map((r) =>
        r.map((c) => (c.v === 1 && r[0]?.v === 'phien_ban' ? 99 : (c.v ?? null))),
      ),
      formulas: [],
      merges: [],
    };
    expect(readConfigSheet(data).problems[0]!.message).toContain(
      'phiên bản 99, mới hơn phiên bản 1',
    );
  });
});
