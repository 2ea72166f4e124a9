/**
 * Screenshots of the web app on its development server, to look at: `npx tsx
 * test/addin/screenshot-web.ts [dir]`. Opens the page in headless Chromium, then: the empty
 * workbook, the sample loaded («Nạp khối mẫu»), ranked, and an export. Prints the page's console
 * errors. (test/addin/web.e2e.test.ts shoots the built single file, step by step.)
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { withChromium } from './chromium';
import { startWebServer } from './web-server';

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
  const server = await startWebServer();
  console.log(`web app at ${server.url}`);
  try {
    await withChromium(async (context) => {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1440, height: 900 });
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));

      await page.goto(server.url);
      await page.getByRole('status').filter({ hasText: 'Sổ tính trống' }).waitFor();
      await shot(page, dir, 'web-empty');

      const sheetTab = (name: string | RegExp) =>
        page.getByRole('tablist', { name: 'Trang tính' }).getByRole('tab', { name });
      await page.getByRole('button', { name: 'Nạp khối mẫu' }).click();
      await sheetTab(/Cấu hình/).waitFor();
      await page.getByText('Khối Nội chính', { exact: false }).first().waitFor();
      await shot(page, dir, 'web-sample');

      // Rank in the pane: the generated sheets appear; a unit's name brings its sheet to the front.
      await page.getByRole('tab', { name: 'Xếp hạng', exact: true }).first().click();
      await page.getByRole('button', { name: 'Xếp hạng', exact: true }).click();
      await sheetTab('Xếp hạng').waitFor();
      await sheetTab('Xếp hạng').click();
      await shot(page, dir, 'web-ranked');
      await page.getByRole('button', { name: 'Công an tỉnh' }).click();
      await page.locator('[role=tab][aria-selected=true]', { hasText: 'CAT' }).waitFor();
      console.log('showSheet: the unit link selected its sheet tab');

      // Export: the lazy chunks (exports, ExcelJS, docx) load, the file is a browser download.
      await page.getByRole('tab', { name: 'Xuất báo cáo' }).click();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Tải XLSX' }).click();
      console.log(`download: ${(await download).suggestedFilename()}`);
      report(errors);
    });
  } finally {
    await server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
