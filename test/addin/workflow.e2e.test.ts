/**
 * The whole workflow of the task pane, end to end, in headless Chromium on the web app
 * (the `npm run web` configuration): starting from an empty workbook, set up the sample bloc
 * through «Thiết lập khối», fill one unit by keyboard (Chấm điểm), verify it (Thẩm định), rank,
 * look at the quota checks, export CSV, XLSX, the DOCX report and the minutes. After each step
 * the workbook is read back through the web app's sheet view (what a user sees in Excel), and a
 * screenshot is saved to out/screenshots/workflow-<n>-<step>.png to look at.
 *
 * The steps share one page and run in order; once one fails, the later ones stop at once.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { ROOT } from '../../bench/bundle';
import { SAMPLE_BLOC } from '../../src/sample';
import { withChromium } from './chromium';
import { expectText, paneDriver, settle } from './pane-driver';
import { startWebServer, type WebServer } from './web-server';

// The build of the web app comes first; the machine may be slow.
jest.setTimeout(300_000);

const SHOTS = path.join(ROOT, 'out', 'screenshots');
/** The unit filled and verified: its sheet is empty after the set-up. */
const UNIT = { code: 'STP', name: 'Sở Tư pháp' };

let server: WebServer;
let page: Page;
let closeBrowser: () => void = () => {};
let browserClosed: Promise<unknown> = Promise.resolve();
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startWebServer();
  await new Promise<void>((ready, fail) => {
    browserClosed = withChromium(async (context) => {
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
  await server?.stop();
});

// ---------------------------------------------------------------------------------------------
// Helpers

let broken: string | undefined;

/** One step of the workflow: skipped once an earlier one failed; a screenshot if it fails. */
function step(name: string, run: () => Promise<void>) {
  test(name, async () => {
    if (broken) throw new Error(`not run: the step «${broken}» failed`);
    try {
      await run();
      expect(pageErrors).toEqual([]);
    } catch (e) {
      broken = name;
      await shot(`${name.split(' ')[0]}-failed`).catch(() => {});
      throw e;
    }
  });
}

async function shot(name: string) {
  await page.screenshot({ path: path.join(SHOTS, `workflow-${name}.png`) });
}

const {
  pane,
  sheetTabs,
  sheetTab,
  selectedSheetTab,
  expectSheet,
  notice,
  pickUnit,
  field,
  typeInto,
  openPart,
  downloadsOf,
} = paneDriver(() => page);

async function bytesOf(d: Download): Promise<Buffer> {
  return readFileSync(await d.path());
}

/** The text of each paragraph of a .docx (runs joined). */
async function docxParagraphs(buffer: Buffer): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!).join(''))
    .map((t) => t.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'))
    .filter((t) => t !== '');
}

// ---------------------------------------------------------------------------------------------
// The workflow

const UNIT_SHEETS = SAMPLE_BLOC.units.map((u) => u.code);
const EVIDENCE_1_1 = 'Kế hoạch số 12/KH-STP ngày 15/01/2025';
const EVIDENCE_1_3_1 = 'Báo Tuyên Quang số 101, 102, 103';
const REASON_1_3_1 = 'Bài số 103 đăng năm 2024, không tính';
let submittedOn = '';

