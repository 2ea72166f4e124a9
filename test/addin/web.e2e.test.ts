/**
 * The web app as an office gets it: the production build's single file dist-web/thidua.html,
 * opened from disk (file://) in headless Chromium with every network request refused and without
 * the File System Access API (as in Firefox), over a workbook made by `thidua init` + `thidua
 * import`. Open, fill a unit, reload and restore the working copy, verify, rank, save; the saved
 * workbook ranks as `thidua rank --json` ranks the same inputs, and LibreOffice's recalculation
 * agrees. Then merging units' copies (and a conflicting one refused), and bad files refused with
 * the current workbook kept. The file adapter runs in the page's Web Worker (a blob from the single
 * file, a file of the hosted build); the last step takes the worker away and the page runs it
 * itself. Screenshots go to out/screenshots/web-<n>-<step>.png.
 *
 * The steps share one page and run in order; once one fails, the later ones stop at once.
 */
import axe from 'axe-core';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { buildWeb, ROOT } from '../../bench/bundle';
import { SHEETS } from '../../src/workbook/layout';
import { editXlsx } from '../support/bad-workbooks';
import { partsOf, zeros, zipOf } from '../support/hostile-packages';
import { checksum, thidua } from '../support/cli';
import { recalculatedSheets, resavedByLibreOffice } from '../support/libreoffice';
import { withChromium } from './chromium';
import { expectText, paneDriver, settle } from './pane-driver';

jest.setTimeout(600_000);
process.env.THIDUA_QUIET = '1';

const SHOTS = path.join(ROOT, 'out', 'screenshots');
const fixtures = path.join(ROOT, 'test', 'fixtures', 'csv');
const csv = (name: string) => path.join(fixtures, name);
const UNIT = { code: 'STP', name: 'Sở Tư pháp' };
const EVIDENCE = 'Kế hoạch số 12/KH-STP ngày 15/01/2025';
const REASON = 'Bài số 103 đăng năm 2024, không tính';
const ARTICLES = 'Báo Tuyên Quang số 101, 102, 103';

/** What the clerk types for STP in the web app, as the CSV `thidua import` takes for the same. */
const STP_SELF: [code: string, value: string][] = [
  ['1.2', '4'],
  ['1.3', '6'],
  ['1.2.1', '1'],
  ['1.3.1', '3'],
  ['2.1.1', '10'],
  ['2.2.1', '8'],
  ['2.2.2', '7'],
  ['2.3.1', '15'],
  ['3.1', '10'],
  ['3.2', '10'],
  ['4.1', '5'],
  ['4.2', '5'],
];
const STP_CSV = [
  'don_vi;ma;tu_cham;khoi_cham;minh_chung;ly_do',
  `STP;1.1;15/01/2025;15/01/2025;${EVIDENCE};`,
  ...STP_SELF.map(([c, v]) =>
    c === '1.3.1' ? `STP;1.3.1;3;2;${ARTICLES};${REASON}` : `STP;${c};${v};${v};;`,
  ),
  'STP;1.4;1.4.b;1.4.b;;',
  'STP;2.1.2;98,5;98,5;;',
].join('\n');

