/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The task pane's entry (src/taskpane/index.tsx) as Excel loads it, over the Excel stand-in: where
// the pane cannot run it says why and offers the web app; on ExcelApi 1.7 it runs and says once,
// as information, what its writes leave out there.
import '../support/pane-globals';
import '../support/stub-unit-forms';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { screen, waitFor } from '@testing-library/react';
import { OLD_EXCEL_MESSAGE } from '../../src/io/excel/errors';
import { NO_PAGE_LAYOUT_NOTE, NO_VALIDATION_NOTE } from '../../src/io/excel/write-steps';
import { LIMITS_TITLE } from '../../src/taskpane/App';
import { SAMPLE_BLOC } from '../../src/sample';
import { createSession } from '../../src/app/session';
import { ExcelWorkbook } from '../../src/io/excel/excel-workbook';
import { createExcelStandin, type ExcelStandin } from '../support/excel-standin';
import { skipStyleChecks } from '../support/pane';

jest.setTimeout(60_000);
skipStyleChecks();
// The entry renders into its own React root, as in Excel, not through Testing Library's render:
// React is told it is not under act() (after Testing Library's own beforeAll says it is), and the
// queries wait for what it shows.
beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
});

const g = globalThis as unknown as { Office?: unknown; Excel?: unknown };

/** Office and Excel as office.js defines them in `host`, answering from the stand-in. */
function officeIn(host: string, standin?: ExcelStandin) {
  g.Office = {
    HostType: { Excel: 'Excel', Word: 'Word' },
    onReady: (callback: (info: { host: string }) => void) => {
      callback({ host });
      return Promise.resolve({ host });
    },
    context: { requirements: { isSetSupported: standin?.isSetSupported ?? (() => false) } },
  };
  g.Excel = {
    run: (_options: unknown, batch: (context: Excel.RequestContext) => Promise<unknown>) =>
      standin!.run(batch),
  };
}

/** Loads taskpane.html's script afresh into a page that has its container. */
async function loadEntry() {
  document.body.innerHTML = '<div id="container">Đang tải…</div>';
  await jest.isolateModulesAsync(async () => {
    await import('../../src/taskpane/index');
  });
}

afterEach(() => {
  delete g.Office;
  delete g.Excel;
});

/** The web app offered in place of the pane. */
async function expectWebAppOffered() {
  const link = await screen.findByRole('link', { name: 'Mở ứng dụng web Thi đua' });
  expect(link).toHaveAttribute('href', 'web.html');
  expect(link.parentElement!.textContent).toContain(
    'trên cùng tệp sổ tính (.xlsx), không cần cài đặt gì',
  );
  // The preview is a developer's page: not offered to users any more.
  expect(screen.queryByText(/bản xem thử/)).toBeNull();
}

describe('where the pane cannot run', () => {
  it('outside Office (no office.js) says it needs Excel, why office.js may be missing, and offers the web app', async () => {
    await loadEntry();
    expect(await screen.findByText('Ngăn Thi đua chỉ chạy trong Excel')).toBeInTheDocument();
    expect(screen.getByText(/Không tải được thư viện Office \(office\.js\)/)).toBeInTheDocument();
    await expectWebAppOffered();
  });

  it('in another Office app says it is opened elsewhere, and offers the web app', async () => {
    officeIn('Word');
    await loadEntry();
    expect(await screen.findByText(/nhưng đang được mở ở nơi khác\./)).toBeInTheDocument();
    expect(screen.queryByText(/Không tải được thư viện Office/)).toBeNull();
    await expectWebAppOffered();
  });

  it('in Excel below ExcelApi 1.7 says why, as a warning, and offers the web app', async () => {
    officeIn('Excel', createExcelStandin({ apiVersion: '1.6' }));
    await loadEntry();
    expect(await screen.findByText('Excel này chưa chạy được add-in Thi đua')).toBeInTheDocument();
    expect(screen.getByText(OLD_EXCEL_MESSAGE)).toBeInTheDocument();
    expect(screen.queryByText('Không mở được ngăn Thi đua')).toBeNull();
    await expectWebAppOffered();
  });
});