step('1 setup: an empty workbook, then the sample bloc through «Thiết lập khối»', async () => {
  await page.goto(server.url);
  await page.getByRole('status').filter({ hasText: 'Sổ tính trống' }).waitFor();
  const form = pane().getByRole('form', { name: 'Thiết lập khối mới' });
  await form.waitFor();
  expect(await sheetTabs().count()).toBe(0);
  // Without a configuration only the set-up tab can be used.
  await expect(pane().getByRole('tab', { name: 'Chấm điểm' }).isDisabled()).resolves.toBe(true);
  await shot('0-empty');

  await form.getByRole('radio', { name: /^Mẫu có sẵn/ }).check();
  await form.getByText(/Mẫu có sẵn: Khối Nội chính, 100 điểm: 63 dòng tiêu chí/).waitFor();
  await form.getByRole('button', { name: 'Dùng 9 đơn vị mẫu' }).click();
  await expect(form.getByRole('textbox', { name: /^Tên khối/ }).inputValue()).resolves.toBe(
    SAMPLE_BLOC.name,
  );
  await expect(form.getByRole('textbox', { name: 'Mã 6' }).inputValue()).resolves.toBe('STP');
  // The sample template is the 2025 one (its dates fall in 2025): the year must match it.
  const year = form.getByRole('textbox', { name: 'Năm' });
  await year.fill('');
  await year.pressSequentially('2025');
  await form.getByRole('button', { name: 'Xác nhận và tạo sổ tính' }).click();

  await notice('Đã tạo sổ tính thi đua').waitFor();
  await sheetTab('Cấu hình (ẩn)').waitFor();
  await expect(sheetTabs().allTextContents()).resolves.toEqual([
    'Cấu hình (ẩn)',
    ...UNIT_SHEETS,
    'Danh sách cá nhân',
  ]);
  await expectText(pane().getByRole('heading', { level: 1 }), SAMPLE_BLOC.name);
  await pane().getByText('Năm 2025 · Cả năm · 9 đơn vị').waitFor();
  // The unit sheets are the template's, empty: nothing typed in F (Tự chấm) yet.
  await expectSheet(UNIT.code, {
    'Đơn vị:': { B: UNIT.name, I: UNIT.code },
    'Trạng thái:': { B: 'Chưa nộp' },
    STT: { F: 'Tự chấm', G: 'Khối chấm', K: 'Minh chứng / giải trình' },
    '1.2': { C: '4,00', F: '', G: '' },
    '1.4': { C: '6,00', F: '', G: '' },
  });
  await page
    .getByRole('table', { name: UNIT.code })
    .getByText('BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2025', { exact: true })
    .waitFor();
  await shot('1-setup');
});