let dir: string;
let web: string;
const at = (name: string) => path.join(dir, name);
let context: BrowserContext;
let page: Page;
let closeBrowser: () => void = () => {};
let browserClosed: Promise<unknown> = Promise.resolve();
const pageErrors: string[] = [];
/** Requests the page made to anything but its own file: there must be none. */
const network: string[] = [];
/** The hosted build, served over http on localhost (step 8). */
let hosted: Server;
let hostedUrl = '';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** A static server over `root`, as any web server of a province would host dist-web/. */
function serve(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).slice(1);
    const file = path.join(root, name || 'index.html');
    if (!file.startsWith(root)) return res.writeHead(403).end();
    try {
      const body = readFileSync(file);
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The units as `thidua rank --json` ranks the workbook. */
const units = (file: string) => cli('rank', file, '--json').then((t) => JSON.parse(t).units);

async function cli(...args: string[]) {
  const r = await thidua(...args);
  expect(r).toMatchObject({ code: 0, stderr: '' });
  return r.stdout;
}

/** A bloc workbook as `thidua init` makes it, optionally with scores imported and verified. */
async function bloc(file: string, scores?: string) {
  await cli(
    'init',
    '--criteria',
    csv('criteria.csv'),
    '--units',
    csv('units.csv'),
    '--name',
    'Khối Nội chính',
    '--year',
    '2025',
    '-o',
    file,
  );
  if (scores) await cli('import', file, '--scores', scores, '--status', 'Đã thẩm định');
}

/** The lines of test/fixtures/csv/scores.csv that `keep` accepts, as a CSV file. */
function scoresWhere(name: string, keep: (line: string) => boolean, edit = (l: string) => l) {
  const [header, ...lines] = readFileSync(csv('scores.csv'), 'utf8').split(/\r?\n/);
  writeFileSync(at(name), [header, ...lines.filter((l) => l && keep(l)).map(edit)].join('\n'));
  return at(name);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(path.join(tmpdir(), 'thidua-web-'));
  web = path.join(dir, 'dist-web');
  await buildWeb(web);
  hosted = await serve(web);
  hostedUrl = `http://localhost:${(hosted.address() as AddressInfo).port}/`;
  // The bloc: every unit scored and verified but STP, whose clerk fills it in the web app.
  await bloc(
    at('khoi.xlsx'),
    scoresWhere('others.csv', (l) => !l.startsWith('STP;')),
  );
  // The same inputs through the toolkit alone.
  copyFileSync(at('khoi.xlsx'), at('reference.xlsx'));
  writeFileSync(at('stp.csv'), STP_CSV);
  await cli('import', at('reference.xlsx'), '--scores', at('stp.csv'), '--status', 'Đã thẩm định');

  await new Promise<void>((ready, fail) => {
    browserClosed = withChromium(async (c) => {
      context = c;
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (/^(file|data|blob):/.test(url) || (hostedUrl && url.startsWith(hostedUrl)))
          return route.continue();
        network.push(url);
        return route.abort();
      });
      // As in Firefox or Safari: no File System Access API, so files come from <input type=file>.
      await context.addInitScript(() => {
        delete (window as { showOpenFilePicker?: unknown }).showOpenFilePicker;
        delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
      });
      page = await context.newPage();
      await page.setViewportSize({ width: 1440, height: 900 });
      page.setDefaultTimeout(60_000);
      page.on('pageerror', (e) => pageErrors.push(String(e)));
      ready();
      await new Promise<void>((resolve) => (closeBrowser = resolve));
    }).catch(fail);
  });
});

