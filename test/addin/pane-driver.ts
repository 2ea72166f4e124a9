/**
 * Driving the task pane and the sheet view in a page, as a user does: the helpers the end-to-end
 * tests share (the workflow on the development server, the built web app from disk).
 */
import type { Download, Locator, Page } from 'playwright-core';

/** A sheet as the sheet view shows it: row key → column letter → displayed text. */
export type Rows = Record<string, Record<string, string>>;

export function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Reads `read` until `ok` holds or the time is up; returns the last value either way. */
export async function settle<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeout = 30_000) {
  const end = Date.now() + timeout;
  for (;;) {
    let value: T | undefined;
    try {
      value = await read();
      if (ok(value)) return value;
    } catch {
      // The view may be re-rendering: read again.
    }
    if (Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Waits for a locator's whole text to become `expected` (jest's diff if it does not). */
export async function expectText(locator: Locator, expected: string) {
  const text = await settle(
    async () => ((await locator.textContent()) ?? '').trim(),
    (t) => t === expected,
  );
  expect(text).toBe(expected);
}

/** The helpers over the page `page()` returns (set in a beforeAll). */
export function paneDriver(page: () => Page) {
  const pane = () => page().getByRole('complementary', { name: 'Ngăn Thi đua' });
  const sheetTabs = () => page().getByRole('tablist', { name: 'Trang tính' }).getByRole('tab');
  const sheetTab = (name: string) =>
    sheetTabs().filter({ hasText: new RegExp(`^${escape(name)}$`) });
  const selectedSheetTab = () => sheetTabs().and(page().locator('[aria-selected=true]'));

  /**
   * A sheet as the sheet view shows it, brought to the front by its tab: row key (the text in column
   * `key`, first row wins) → column letter → displayed text. Merged cells are resolved; hidden
   * columns are absent.
   */
  async function readSheet(name: string, key = 'A'): Promise<Rows> {
    if ((await selectedSheetTab().textContent()) !== name) await sheetTab(name).click();
    const table = page().getByRole('table', { name, exact: true });
    const grid = await table.evaluate((el: HTMLTableElement) => {
      const letters = [...el.tHead!.rows[0]!.cells].slice(1).map((c) => c.textContent ?? '');
      const taken = new Map<number, Set<number>>();
      return [...el.tBodies[0]!.rows].map((tr, i) => {
        const row: Record<string, string> = {};
        let col = 0;
        for (const td of [...tr.cells].slice(1)) {
          while (taken.get(i)?.has(col)) col++;
          row[letters[col]!] = (td.textContent ?? '').trim();
          for (let dr = 0; dr < td.rowSpan; dr++) {
            if (!taken.has(i + dr)) taken.set(i + dr, new Set());
            for (let dc = 0; dc < td.colSpan; dc++) taken.get(i + dr)!.add(col + dc);
          }
          col += td.colSpan;
        }
        return row;
      });
    });
    const rows: Rows = {};
    for (const r of grid) if (r[key]) rows[r[key]!] ??= r;
    return rows;
  }

  /**
   * Waits until the sheet shows `expected` (row key → column → text) and asserts it: the view reads
   * the workbook again after each write, a moment later.
   */
  async function expectSheet(name: string, expected: Rows, key = 'A') {
    const pick = (rows: Rows): Rows =>
      Object.fromEntries(
        Object.entries(expected).map(([k, cols]) => [
          k,
          Object.fromEntries(Object.keys(cols).map((c) => [c, rows[k]?.[c]])),
        ]),
      ) as Rows;
    const seen = await settle(
      async () => pick(await readSheet(name, key)),
      (p) => JSON.stringify(p) === JSON.stringify(expected),
    );
    expect(seen).toEqual(expected);
  }

  /** The pane's notice (a Fluent MessageBar, role group) whose title matches. */
  const notice = (title: RegExp | string) =>
    pane().getByRole('group').filter({ hasText: title }).first();

  async function pickUnit(code: string, name: string) {
    const picker = pane().getByRole('combobox', { name: 'Đơn vị' });
    await picker.click();
    await page()
      .getByRole('option', { name: new RegExp(`^${escape(name)} \\(${code}\\)`) })
      .click();
    await expectText(picker, `${name} (${code})`);
  }

  const field = (code: string) => new RegExp(`^${escape(code)} `);

  /** Types a value into a criterion's spin button, as a user does: select, then type. */
  async function typeInto(code: string, text: string) {
    const input = pane().getByRole('spinbutton', { name: field(code) });
    await input.click();
    await input.press('Control+a');
    await input.pressSequentially(text);
  }

  /** Opens a part of the criteria tree (only the first is open at first). */
  async function openPart(code: string) {
    const header = pane().getByRole('button', { name: new RegExp(`^${escape(code)}\\. `) });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  }

  async function downloadsOf(click: () => Promise<void>, count: number): Promise<Download[]> {
    const got: Download[] = [];
    const on = (d: Download) => got.push(d);
    page().on('download', on);
    try {
      await click();
      await settle(
        async () => got.length,
        (n) => n >= count,
        60_000,
      );
    } finally {
      page().off('download', on);
    }
    return got;
  }

  return {
    pane,
    sheetTabs,
    sheetTab,
    selectedSheetTab,
    readSheet,
    expectSheet,
    notice,
    pickUnit,
    field,
    typeInto,
    openPart,
    downloadsOf,
  };
}
