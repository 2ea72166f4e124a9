/*
 * The task pane's entry inside Office (taskpane.html, opened by the ribbon button). In Excel it
 * renders the pane on the Office.js adapter; anywhere else (another Office app, a plain browser,
 * office.js unreachable, an Excel below ExcelApi 1.7) it says why, in Vietnamese, and offers the
 * web app (CannotRun). On an Excel with ExcelApi 1.7 or 1.8 the pane runs, and says once what its
 * writes leave out there (the host's limits).
 */
import { createRoot } from 'react-dom/client';
import { createSession, type Host } from '../app';
import { browserDownload } from '../io/browser';
import { ExcelVersionError, ExcelWorkbook, excelRunner } from '../io/excel';
import { App } from './App';
import { CannotRun } from './CannotRun';

/** Excel as the pane's host: sheets are brought to the front by activating them. */
function excelHost(workbook: ExcelWorkbook): Host {
  return {
    kind: 'excel',
    showSheet: (name) => workbook.showSheet(name),
    download: browserDownload,
    limits: workbook.limits,
  };
}

function start(host: Office.HostType | null) {
  if (host !== Office.HostType.Excel) return <CannotRun obstacle={{ kind: 'other-host' }} />;
  try {
    // The constructor checks ExcelApi 1.7 and throws, in Vietnamese, on an older Excel.
    // Excel.run waits while the user is editing a cell instead of failing.
    const workbook = new ExcelWorkbook(excelRunner());
    return <App session={createSession(workbook, excelHost(workbook))} />;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return (
      <CannotRun
        obstacle={
          e instanceof ExcelVersionError
            ? { kind: 'old-excel', message }
            : { kind: 'error', message }
        }
      />
    );
  }
}

const root = createRoot(document.getElementById('container')!);
if (typeof Office === 'undefined') root.render(<CannotRun obstacle={{ kind: 'no-office' }} />);
else void Office.onReady((info) => root.render(start(info.host)));
