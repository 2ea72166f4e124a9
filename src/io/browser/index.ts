/** Browser helpers shared by the doors that run in a web view: the preview and Excel's task pane. */
export { browserDownload, type DownloadFile } from './download';
export { readPickedFile } from './files';
