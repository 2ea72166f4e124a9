/** The file adapter's face (ExcelJS, browser-safe): the workbook port over .xlsx bytes. */
export { XlsxWorkbook, openXlsx, xlsxBytes } from './xlsx-workbook';