step('2 scoring: fill a unit by keyboard, watch the total, save, submit', async () => {
  await pane().getByRole('tab', { name: 'Chấm điểm' }).click();
  await pickUnit(UNIT.code, UNIT.name);
  await pane().getByText('Chưa nộp', { exact: true }).waitFor();
  const total = pane().getByTestId('self-total');
  await expectText(total, '0');

  // A dated choice (1.1 picks its level from the date) and its evidence.
  await pane()
    .getByRole('textbox', { name: field('1.1') })
    .fill('2025-01-15');
  await expectText(total, '4');
  await pane().getByRole('textbox', { name: 'Minh chứng mục 1.1' }).fill(EVIDENCE_1_1);
  // Base items, typed.
  await typeInto('1.2', '4');
  await expectText(total, '8');
  await typeInto('1.3', '6');
  await expectText(total, '14');
  // Counts of cases: a penalty (−0,5 each) and a capped bonus (+0,2 each) with its evidence.
  await typeInto('1.2.1', '1');
  await expectText(total, '13,5');
  await typeInto('1.3.1', '3');
  await expectText(total, '14,1');
  await pane()
    .getByRole('textbox', { name: 'Minh chứng mục 1.3.1' })
    .pressSequentially(EVIDENCE_1_3_1);
  // A choose-one item by keyboard: Space picks 1.4.a, the down arrow moves to 1.4.b (3 points).
  await pane()
    .getByRole('radio', { name: /^1\.4\.a / })
    .focus();
  await page.keyboard.press('Space');
  await expectText(total, '20,1');
  await page.keyboard.press('ArrowDown');
  await expect(
    pane()
      .getByRole('radio', { name: /^1\.4\.b / })
      .isChecked(),
  ).resolves.toBe(true);
  await expectText(total, '17,1');
  await pane().getByText('Có thay đổi chưa lưu').waitFor();

  // Submitting now is refused: the required items of parts II–IV are still empty.
  await pane().getByRole('button', { name: 'Nộp bảng chấm' }).click();
  const refused = notice(/^Chưa nộp được bảng chấm của Sở Tư pháp: còn 9 mục cần bổ sung/);
  await refused.waitFor();
  await refused.getByText('STP!F20 – Mục 2.1.1: chưa nhập.', { exact: false }).waitFor();

  // Save what there is: column F of the unit's sheet has the typed values, K the evidence.
  await pane().getByRole('button', { name: 'Lưu' }).click();
  await notice('Đã lưu bảng tự chấm của Sở Tư pháp.').waitFor();
  await expectSheet(UNIT.code, {
    'Trạng thái:': { B: 'Chưa nộp' },
    '1.1': { F: '15/01/2025', K: EVIDENCE_1_1 },
    '1.2': { F: '4,00' },
    '1.2.1': { F: '1' },
    '1.3': { F: '6,00' },
    '1.3.1': { F: '3', K: EVIDENCE_1_3_1 },
    '1.4': { F: '1.4.b' },
    '2.1.1': { F: '' },
  });

  // The rest of the required items, then submit.
  for (const part of ['II', 'III', 'IV']) await openPart(part);
  for (const [code, value] of [
    ['2.1.1', '10'],
    ['2.2.1', '8'],
    ['2.2.2', '7'],
    ['2.3.1', '15'],
    ['3.1', '10'],
    ['3.2', '10'],
    ['4.1', '5'],
    ['4.2', '5'],
  ] as const)
    await typeInto(code, value);
  await pane()
    .getByRole('textbox', { name: field('2.1.2') })
    .pressSequentially('98,5');
  await expectText(total, '97,1');
  await pane().getByRole('button', { name: 'Nộp bảng chấm' }).click();
  const done = notice(/^Đã nộp bảng chấm của Sở Tư pháp ngày \d\d\/\d\d\/\d{4}\./);
  await done.waitFor();
  submittedOn = /ngày (\d\d\/\d\d\/\d{4})/.exec((await done.textContent()) ?? '')![1]!;
  await pane().getByText('Đã nộp', { exact: true }).waitFor();

  await expectSheet(UNIT.code, {
    'Trạng thái:': { B: 'Đã nộp', H: 'Ngày nộp:', I: submittedOn },
    '1.1': { F: '15/01/2025', G: '' },
    '1.2': { F: '4,00', G: '' },
    '1.2.1': { F: '1', G: '' },
    '1.3.1': { F: '3', G: '' },
    '1.4': { F: '1.4.b', G: '' },
    '2.1.1': { F: '10,00' },
    '2.1.2': { F: '98,5' },
    '4.2': { F: '5,00' },
  });
  await shot('2-scoring');
});

step('3 verify: accept all, change one item with its reason, confirm', async () => {
  await pane().getByRole('tab', { name: 'Thẩm định' }).click();
  await pickUnit(UNIT.code, UNIT.name);
  await pane().getByText('Đã nộp', { exact: true }).waitFor();
  const final = pane().getByTestId('verified-total');
  await expectText(pane().getByTestId('self-total'), '97,1');

  await pane().getByRole('button', { name: 'Chấp nhận toàn bộ' }).click();
  await expectText(final, '97,1');
  // The bloc counts one article fewer: 2 cases, 0,2 points less.
  await typeInto('1.3.1', '2');
  await expectText(final, '96,9');
  const differences = pane().getByRole('region', { name: 'Chênh lệch (1)' });
  await differences.getByText(/^Mục 1\.3\.1: 3 → 2, chênh −0,2 điểm/).waitFor();

  // Without a reason the confirmation is refused, and the field says where the reason goes.
  await pane().getByRole('button', { name: 'Xác nhận đã thẩm định' }).click();
  await notice(/^Chưa xác nhận được: 1 mục cần sửa hoặc ghi lý do \(1\.3\.1\)/).waitFor();
  await pane().getByText('Khối chấm khác tự chấm: ghi lý do (ô STP!L13).').waitFor();
  await pane()
    .getByRole('textbox', { name: 'Lý do khối chấm mục 1.3.1' })
    .pressSequentially(REASON_1_3_1);
  await pane().getByRole('button', { name: 'Xác nhận đã thẩm định' }).click();
  await notice('Đã xác nhận thẩm định bảng chấm của Sở Tư pháp.').waitFor();
  await pane().getByText('Đã thẩm định', { exact: true }).waitFor();

  await expectSheet(UNIT.code, {
    'Trạng thái:': { B: 'Đã thẩm định', I: submittedOn },
    '1.1': { F: '15/01/2025', G: '15/01/2025', L: '' },
    '1.2': { F: '4,00', G: '4,00' },
    '1.2.1': { F: '1', G: '1' },
    '1.3': { F: '6,00', G: '6,00' },
    '1.3.1': { F: '3', G: '2', K: EVIDENCE_1_3_1, L: REASON_1_3_1 },
    '1.4': { F: '1.4.b', G: '1.4.b' },
    '2.1.2': { F: '98,5', G: '98,5' },
    '4.2': { F: '5,00', G: '5,00' },
  });
  await shot('3-verify');
});

