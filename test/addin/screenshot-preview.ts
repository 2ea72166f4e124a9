/**
 * Screenshots of the browser preview, to look at: `npx tsx test/addin/screenshot-preview.ts [dir]`.
 * Starts the preview server, opens the page in headless Chromium, then: the empty workbook, the
 * sample loaded («Nạp khối mẫu»), and the page with office.js unreachable. Prints the page's
 * console errors and what office.js reported.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { withChromium } from './chromium';
import { startPreview } from './preview-server';

async function shot(page: Page, dir: string, name: string) {
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`  ${file}`);
}

/** The page's console errors, each once with its count. */
function report(errors: string[]) {
  const counts = new Map<string, number>();
  for (const e of errors) counts.set(e.split('\n')[0]!, (counts.get(e.split('\n')[0]!) ?? 0) + 1);
  if (!counts.size) console.log('no console errors');
  for (const [e, n] of counts) console.log(`console error ×${n}: ${e}`);
}

async function main() {
  const dir = path.resolve(process.argv[2] ?? 'out/screenshots');
  mkdirSync(dir, { recursive: true });
  const server = await startPreview();
  console.log(`preview at ${server.url}`);
  try {
    await withChromium(async (context) => {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1440, height: 900 });
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));

      await page.goto(server.url);
      await page.getByText('Thi đua — bản xem thử').waitFor();
      await page.locator('[data-office]:not([data-office="pending"])').waitFor();
      console.log(`office.js: ${await page.locator('[data-office]').getAttribute('data-office')}`);
      await page.getByRole('status').filter({ hasText: 'Sổ tính trống' }).waitFor();
      await shot(page, dir, 'preview-empty');

      const sheetTab = (name: string | RegExp) =>
        page.getByRole('tablist', { name: 'Trang tính' }).getByRole('tab', { name });
      await page.getByRole('button', { name: 'Nạp khối mẫu' }).click();
      await sheetTab(/Cấu hình/).waitFor();
      await page.getByText('Khối Nội chính', { exact: false }).first().waitFor();
      await shot(page, dir, 'preview-sample');

      // Rank in the pane: the generated sheets appear; a unit's name brings its sheet to the front.
      await page.getByRole('tab', { name: 'Xếp hạng', exact: true }).first().click();
      await page.getByRole('button', { name: 'Xếp hạng', exact: true }).click();
      await sheetTab('Xếp hạng').waitFor();
      await sheetTab('Xếp hạng').click();
      await shot(page, dir, 'preview-ranked');
      await page.getByRole('button', { name: 'Công an tỉnh' }).click();
      await page.locator('[role=tab][aria-selected=true]', { hasText: 'CAT' }).waitFor();
      console.log('showSheet: the unit link selected its sheet tab');

      // Export: the lazy chunks (exports, ExcelJS, docx) load, the file is a browser download.
      await page.getByRole('tab', { name: 'Xuất báo cáo' }).click();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Tải XLSX' }).click();
      console.log(`download: ${(await download).suggestedFilename()}`);
      report(errors);
      errors.length = 0;

      // office.js unreachable: the preview still runs, without an Office host.
      await page.route('**/office-js/**', (route) => route.abort());
      await page.goto(`${server.url}?sample`);
      await page.locator('[data-office="missing"]').waitFor();
      await page.getByRole('tab', { name: /Cấu hình/ }).waitFor();
      await shot(page, dir, 'preview-no-officejs');
      console.log(
        `with office.js blocked, console errors: ${errors.length ? errors.join('; ') : 'none'}`,
      );
    });
  } finally {
    await server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