afterAll(async () => {
  closeBrowser();
  await browserClosed;
  await new Promise((r) => (hosted ? hosted.close(r) : r(undefined)));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const { pane, sheetTab, expectSheet, notice, pickUnit, field, typeInto, openPart, downloadsOf } =
  paneDriver(() => page);
const toolbar = () => page.getByRole('toolbar', { name: 'Sổ tính' });
const fileState = () => page.getByTestId('file-state');
/** The web app's own messages (above the sheet view), not the pane's. */
const appNotice = (title: RegExp | string) =>
  page.locator('header').getByRole('group').filter({ hasText: title }).first();

async function openFile(file: string) {
  await page.getByLabel('Chọn sổ tính để mở').setInputFiles(file);
}

let broken: string | undefined;

function step(name: string, run: () => Promise<void>) {
  test(name, async () => {
    if (broken) throw new Error(`not run: the step «${broken}» failed`);
    try {
      await run();
      expect(pageErrors).toEqual([]);
      expect(network).toEqual([]);
    } catch (e) {
      broken = name;
      await shot(`${name.split(' ')[0]}-failed`).catch(() => {});
      throw e;
    }
  });
}

/**
 * Opens a copy of the workbook saved in step 5 (as saved.xlsx, whatever its file is called), ranks
 * it, saves it as `saveAs`: it ranks as the toolkit ranked saved.xlsx.
 */
async function openRankSave(file: string, saveAs: string) {
  await openFile(file);
  await expectText(fileState(), 'saved.xlsxĐã lưu');
  await pane().getByRole('tab', { name: 'Xếp hạng' }).click();
  await pane().getByRole('button', { name: 'Xếp hạng', exact: true }).click();
  await pane()
    .getByText(/^Đã xếp hạng/)
    .first()
    .waitFor();
  const [download] = await downloadsOf(
    () => toolbar().getByRole('button', { name: 'Lưu', exact: true }).click(),
    1,
  );
  await download!.saveAs(at(saveAs));
  expect(await units(at(saveAs))).toEqual(await units(at('saved.xlsx')));
}

async function shot(name: string) {
  await page.screenshot({ path: path.join(SHOTS, `web-${name}.png`) });
}

step(
  '1 open: the single file from disk, then the bloc workbook through the file input',
  async () => {
    await page.goto(pathToFileURL(path.join(web, 'thidua.html')).href);
    await page.getByRole('status').filter({ hasText: 'Sổ tính trống' }).waitFor();
    await expect(
      page.getByText(/^phiên bản \d+\.\d+\.\d+ \(\d{4}-\d\d-\d\d\)$/).count(),
    ).resolves.toBe(1);
    // The file adapter runs in a Web Worker, started from the code inlined in the page (a blob).
    expect(page.workers().map((w) => w.url())).toEqual([expect.stringMatching(/^blob:/)]);
    await openFile(at('khoi.xlsx'));
    await expectText(fileState(), 'khoi.xlsxĐã lưu');
    await pane().getByRole('heading', { name: 'Khối Nội chính' }).waitFor();
    await expectSheet(UNIT.code, { '1.2': { F: '', G: '' } });
    await shot('1-open');
  },
);

step('2 fill: the clerk scores STP and saves the sheet; the file is marked unsaved', async () => {
  await pane().getByRole('tab', { name: 'Chấm điểm' }).click();
  await pickUnit(UNIT.code, UNIT.name);
  await pane()
    .getByRole('textbox', { name: field('1.1') })
    .fill('2025-01-15');
  await pane().getByRole('textbox', { name: 'Minh chứng mục 1.1' }).fill(EVIDENCE);
  for (const part of ['II', 'III', 'IV']) await openPart(part);
  for (const [code, value] of STP_SELF) await typeInto(code, value);
  await pane().getByRole('textbox', { name: 'Minh chứng mục 1.3.1' }).fill(ARTICLES);
  await pane()
    .getByRole('radio', { name: /^1\.4\.b / })
    .check();
  await pane()
    .getByRole('textbox', { name: field('2.1.2') })
    .pressSequentially('98,5');
  await expectText(pane().getByTestId('self-total'), '97,1');
  await pane().getByRole('button', { name: 'Lưu', exact: true }).click();
  await notice('Đã lưu bảng tự chấm của Sở Tư pháp.').waitFor();
  await expectText(fileState(), 'khoi.xlsxChưa lưu');
  await expectSheet(UNIT.code, { '1.2': { F: '4,00' }, '1.4': { F: '1.4.b' } });
  await shot('2-fill');
});

step('3 reload: leaving asks first; the page offers the working copy and restores it', async () => {
  // The working copy is written a moment after the change.
  await page.waitForTimeout(1500);
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (d) => {
      resolve(d.type());
      void d.accept();
    }),
  );
  await page.reload();
  await expect(asked).resolves.toBe('beforeunload');
  const offer = page.getByTestId('restore-offer');
  await offer.getByText(/Sổ tính «khoi\.xlsx», thay đổi lần cuối lúc \d\d:\d\d ngày /).waitFor();
  await shot('3-restore-offer');
  await offer.getByRole('button', { name: 'Khôi phục' }).click();
  await expectText(fileState(), 'khoi.xlsxChưa lưu');
  await expectSheet(UNIT.code, {
    '1.1': { F: '15/01/2025', K: EVIDENCE },
    '1.2': { F: '4,00' },
    '1.3.1': { F: '3' },
    '1.4': { F: '1.4.b' },
  });
});

step('4 verify and rank: submit, accept all, change one item with its reason, rank', async () => {
  await pane().getByRole('tab', { name: 'Chấm điểm' }).click();
  await pickUnit(UNIT.code, UNIT.name);
  await pane().getByRole('button', { name: 'Nộp bảng chấm' }).click();
  await notice(/^Đã nộp bảng chấm của Sở Tư pháp/).waitFor();
  await pane().getByRole('tab', { name: 'Thẩm định' }).click();
  await pickUnit(UNIT.code, UNIT.name);
  await pane().getByRole('button', { name: 'Chấp nhận toàn bộ' }).click();
  await typeInto('1.3.1', '2');
  await pane()
    .getByRole('textbox', { name: 'Lý do khối chấm mục 1.3.1' })
    .pressSequentially(REASON);
  await pane().getByRole('button', { name: 'Xác nhận đã thẩm định' }).click();
  await notice('Đã xác nhận thẩm định bảng chấm của Sở Tư pháp.').waitFor();
  await pane().getByRole('tab', { name: 'Xếp hạng' }).click();
  await pane().getByRole('button', { name: 'Xếp hạng', exact: true }).click();
  await sheetTab(SHEETS.ranking).waitFor();
  await shot('4-ranked');
});