step(
  '4 rank: the Xếp hạng sheet has the unit; its link brings its sheet to the front',
  async () => {
    await pane().getByRole('tab', { name: 'Xếp hạng' }).click();
    await pane().getByRole('button', { name: 'Xếp hạng', exact: true }).click();
    await notice('Đã xếp hạng 9 đơn vị').waitFor();
    await sheetTab('Xếp hạng').waitFor();
    await expect(sheetTabs().allTextContents()).resolves.toEqual([
      'Cấu hình (ẩn)',
      ...UNIT_SHEETS,
      'Danh sách cá nhân',
      'Xếp hạng',
      'Tỷ lệ khen thưởng',
      'Tổng hợp',
      'Cảnh báo',
    ]);
    // Self 97,1; verified 96,9 = 97 base earned + 0,4 bonus − 0,5 penalty; first of the bloc.
    await expectSheet(
      'Xếp hạng',
      {
        'Mã đơn vị': { A: 'Hạng', C: 'Đơn vị', D: 'Tự chấm', E: 'Khối chấm', I: 'Xếp loại' },
        STP: {
          A: '1',
          C: UNIT.name,
          D: '97,10',
          E: '96,90',
          F: '97,00',
          G: '0,40',
          H: '0,50',
          I: 'Xuất sắc',
        },
      },
      'B',
    );
    const result = pane().getByRole('table', { name: 'Kết quả xếp hạng' });
    await expect(result.getByRole('row').nth(1).textContent()).resolves.toMatch(
      /^1Sở Tư pháp96,9Xuất sắc/,
    );
    // The eight units still empty are ranked provisionally, and the pane says so for each.
    await pane().getByText('Cảnh báo (8)').waitFor();
    await pane()
      .getByText('Công an tỉnh (CAT) chưa nộp bảng chấm: hạng và xếp loại của đơn vị là tạm tính.')
      .waitFor();
    await expectSheet('Cảnh báo', { CAT: { A: 'Cảnh báo', B: 'Công an tỉnh', D: 'B3' } }, 'C');
    await shot('4-rank');

    await result.getByRole('button', { name: UNIT.name }).click();
    await settle(
      () => selectedSheetTab().textContent(),
      (t) => t === UNIT.code,
    );
    await expectText(selectedSheetTab(), UNIT.code);
    await page.getByRole('table', { name: UNIT.code }).waitFor();
  },
);

