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
