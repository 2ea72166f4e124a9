/*
 * The browser preview's entry (preview.html, `npm run preview`): the task pane outside Office, on
 * an in-memory workbook (the file adapter, ExcelJS), next to a view of its sheets. office.js is
 * loaded by the page if it can be; whatever becomes of it, the preview runs (no Office host).
 * `preview.html?sample` opens with the sample bloc already loaded.
 */
import { createRoot } from 'react-dom/client';
import { createSession, type Host } from '../app';
import { browserDownload } from '../io/browser';
import { XlsxWorkbook } from '../io/xlsx';
import { App } from '../taskpane/pane';
import { loadSample, PreviewApp, type OfficeStatus } from './PreviewApp';
import { PreviewWorkbook } from './preview-workbook';

/** Waits for office.js, if the page could load it. Outside Office it reports no host. */
async function officeStatus(): Promise<OfficeStatus> {
  if (typeof Office === 'undefined') return 'missing';
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 5000));
  const info = await Promise.race([Office.onReady(), timeout]);
  if (!info) return 'timeout';
  return info.host ? 'host' : 'no-host';
}

async function main(container: HTMLElement) {
  const workbook = new PreviewWorkbook(XlsxWorkbook.empty());
  const host: Host = {
    kind: 'preview',
    showSheet: async (name) => workbook.show(name),
    download: browserDownload,
  };
  if (new URLSearchParams(window.location.search).has('sample')) await loadSample(workbook);
  createRoot(container).render(
    <PreviewApp
      workbook={workbook}
      session={createSession(workbook, host)}
      Pane={App}
      office={officeStatus().catch((): OfficeStatus => 'missing')}
    />,
  );
}

const container = document.getElementById('container')!;
main(container).catch((e: unknown) => {
  container.textContent = `Không mở được bản xem thử: ${e instanceof Error ? e.message : String(e)}`;
});