step('5 quota: the checks of the award quotas, each with its verdict', async () => {
  await pane().getByRole('tab', { name: 'Tỷ lệ khen thưởng' }).click();
  const list = pane().getByRole('list', { name: 'Các kiểm tra tỷ lệ khen thưởng' });
  // The checks are the list's own items (an opened check lists its details in a list of its own).
  const checks = list.locator(':scope > li');
  await checks.first().waitFor();
  const summary = await pane()
    .getByText(/^Bộ quy tắc: .+\. \d+ không đạt, \d+ đạt, \d+ không áp dụng\.$/)
    .textContent();
  const [fail, pass, na] = /(\d+) không đạt, (\d+) đạt, (\d+) không áp dụng/
    .exec(summary!)!
    .slice(1)
    .map(Number) as [number, number, number];
  const verdicts = list.getByText(/^(Đạt|Không đạt|Không áp dụng)$/);
  expect(await verdicts.count()).toBeGreaterThanOrEqual(1);
  expect(await verdicts.count()).toBe(fail + pass + na);
  expect(await list.getByText('Không đạt', { exact: true }).count()).toBe(fail);
  // Each check opens onto its limit and its source.
  await list.getByRole('button', { name: 'Chi tiết và nguồn' }).first().click();
  await list
    .getByText(/^Nguồn: /)
    .first()
    .waitFor();
  await shot('5-quota');

  // Failures only.
  await pane().getByRole('switch', { name: 'Chỉ hiện các kiểm tra không đạt' }).click();
  await settle(
    () => checks.count(),
    (n) => n === fail,
  );
  expect(await checks.count()).toBe(fail);
  expect(await list.getByText(/^(Đạt|Không áp dụng)$/).count()).toBe(0);
});

step(
  '6 export: CSV, XLSX, DOCX report and the minutes (ZIP) downloaded, the unit in each',
  async () => {
    await pane().getByRole('tab', { name: 'Xuất báo cáo' }).click();
    await pane()
      .getByRole('textbox', { name: /^Nơi ký/ })
      .pressSequentially('Tuyên Quang');

    const [csv] = await downloadsOf(
      () => pane().getByRole('button', { name: 'Tải CSV' }).click(),
      1,
    );
    expect(csv!.suggestedFilename()).toBe('xep-hang.csv');
    const csvBytes = await bytesOf(csv!);
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvText = csvBytes.toString('utf8');
    expect(csvText).toContain(UNIT.name);
    expect(csvText.split(/\r?\n/).find((l) => l.includes(UNIT.name))).toMatch(/STP/);
    await notice('Đã tạo 1 tệp').getByText('xep-hang.csv').waitFor();

    const [xlsx] = await downloadsOf(
      () => pane().getByRole('button', { name: 'Tải XLSX' }).click(),
      1,
    );
    expect(xlsx!.suggestedFilename()).toBe('xep-hang.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await bytesOf(xlsx!)) as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => cells.push(String(c.value ?? '')))));
    expect(cells).toContain(UNIT.name);
    expect(cells).toContain(UNIT.code);

    // The report, then the verification minutes of every unit in one ZIP: one file per click.
    const [docx] = await downloadsOf(
      () => pane().getByRole('button', { name: 'Tải DOCX' }).click(),
      1,
    );
    expect(docx!.suggestedFilename()).toBe('bao-cao-xep-hang.docx');
    const report = await docxParagraphs(await bytesOf(docx!));
    expect(report.some((p) => p.includes(UNIT.name))).toBe(true);
    expect(report.some((p) => /^Tuyên Quang, ngày \d\d tháng \d+ năm \d{4}$/.test(p))).toBe(true);

    const [zip] = await downloadsOf(
      () => pane().getByRole('button', { name: 'Tải biên bản thẩm định' }).click(),
      1,
    );
    expect(zip!.suggestedFilename()).toBe('bien-ban-tham-dinh.zip');
    const minutesZip = await JSZip.loadAsync(await bytesOf(zip!));
    expect(Object.keys(minutesZip.files).sort()).toEqual(
      UNIT_SHEETS.map((c) => `bien-ban-tham-dinh-${c}.docx`).sort(),
    );
    const minutes = await docxParagraphs(
      await minutesZip.file(`bien-ban-tham-dinh-${UNIT.code}.docx`)!.async('nodebuffer'),
    );
    expect(minutes.join('\n')).toContain(UNIT.name);
    expect(minutes.join('\n')).toContain(REASON_1_3_1);
    await shot('6-export');
  },
);