step('5 save: a download under the same name that ranks as the toolkit ranks', async () => {
  const [download] = await downloadsOf(
    () => toolbar().getByRole('button', { name: 'Lưu', exact: true }).click(),
    1,
  );
  expect(download!.suggestedFilename()).toBe('khoi.xlsx');
  await download!.saveAs(at('saved.xlsx'));
  await appNotice('Đã tải về «khoi.xlsx»').waitFor();
  await expectText(fileState(), 'khoi.xlsxĐã lưu');
  await shot('5-saved');
  // The page wrote the ranking chart into the package too (src/io/xlsx/chart-parts.ts).
  const zip = await JSZip.loadAsync(readFileSync(at('saved.xlsx')));
  const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
  expect(charts).toHaveLength(1);

  const ranking = (text: string) => (JSON.parse(text) as { units: unknown[] }).units;
  const saved = ranking(await cli('rank', at('saved.xlsx'), '--json'));
  expect(saved).toEqual(ranking(await cli('rank', at('reference.xlsx'), '--json')));
  expect(saved).toContainEqual(expect.objectContaining({ code: 'STP', verified: 96.9 }));

  // LibreOffice recalculates the saved workbook's live formulas: the same totals.
  const rows = recalculatedSheets(at('saved.xlsx')).get(SHEETS.ranking)!;
  const header = rows[3]!;
  const totals = new Map(
    rows
      .slice(4)
      .filter((r) => r[header.indexOf('Mã đơn vị')])
      .map((r) => [r[header.indexOf('Mã đơn vị')], Number(r[header.indexOf('Khối chấm')])]),
  );
  for (const u of saved as { code: string; total: number }[])
    expect([u.code, totals.get(u.code)]).toEqual([u.code, u.total]);
});

step(
  '6 merge: two units’ copies merge; a conflicting copy is refused, nothing merged',
  async () => {
    await bloc(at('trong.xlsx'));
    for (const [unit, name] of [
      ['CAT', 'ban-sao-CAT.xlsx'],
      ['BCHQS', 'ban-sao-BCHQS.xlsx'],
      ['CAT', 'ban-sao-CAT-khac.xlsx'],
    ] as const) {
      copyFileSync(at('trong.xlsx'), at(name));
      const edit = name.includes('khac')
        ? (l: string) => l.replace(/^CAT;1\.2;4;4/, 'CAT;1.2;3;3')
        : undefined;
      await cli(
        'import',
        at(name),
        '--scores',
        scoresWhere(`${name}.csv`, (l) => l.startsWith(`${unit};`), edit),
      );
    }
    await openFile(at('trong.xlsx'));
    await expectText(fileState(), 'trong.xlsxĐã lưu');
    const copies = page.getByLabel('Chọn các bản sao của đơn vị để gộp');
    await copies.setInputFiles([at('ban-sao-CAT.xlsx'), at('ban-sao-BCHQS.xlsx')]);
    await appNotice('Đã gộp 2 trang đơn vị').waitFor();
    await expectSheet('CAT', { '1.2': { F: '4,00' } });
    await copies.setInputFiles([at('ban-sao-CAT-khac.xlsx')]);
    const refused = appNotice('Dữ liệu không hợp lệ, chưa ghi gì');
    await refused
      .getByText(/ban-sao-CAT-khac\.xlsx/)
      .first()
      .waitFor();
    await shot('6-merge-conflict');
    await expectSheet('CAT', { '1.2': { F: '4,00' } });
  },
);

