/**
 * The browser preview end to end, in headless Chromium against the preview server (the
 * `npm run preview` configuration): it renders with the real office.js (no Office host) and
 * without it, starts empty, loads the sample through the port, and its sheet view follows the
 * workbook and the host's showSheet.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { withChromium } from './chromium';
import { startPreview, type PreviewServer } from './preview-server';

jest.setTimeout(300_000);

let server: PreviewServer;
beforeAll(async () => {
  server = await startPreview();
});
afterAll(async () => {
  await server?.stop();
});

/** Runs `use` on a fresh page, failing on any uncaught error in the page. */
async function onPage(use: (page: Page, context: BrowserContext) => Promise<void>) {
  await withChromium(async (context) => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await use(page, context);
    expect(errors).toEqual([]);
  });
}

const sheetTabs = (page: Page) =>
  page.getByRole('tablist', { name: 'Trang tính' }).getByRole('tab');

test('renders with office.js outside Office, starts empty, loads the sample', async () => {
  await onPage(async (page) => {
    await page.goto(server.url);
    await page.locator('[data-office="no-host"]').waitFor();
    await page.getByRole('status').filter({ hasText: 'Sổ tính trống' }).waitFor();
    await page.getByRole('complementary', { name: 'Ngăn Thi đua' }).waitFor();
    expect(await sheetTabs(page).count()).toBe(0);

    const load = page.getByRole('button', { name: 'Nạp khối mẫu' });
    await load.click();
    await sheetTabs(page).filter({ hasText: 'Cấu hình (ẩn)' }).waitFor();
    const names = await sheetTabs(page).allTextContents();
    // The configuration (hidden), 9 unit sheets, the people list.
    expect(names).toHaveLength(11);
    expect(names).toEqual(expect.arrayContaining(['CAT', 'BNC', 'Danh sách cá nhân']));
    // The first visible sheet is shown, with its title read back through the port.
    await expect(
      sheetTabs(page).and(page.locator('[aria-selected=true]')).textContent(),
    ).resolves.toBe('CAT');
    await page
      .getByRole('table', { name: 'CAT' })
      .getByText('BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2025', { exact: true })
      .waitFor();
    await expect(load.isDisabled()).resolves.toBe(true);

    // A tab brings its sheet to the front, as the host's showSheet does.
    await sheetTabs(page).filter({ hasText: 'BNC' }).click();
    await page.getByRole('table', { name: 'BNC' }).waitFor();
  });
});

test('runs the same when office.js cannot be loaded, and ?sample opens with the sample', async () => {
  await onPage(async (page) => {
    await page.route('**/office-js/**', (route) => route.abort());
    await page.goto(`${server.url}?sample`);
    await page.locator('[data-office="missing"]').waitFor();
    await sheetTabs(page).filter({ hasText: 'CAT' }).waitFor();
    await page.getByRole('table', { name: 'CAT' }).waitFor();
  });
});
