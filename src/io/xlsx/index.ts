/** The file adapter's face (ExcelJS, browser-safe): the workbook port over .xlsx bytes. */
export { XlsxWorkbook, openXlsx, sheetLayout, xlsxBytes, type SheetLayout } from './xlsx-workbook';
