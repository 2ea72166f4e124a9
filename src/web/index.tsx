/*
 * The web app's entry (web.html in development, `npm run web`; dist-web/index.html and the single
 * offline file dist-web/thidua.html in production): the task pane outside Office over the user's
 * own .xlsx, in memory through the file adapter (ExcelJS), next to a view of its sheets.
 * `?sample` opens with the sample bloc already loaded.
 */
import { createRoot } from 'react-dom/client';
import { createSession, type Host } from '../app';
import { browserDownload, canKeepWorkingCopy, readWorkingCopy } from '../io/browser';
import { App } from '../taskpane/pane';
import { WebApp } from './WebApp';
import { WebWorkbook } from './web-workbook';
import { startWorker, workerCodec } from './worker-port';
import { WorkbookFile, type WorkbookCodec } from './workbook-file';

/*
 * The file adapter runs in a Web Worker (src/web/worker.ts): a 60-unit workbook takes seconds to
 * parse or write, and the page must keep answering meanwhile. The port is the boundary: reads,
 * write plans and bytes cross as plain data, the ExcelJS workbook stays in the worker. Where no
 * worker starts (an old browser, a page that forbids them, jsdom) the adapter runs in the page as
 * before, loaded on demand; the page downloads ExcelJS only then (and for the exports).
 */
async function adapter(): Promise<WorkbookCodec> {
  const worker = await startWorker();
  if (worker) return workerCodec(worker);
  const { openXlsx, sheetLayout, XlsxWorkbook, xlsxBytes } = await import('../io/xlsx');
  const inPage: WorkbookCodec<InstanceType<typeof XlsxWorkbook>> = {
    empty: () => XlsxWorkbook.empty(),
    open: openXlsx,
    bytes: xlsxBytes,
    looks: async (workbook) => (name) => sheetLayout(workbook, name),
    release: () => undefined,
  };
  return inPage;
}

/** The service worker of the hosted build (dist-web/sw.js), so the app works offline once loaded. */
function registerServiceWorker() {
  const script = process.env.THIDUA_SW;
  if (!script || !('serviceWorker' in navigator) || location.protocol === 'file:') return;
  navigator.serviceWorker.register(script).catch(() => undefined);
}

async function main(container: HTMLElement) {
  const codec = await adapter();
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