step(
  '7 bad files: each refused in Vietnamese, naming the file; the open workbook stays',
  async () => {
    const good = readFileSync(at('khoi.xlsx'));
    writeFileSync(at('khong-phai.xlsx'), 'don_vi;ma\nCAT;1.1\n');
    writeFileSync(at('cat-cut.xlsx'), good.subarray(0, Math.floor(good.length / 2)));
    copyFileSync(at('khoi.xlsx'), at('ban-moi.xlsx'));
    await editXlsx(at('ban-moi.xlsx'), (wb) => {
      wb.getWorksheet(SHEETS.config)!.eachRow((row) => {
        if (row.getCell(1).value === 'phien_ban') row.getCell(2).value = 99;
      });
    });
    // An OLE container holding the stream Office keeps an encrypted workbook in.
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    Buffer.from('EncryptedPackage', 'utf16le').copy(ole, 1024);
    writeFileSync(at('mat-khau.xlsx'), ole);
    // 50 MB: refused before it is read, so the tab neither freezes nor runs out of memory.
    writeFileSync(
      at('qua-lon.xlsx'),
      Buffer.concat([good, Buffer.alloc(50 * 1024 * 1024 - good.length)]),
    );
    // 1.7 MB inflating to 1.5 GB: refused from the ZIP's directory before anything is inflated.
    writeFileSync(
      at('bom-nen.xlsx'),
      zipOf([...(await partsOf(good)), zeros('xl/worksheets/sheet99.xml', 1536)]),
    );
    const cases: [file: string, says: RegExp][] = [
      ['khong-phai.xlsx', /không đọc được sổ tính \.xlsx/],
      ['bom-nen.xlsx', /giải nén ra 153\d,\d MB, quá 128,0 MB/],
      ['cat-cut.xlsx', /không đọc được sổ tính \.xlsx/],
      ['mat-khau.xlsx', /sổ tính có mật khẩu mở tệp/],
      ['qua-lon.xlsx', /tệp nặng 50,0 MB, quá 25,0 MB mà ứng dụng web mở được/],
    ];
    // The merged workbook is not saved: opening another file asks first (and is allowed here).
    const asked: string[] = [];
    page.on('dialog', (d) => {
      asked.push(d.message());
      void d.accept();
    });
    for (const [file, says] of cases) {
      const before = checksum(at(file));
      await openFile(at(file));
      await appNotice('Không mở được tệp, chưa ghi gì').getByText(says).waitFor();
      await page.locator('header').getByText(file, { exact: false }).first().waitFor();
      await expectText(fileState(), 'trong.xlsxChưa lưu');
      expect(checksum(at(file))).toBe(before);
    }
    expect(asked[0]).toBe(
      'Sổ tính «trong.xlsx» có thay đổi chưa lưu vào tệp. Bỏ các thay đổi đó để mở sổ tính khác?',
    );
    await shot('7-refused');

    // A newer format opens as a file, and the pane says why it cannot read it.
    await openFile(at('ban-moi.xlsx'));
    await pane()
      .getByText(/mới hơn phiên bản 1 mà công cụ này đọc được/)
      .waitFor();

    // A workbook of a person's own: opened, its sheet kept, the pane offers to set a bloc up in it.
    const own = new ExcelJS.Workbook();
    own.addWorksheet('Danh sách').getCell('A1').value = 'Sổ theo dõi của văn phòng';
    await own.xlsx.writeFile(at('cua-toi.xlsx'));
    await openFile(at('cua-toi.xlsx'));
    await expectText(fileState(), 'cua-toi.xlsxĐã lưu');
    await pane().getByText('Sổ tính chưa có cấu hình thi đua: hãy Thiết lập khối trước.').waitFor();
    await expectSheet('Danh sách', {
      'Sổ theo dõi của văn phòng': { A: 'Sổ theo dõi của văn phòng' },
    });
  },
);

step('8 hosted: the same app over http opens, ranks and saves, then works offline', async () => {
  page.removeAllListeners('dialog');
  page = await context.newPage();
  page.setDefaultTimeout(60_000);
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(hostedUrl);
  await page.getByRole('status').filter({ hasText: 'Sổ tính trống' }).waitFor();
  expect(page.workers()).toHaveLength(1);
  // The service worker has every file of the build in its cache.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await openFile(at('reference.xlsx'));
  await expectText(fileState(), 'reference.xlsxĐã lưu');
  await pane().getByRole('tab', { name: 'Xếp hạng' }).click();
  await pane().getByRole('button', { name: 'Xếp hạng', exact: true }).click();
  await sheetTab(SHEETS.ranking).waitFor();
  const [download] = await downloadsOf(
    () => toolbar().getByRole('button', { name: 'Lưu', exact: true }).click(),
    1,
  );
  await download!.saveAs(at('hosted.xlsx'));
  expect(await units(at('hosted.xlsx'))).toEqual(await units(at('saved.xlsx')));

  // The same workbook saved again by LibreOffice Calc opens and ranks the same.
  mkdirSync(at('libreoffice'), { recursive: true });
  const resaved = resavedByLibreOffice(at('saved.xlsx'), at('libreoffice'));
  await openRankSave(resaved, 'resaved-ranked.xlsx');

  await context.setOffline(true);
  try {
    await page.reload();
    await page.getByRole('button', { name: 'Mở sổ tính…' }).waitFor();
    // The worker's file came from the service worker's cache.
    expect(page.workers().map((w) => w.url())).toEqual([
      expect.stringMatching(new RegExp(`^${hostedUrl}worker\\.[0-9a-f]{8}\\.js$`)),
    ]);
    await shot('8-hosted-offline');
  } finally {
    await context.setOffline(false);
  }
});

