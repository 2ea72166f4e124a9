/** The Office.js adapter's face: the workbook port inside Excel, and Excel's errors in Vietnamese. */
export { ExcelWorkbook, excelRunner, type ExcelRunner } from './excel-workbook';
export {
  ExcelError,
  ExcelVersionError,
  excelErrorToProblems,
  isOfficeError,
  OLD_EXCEL_MESSAGE,
} from './errors';
