/*
 * The web app's entry (web.html in development, `npm run web`; dist-web/index.html and the single
 * offline file dist-web/thidua.html in production): the task pane outside Office over the user's
 * own .xlsx, in memory through the file adapter (ExcelJS), next to a view of its sheets.
 * `?sample` opens with the sample bloc already loaded.
 */
import { createRoot } from 'react-dom/client';
import { createSession, type Host } from '../app';
import { browserDownload, canKeepWorkingCopy, readWorkingCopy } from '../io/browser';
import { openXlsx, sheetLayout, XlsxWorkbook, xlsxBytes } from '../io/xlsx';
import { App } from '../taskpane/pane';
import { WebApp } from './WebApp';
import { WebWorkbook } from './web-workbook';
import { WorkbookFile, type WorkbookCodec } from './workbook-file';

/*
 * ExcelJS parses and writes on the main thread. It could run in a Web Worker only by moving the
 * whole workbook model across for every read and write the pane makes (the port is the in-memory
 * ExcelJS workbook), and the single offline file would need its worker inlined as a blob: the
 * steps stay on the main thread, each behind a progress line that is painted first.
 */
const codec: WorkbookCodec<XlsxWorkbook> = {
  empty: () => XlsxWorkbook.empty(),
  open: openXlsx,
  bytes: xlsxBytes,
  looks: (workbook) => (name) => sheetLayout(workbook, name),
};

/** The service worker of the hosted build (dist-web/sw.js), so the app works offline once loaded. */
function registerServiceWorker() {
  const script = process.env.THIDUA_SW;
  if (!script || !('serviceWorker' in navigator) || location.protocol === 'file:') return;
  navigator.serviceWorker.register(script).catch(() => undefined);
}

async function main(container: HTMLElement) {
  const workbook = new WebWorkbook(codec.empty());
  const file = new WorkbookFile(workbook, codec);
  const host: Host = {
    kind: 'web',
    showSheet: async (name) => workbook.show(name),
    download: browserDownload,
  };
  const sample = new URLSearchParams(window.location.search).has('sample');
  if (sample) await file.openSample();
  const leftOver = sample
    ? undefined
    : canKeepWorkingCopy().then((ok) => (ok ? readWorkingCopy() : undefined));
  createRoot(container).render(
    <WebApp file={file} session={createSession(workbook, host)} Pane={App} leftOver={leftOver} />,
  );
  registerServiceWorker();
}

const container = document.getElementById('container')!;
main(container).catch((e: unknown) => {
  container.textContent = `Không mở được ứng dụng Thi đua: ${e instanceof Error ? e.message : String(e)}`;
});
