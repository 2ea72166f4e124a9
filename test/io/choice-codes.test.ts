/**
 * A choice whose alternative codes look like numbers ("01", "02"): Excel stores "01" typed or
 * picked from the drop-down as the number 1, and so may a file. Both adapters read such a cell back
 * as the code, and the sheet's own formula counts it as chosen too.
 */
import { createSession, type Host, type Session } from '../../src/app/session';
import type { WorkbookState } from '../../src/app/workbook-actions';
import { ExcelWorkbook } from '../../src/io/excel/excel-workbook';
import { openXlsx, xlsxBytes, XlsxWorkbook } from '../../src/io/xlsx/xlsx-workbook';
import { SAMPLE_BLOC, SAMPLE_DATA } from '../../src/sample';
import { unitFormulas, unitLayout } from '../../src/workbook/unit-sheet';
import { compileTemplate } from '../../src/core/template/compile';
import { createExcelStandin } from '../support/excel-standin';

const host: Host = { kind: 'excel', showSheet: async () => {}, download: () => {} };
const NUMERIC = { '1.4.a': '01', '1.4.b': '02', '1.4.c': '03' };

/** The sample with the alternatives of choice 1.4 coded 01, 02, 03. */
function recoded<T>(value: T): T {
  let json = JSON.stringify(value);
  for (const [from, to] of Object.entries(NUMERIC)) json = json.replaceAll(`"${from}"`, `"${to}"`);
  return JSON.parse(json) as T;
}
const bloc = recoded(SAMPLE_BLOC);
const data = recoded(SAMPLE_DATA);
const row = unitLayout(compileTemplate(bloc.template)).rows.find((r) => r.code === '1.4')!;

async function typedAsNumber(
  session: Session,
  type: (address: string) => Promise<void>,
): Promise<WorkbookState> {
  await session.setUp(bloc, data);
  await type(`F${row.row}`);
  return (await session.load())!;
}

describe('alternative codes that Excel stores as numbers', () => {
  it('read back as the code through the Office.js adapter ("02" typed into Excel)', async () => {
    const standin = createExcelStandin();
    const session = createSession(
      new ExcelWorkbook(standin.run, { isSetSupported: standin.isSetSupported }),
      host,
    );
    const state = await typedAsNumber(session, async (address) => {
      await standin.run(async (context) => {
        context.workbook.worksheets.getItem('CAT').getRange(address).values = [['02']];
        await context.sync();
      });
      expect(standin.cell('CAT', address).value).toBe(2);
    });
    const cat = state.sheets.find((s) => s.unitCode === 'CAT')!;
    expect(cat.entries['1.4']!.self).toBe('02');
  });

  it('read back as the code through the file adapter (a number cell in the .xlsx)', async () => {
    const xlsx = XlsxWorkbook.empty();
    const session = createSession(xlsx, host);
    await session.setUp(bloc, data);
    xlsx.workbook.getWorksheet('CAT')!.getCell(`F${row.row}`).value = 2;
    // Saved and opened again, as a file someone edited.
    const reopened = await openXlsx(await xlsxBytes(xlsx), 'thi-dua.xlsx');
    const state = (await createSession(reopened, host).load())!;
    expect(reopened.workbook.getWorksheet('CAT')!.getCell(`F${row.row}`).value).toBe(2);
    expect(state.sheets.find((s) => s.unitCode === 'CAT')!.entries['1.4']!.self).toBe('02');
  });

  it('are chosen by their number in the sheet formula too', () => {
    const t = compileTemplate(bloc.template);
    const f = unitFormulas(t);
    const alternative = f.rows[t.indexOf.get('02')!]!.self[0];
    expect(alternative).toContain(
      `OR(EXACT(F${row.row},"02"),AND(ISNUMBER(F${row.row}),F${row.row}=2))`,
    );
  });
});
