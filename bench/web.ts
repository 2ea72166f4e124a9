/*
 * The web app in headless Chromium: the size of the single offline file, and the time to open and
 * rank the 60-unit × 150-criteria workbook through the page against ExcelJS alone loading and
 * saving the same workbook in the same page, with the longest main-thread task meanwhile.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../test/addin/chromium';
import { buildWeb, ROOT } from './bundle';
import { ratio } from './harness';
import { writeBenchWorkbook } from './workbook';

const kb = (n: number) => `${(n / 1000).toFixed(0)} KB`;

/** Collects the page's long tasks (over 50 ms), from before its first script runs. */
function watchLongTasks() {
  const w = window as unknown as { longTasks: number[] };
  w.longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
}

export async function benchWeb(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'thidua-bench-web-'));
  const out = path.join(dir, 'dist-web');
  await buildWeb(out);
  const html = readFileSync(path.join(out, 'thidua.html'));
  console.log(
    `\nWeb app: dist-web/thidua.html ${kb(html.length)} raw, ${kb(gzipSync(html).length)} gzipped (one file, no budget)`,
  );
  const { file, units, criteria } = await writeBenchWorkbook(dir);
  const bytes = readFileSync(file).toString('base64');
  const exceljs = readFileSync(path.join(ROOT, 'node_modules/exceljs/dist/exceljs.min.js'), 'utf8');

  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const times: { app: number; alone: number; longest: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const page = await browser.newPage();
      await page.addInitScript(watchLongTasks);
      await page.goto(pathToFileURL(path.join(out, 'thidua.html')).href);
      await page.getByRole('button', { name: 'Mở sổ tính…' }).waitFor();
      await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
      const t0 = performance.now();
      await page.getByLabel('Chọn sổ tính để mở').setInputFiles(file);
      const pane = page.getByRole('complementary', { name: 'Ngăn Thi đua' });
      await pane.getByRole('heading', { name: 'Khối đo hiệu năng' }).waitFor({ timeout: 300_000 });
      await pane.getByRole('tab', { name: 'Xếp hạng' }).click();
      await pane.getByRole('button', { name: 'Xếp hạng', exact: true }).click();
      await pane
        .getByText(/^Đã xếp hạng/)
        .first()
        .waitFor({ timeout: 300_000 });
      const app = performance.now() - t0;
      const longest = await page.evaluate(() =>
        Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks),
      );
      // The baseline in the same page: ExcelJS's own browser build, loading and saving the bytes.
      await page.addScriptTag({ content: exceljs });
      const alone = await page.evaluate(async (b64) => {
        const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const Excel = (window as unknown as { ExcelJS: typeof import('exceljs') }).ExcelJS;
        const t = performance.now();
        const wb = new Excel.Workbook();
        await wb.xlsx.load(data.buffer);
        await wb.xlsx.writeBuffer();
        return performance.now() - t;
      }, bytes);
      times.push({ app, alone, longest });
      await page.close();
    }
    const mid = (k: 'app' | 'alone' | 'longest') =>
      times.map((t) => t[k]).sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    console.log(
      `  open and rank ${units} units × ${criteria} criteria in the page: ${mid('app').toFixed(0)} ms; ExcelJS alone loading and saving it there: ${mid('alone').toFixed(0)} ms; ratio ${ratio(mid('app'), mid('alone'))} (target ≤ 1.5×)`,
    );
    console.log(
      `  longest main-thread task meanwhile: ${mid('longest').toFixed(0)} ms (target ≤ 200 ms; ExcelJS parses and writes in a Web Worker, see src/web/index.tsx)`,
    );
  } finally {
    await browser.close();
  }
}
