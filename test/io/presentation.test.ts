/**
 * Both adapters apply the look and row heights a spec carries (src/workbook/presentation.ts,
 * row-heights.ts) instead of deciding them: a spec with a look of its own comes out with it.
 */
import type ExcelJS from 'exceljs';
import { ExcelWorkbook } from '../../src/io/excel/excel-workbook';
import { XlsxWorkbook } from '../../src/io/xlsx/xlsx-workbook';
import { emptySheet, type SheetSpec } from '../../src/workbook/grid';
import type { Look } from '../../src/workbook/presentation';
import { createExcelStandin } from '../support/excel-standin';

const LOOK: Look = {
  font: { name: 'Arial', size: 10 },
  tableStyle: 'TableStyleMedium2',
  borderColor: 'FF00AA00',
  protection: { formatColumns: false, formatRows: true, autoFilter: false, sort: true },
  page: {
    paper: 'A4',
    margins: { left: 1, right: 0.75, top: 0.5, bottom: 0.25, header: 0.2, footer: 0.1 },
    footer: { left: '&A', right: 'Trang &P' },
  },
};

function office() {
  const standin = createExcelStandin();
  return {
    standin,
    excel: new ExcelWorkbook(standin.run, { isSetSupported: standin.isSetSupported }),
  };
}

function spec(): SheetSpec {
  return {
    ...emptySheet('Thử', 'generated'),
    cells: [
      [{ v: 'Mã' }, { v: 'Tên' }],
      [{ v: 'A' }, { v: 'Một' }],
      [{ v: 'B' }, { v: 'Hai' }],
    ],
    tables: [{ name: 'tblThu', range: 'A1:B3' }],
    styles: [{ range: 'A2:B3', border: true }],
    rowHeights: { 2: 40, 3: 40 },
    protect: true,
    look: LOOK,
  };
}

it('the file adapter writes the look and the row heights of the spec', async () => {
  const wb = XlsxWorkbook.empty();
  await wb.write({ replace: [spec()], update: [] });
  const ws = wb.workbook.getWorksheet('Thử')!;
  expect(ws.getCell('A2').font).toMatchObject({ name: 'Arial', size: 10 });
  expect(ws.getCell('A2').border.top?.color).toEqual({ argb: 'FF00AA00' });
  const table = ws.getTable('tblThu') as unknown as { table: ExcelJS.TableProperties };
  expect(table.table.style?.theme).toBe('TableStyleMedium2');
  expect([ws.getRow(1).height, ws.getRow(2).height, ws.getRow(3).height]).toEqual([
    undefined,
    40,
    40,
  ]);
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, margins: LOOK.page.margins });
  expect(ws.headerFooter.oddFooter).toBe('&L&A&RTrang &P');
  expect((ws as unknown as { sheetProtection: object }).sheetProtection).toMatchObject(
    LOOK.protection,
  );
});

it('the Office.js adapter applies the same look and row heights', async () => {
  const { standin, excel } = office();
  await excel.write({ replace: [spec()], update: [] });
  const sheet = standin.sheet('Thử');
  const a2 = standin.cell('Thử', 'A2').format;
  expect([a2['font.name'], a2['font.size'], a2['border.top.color']]).toEqual([
    'Arial',
    10,
    '#00AA00',
  ]);
  expect(standin.tables().find((t) => t.name === 'tblThu')?.style).toBe('TableStyleMedium2');
  expect(Object.fromEntries(sheet.rowHeights)).toEqual({ 1: 40, 2: 40 }); // 0-based rows
  expect(sheet.pageLayout).toMatchObject({
    paperSize: 'A4',
    leftMargin: 72,
    rightMargin: 54,
    topMargin: 36,
    bottomMargin: 18,
    headerMargin: 14.4,
    footerMargin: 7.2,
    leftFooter: '&A',
    rightFooter: 'Trang &P',
  });
  expect(sheet.protectionOptions).toEqual({
    allowFormatColumns: false,
    allowFormatRows: true,
    allowAutoFilter: false,
    allowSort: true,
  });
});

it('a copied sheet gets the row heights it does not share with its template', async () => {
  const { standin, excel } = office();
  const sheet = (name: string, text: string, rowHeights: Record<number, number>): SheetSpec => ({
    ...emptySheet(name, 'unit'),
    cells: [
      [{ v: 'Mã' }, { v: 'Tên' }],
      [{ v: 'A' }, { v: text }],
      [{ v: 'B' }, { v: text }],
    ],
    styles: [{ range: 'B2:B3', wrap: true }],
    rowHeights,
  });
  await excel.write({
    replace: [sheet('Một', 'dài', { 2: 40, 3: 40 }), sheet('Hai', 'ngắn', { 3: 50 })],
    update: [],
  });
  expect(standin.stats.calls['Worksheet.Copy']).toBe(1);
  const copy = standin.sheet('Hai');
  expect(copy.rowHeights.get(2)).toBe(50);
  // Row 2 has a height only in the template: Excel fits it to the copy's text.
  expect(copy.autofitRows).toContainEqual({ r0: 1, c0: 0, r1: 1, c1: 1 });
});