/** axe-core's serious and critical violations on the page as it is now: rule, impact, where. */
async function accessibilityProblems(): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: axe.source });
  // Colours are measured at rest: a tab fading in would be read half-way.
  await settle(
    () =>
      page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length),
    (running) => running === 0,
    5_000,
  );
  const violations = await page.evaluate(async () => {
    const found = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return found.violations.flatMap((v) => {
      // Fluent's focus helpers (Tabster's dummy inputs) are focusable and aria-hidden on purpose:
      // they pass focus on at once. A known false positive that Accessibility Insights suppresses
      // the same way (microsoft/tabster#288, microsoft/accessibility-insights-web#7605).
      const nodes = v.nodes.filter(
        (n) => !(v.id === 'aria-hidden-focus' && n.html.includes('data-tabster-dummy')),
      );
      return nodes.length
        ? [
            {
              id: v.id,
              impact: v.impact,
              where: nodes.slice(0, 3).map((n) => n.html.slice(0, 120)),
            },
          ]
        : [];
    });
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.where.join(', ')}`);
}

step('9 accessibility and keyboard: axe on every tab; open and save by keyboard', async () => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.getByRole('button', { name: 'Mở sổ tính…' }).waitFor();
  expect(await accessibilityProblems()).toEqual([]);
  // Open by keyboard: Tab to «Mở sổ tính…», Enter opens the system's file dialog.
  for (let i = 0; i < 20; i++) {
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (focused === 'Mở sổ tính…') break;
    await page.keyboard.press('Tab');
  }
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(at('saved.xlsx'));
  await expectText(fileState(), 'saved.xlsxĐã lưu');
  const seen: Record<string, string[]> = { 'Sổ tính': await accessibilityProblems() };
  for (const tab of [
    'Thiết lập khối',
    'Chấm điểm',
    'Thẩm định',
    'Xếp hạng',
    'Tỷ lệ khen thưởng',
    'Xuất báo cáo',
  ]) {
    // By keyboard: focus the tab, Enter selects it.
    await pane().getByRole('tab', { name: tab }).focus();
    await page.keyboard.press('Enter');
    await expect(
      pane().getByRole('tab', { name: tab }).getAttribute('aria-selected'),
    ).resolves.toBe('true');
    seen[tab] = await accessibilityProblems();
  }
  expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((k) => [k, []])));
  // Rank and save by keyboard.
  await pane().getByRole('tab', { name: 'Xếp hạng' }).focus();
  await page.keyboard.press('Enter');
  await pane().getByRole('button', { name: 'Xếp hạng', exact: true }).focus();
  await page.keyboard.press('Enter');
  await pane()
    .getByText(/^Đã xếp hạng/)
    .first()
    .waitFor();
  await toolbar().getByRole('button', { name: 'Lưu', exact: true }).focus();
  const [download] = await downloadsOf(() => page.keyboard.press('Enter'), 1);
  expect(download!.suggestedFilename()).toBe('saved.xlsx');
});

step(
  '10 no worker: where the browser has none, the page reads and writes the workbook itself',
  async () => {
    page = await context.newPage();
    page.setDefaultTimeout(60_000);
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.addInitScript(() => delete (window as { Worker?: unknown }).Worker);
    await page.goto(pathToFileURL(path.join(web, 'thidua.html')).href);
    await page.getByRole('status').filter({ hasText: 'Sổ tính trống' }).waitFor();
    expect(page.workers()).toEqual([]);
    await openRankSave(at('saved.xlsx'), 'no-worker.xlsx');
  },
);
