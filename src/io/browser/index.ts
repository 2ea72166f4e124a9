/** Browser helpers shared by the doors that run in a web view: the web app and Excel's task pane. */
export { browserDownload, type DownloadFile } from './download';
export { readPickedFile } from './files';
export {
  canSaveInPlace,
  pickSaveHandle,
  pickWorkbookWithHandle,
  writeToHandle,
  XLSX_ACCEPT,
  XLSX_MIME,
  type PickedWorkbook,
} from './file-access';
export {
  canKeepWorkingCopy,
  dropWorkingCopy,
  keepWorkingCopy,
  readWorkingCopy,
  type WorkingCopy,
} from './autosave';
