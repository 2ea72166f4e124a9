/**
 * Sheet names in a file, as Excel compares them: without regard to case. A clerk who retypes a
 * tab as "XẾP HẠNG" or "dv1" still has the same sheet; ExcelJS finds names case-sensitively but
 * refuses a case twin when adding, so the file adapter must look names up as Excel does.
 */
import { createWorkbook, rankWorkbook } from '../../src/app/workbook-actions';
import JSZip from 'jszip';
import { openXlsx, xlsxBytes } from '../../src/io/xlsx';
import { XlsxWorkbook } from '../../src/io/xlsx/xlsx-workbook';
import { SAMPLE_BLOC, SAMPLE_DATA } from '../../src/sample';
import { SHEETS } from '../../src/workbook/layout';

describe('file adapter: sheet names without regard to case', () => {
  it('reads, ranks and rebuilds sheets whose tabs were retyped in another case', async () => {
    const made = XlsxWorkbook.empty();
    await createWorkbook(made, SAMPLE_BLOC, SAMPLE_DATA);
    await rankWorkbook(made);
    const unit = SAMPLE_BLOC.units[0]!.code;
    // Retyped as Excel lets a person do (ExcelJS refuses such a rename itself).
    const zip = await JSZip.loadAsync(await xlsxBytes(made));
    const index = await zip.file('xl/workbook.xml')!.async('string');
    zip.file(
      'xl/workbook.xml',
      index
        .replace(`name="${SHEETS.ranking}"`, `name="${SHEETS.ranking.toUpperCase()}"`)
        .replace(`name="${unit}"`, `name="${unit.toLowerCase()}"`),
    );
    const book = await openXlsx(await zip.generateAsync({ type: 'uint8array' }), 'khoi.xlsx');
    expect(await book.sheetNames()).toContain(SHEETS.ranking.toUpperCase());

    const [read] = (await book.read([unit])).sheets;
    expect(read?.name).toBe(unit);
    expect(read?.values.length).toBeGreaterThan(5);

    const outcome = await rankWorkbook(book);
    expect(outcome.result.units.map((u) => u.unit.code)).toContain(unit);
    const names = await book.sheetNames();
    expect(names.filter((n) => n.toLowerCase() === SHEETS.ranking.toLowerCase())).toEqual([
      SHEETS.ranking,
    ]);
    expect(names).toContain(unit.toLowerCase());
  });
});
