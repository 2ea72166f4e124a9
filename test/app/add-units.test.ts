import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSession } from '../../src/app/session';
import { addUnits, createWorkbook, readWorkbook } from '../../src/app/workbook-actions';
import type { Unit } from '../../src/core/bloc';
import { loadXlsx, saveXlsx } from '../../src/io/node';
import { XlsxWorkbook } from '../../src/io/xlsx/xlsx-workbook';
import { SAMPLE_BLOC, SAMPLE_DATA } from '../../src/sample';
import { emptySheet } from '../../src/workbook/grid';
import { InputError } from '../../src/workbook/problems';

const NEW: Unit = { code: 'SNV', name: 'Sở Nội vụ', role: 'thanh-vien' };
const dir = mkdtempSync(path.join(tmpdir(), 'thidua-add-units-'));

async function sampleBook(): Promise<XlsxWorkbook> {
  const book = XlsxWorkbook.empty();
  await createWorkbook(book, SAMPLE_BLOC, SAMPLE_DATA);
  return book;
}

describe('adding a unit to a bloc already set up', () => {
  it('lists it in the configuration, gives it an empty sheet, and keeps every other sheet', async () => {
    const book = await sampleBook();
    const before = await readWorkbook(book);
    const others = (await book.read(SAMPLE_BLOC.units.map((u) => u.code))).sheets;
    await addUnits(book, [NEW]);
    const file = path.join(dir, 'khoi.xlsx');
    await saveXlsx(book, file);

    const after = await readWorkbook(await loadXlsx(file));
    expect(after.bloc.units).toEqual([...SAMPLE_BLOC.units, NEW]);
    expect(after.bloc.settings).toEqual(before.bloc.settings);
    expect(after.submissions.find((s) => s.unitCode === 'SNV')).toEqual({
      unitCode: 'SNV',
      status: 'chua-nop',
    });
    expect(after.sheets.find((s) => s.unitCode === 'SNV')!.entries).toEqual({});
    // The sheets units typed in are as they were, value for value.
    const again = (await (await loadXlsx(file)).read(SAMPLE_BLOC.units.map((u) => u.code))).sheets;
    expect(again.map((s) => [s.name, s.values])).toEqual(others.map((s) => [s.name, s.values]));
    expect(after.sheets.filter((s) => s.unitCode !== 'SNV')).toEqual(before.sheets);
  });

  it("keeps what a co-author changed in the configuration since the pane's last read", async () => {
    const book = await sampleBook();
    const session = createSession(book, {
      kind: 'web',
      showSheet: async () => {},
      download() {},
    });
    const seen = (await session.load())!;
    // Someone else switches the quota preset; then this pane adds a unit.
    await session.saveSettings(seen, { ...seen.bloc.settings, quotaPreset: 'quan-doi' });
    await session.addUnits([NEW]);
    const after = (await session.load())!;
    expect(after.bloc.settings.quotaPreset).toBe('quan-doi');
    expect(after.bloc.units.map((u) => u.code)).toEqual([
      ...SAMPLE_BLOC.units.map((u) => u.code),
      'SNV',
    ]);
  });

  it('refuses a unit whose sheet name is taken (ignoring case), naming it, and writes nothing', async () => {
    const book = await sampleBook();
    // A sheet a person made, named like the new unit's code but in lower case.
    const own = emptySheet('snv', 'unit');
    own.cells[0] = [{ v: 'Ghi chú riêng' }];
    await book.write({ replace: [own], update: [] });

    const error = await addUnits(book, [NEW]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toEqual([
      {
        source: 'SNV',
        location: 'trang tính',
        message: 'sổ tính đã có trang này; không ghi đè dữ liệu đã nhập.',
      },
    ]);
    expect((await readWorkbook(book)).bloc.units).toEqual(SAMPLE_BLOC.units);
    expect((await book.read(['snv'])).sheets[0]!.values[0]![0]).toBe('Ghi chú riêng');
  });
});