describe('in Excel with ExcelApi 1.7', () => {
  it('runs, and says once, as information, that validation and page setup are skipped', async () => {
    const standin = createExcelStandin({ apiVersion: '1.7' });
    // A configured workbook, written through the same adapter (its writes note the same things).
    await createSession(
      new ExcelWorkbook(standin.run, { isSetSupported: standin.isSetSupported }),
      {
        kind: 'excel',
        showSheet: async () => {},
        download: () => {},
      },
    ).setUp(SAMPLE_BLOC);
    officeIn('Excel', standin);
    await loadEntry();
    expect(await screen.findByText('Nội dung thẻ Chấm điểm')).toBeInTheDocument();
    const title = screen.getByText(LIMITS_TITLE);
    const bar = title.closest('.fui-MessageBar')!;
    expect(bar.textContent).toContain(NO_VALIDATION_NOTE);
    expect(bar.textContent).toContain(NO_PAGE_LAYOUT_NOTE);
    expect(screen.getAllByText(LIMITS_TITLE)).toHaveLength(1);
    expect(screen.getAllByText(NO_VALIDATION_NOTE)).toHaveLength(1);
    // Information, not an error: the pane works.
    expect(bar).toHaveAttribute('data-intent', 'info');
    expect(screen.queryByText('Không mở được ngăn Thi đua')).toBeNull();

    // Reading the workbook again does not say it again; dismissed, it stays away. (Native clicks:
    // user-event's act() would not cover the updates of this root.)
    screen.getByRole('button', { name: 'Đọc lại sổ tính' }).click();
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    expect(screen.getAllByText(LIMITS_TITLE)).toHaveLength(1);
    screen.getByRole('button', { name: 'Đóng thông báo' }).click();
    await waitFor(() => expect(screen.queryByText(LIMITS_TITLE)).toBeNull());
    screen.getByRole('button', { name: 'Đọc lại sổ tính' }).click();
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    expect(screen.queryByText(LIMITS_TITLE)).toBeNull();
  });

  it('on a recent Excel says nothing of the kind', async () => {
    officeIn('Excel', createExcelStandin({ apiVersion: '1.17' }));
    await loadEntry();
    expect(
      await screen.findByText('Sổ tính chưa có cấu hình thi đua: hãy Thiết lập khối trước.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(LIMITS_TITLE)).toBeNull();
  });
});

describe('in the old web views of Office 2016/2019 (Trident, EdgeHTML)', () => {
  // taskpane.html's own inline script: the bundle cannot even be parsed there.
  const html = readFileSync(path.resolve(__dirname, '../../src/taskpane/taskpane.html'), 'utf8');
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  const runIn = (userAgent: string) => {
    document.body.innerHTML = '<div id="container">Đang tải…</div>';
    const ua = jest.spyOn(window.navigator, 'userAgent', 'get').mockReturnValue(userAgent);
    try {
      new Function(inline[0]!)();
    } finally {
      ua.mockRestore();
    }
    return document.getElementById('container')!;
  };

  it('is one script of ES5 (no arrows, let/const, template strings)', () => {
    expect(inline).toHaveLength(1);
    expect(inline[0]).not.toMatch(/=>|\b(let|const|class)\b|`/);
  });

  it.each([
    [
      'Trident (Internet Explorer 11)',
      'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko',
    ],
    [
      'EdgeHTML (Edge Legacy)',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045',
    ],
  ])('%s: says why and offers the web app', (_, userAgent) => {
    const container = runIn(userAgent);
    expect(container.textContent).toContain('Excel này chưa chạy được add-in Thi đua.');
    const link = container.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('web.html');
    expect(link.textContent).toBe('Mở ứng dụng web Thi đua');
  });

  it('leaves WebView2 and Safari to the pane', () => {
    const webView2 =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0';
    const safari =
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)';
    expect(runIn(webView2).textContent).toBe('Đang tải…');
    expect(runIn(safari).textContent).toBe('Đang tải…');
  });
});
