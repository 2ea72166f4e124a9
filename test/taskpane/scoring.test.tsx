/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import '../support/pane-globals';
import { act, screen, waitFor, within } from '@testing-library/react';
import { todayIso } from '../../src/taskpane/scoring/model';
import { ScoringTab } from '../../src/taskpane/tabs/ScoringTab';
import {
  cell,
  field,
  openPart,
  paste,
  pickUnit,
  reflectAriaRole,
  renderTab,
  rowOf,
  setUpSample,
} from '../support/pane';
import { UNIT } from '../../src/workbook/unit-sheet';

reflectAriaRole();

// Generous: jsdom lays out nothing but computes styles, and the machine may be busy.
jest.setTimeout(120_000);

const total = () => screen.getByTestId('self-total').textContent;

test('a points SpinButton refuses a value above the base with the rule message', async () => {
  const h = await renderTab(ScoringTab);
  await pickUnit(h.user, 'Công an tỉnh');
  const spin = field(/^1\.3 /);
  await h.user.type(spin, '7');
  expect(
    screen.getByText(
      'Mục 1.3: 7 điểm vượt điểm chuẩn 6, chỉ được tính 6. Quy tắc: nhập điểm đạt từ 0 đến 6.',
    ),
  ).toBeInTheDocument();
  expect(spin).toHaveAttribute('aria-invalid', 'true');
  // Saving refuses too, naming the sheet and the cell; nothing is written.
  await h.user.click(screen.getByRole('button', { name: 'Lưu' }));
  const bar = screen.getByText(/Chưa lưu: 1 ô có giá trị không hợp lệ/).closest('[role]')!;
  expect(within(bar as HTMLElement).getByText(/CAT!F12 – Mục 1\.3: 7 điểm/)).toBeInTheDocument();
  expect(await cell(h.port, 'CAT', rowOf(h.first, '1.3'), UNIT.col.self)).toBeNull();
  // A decimal comma is accepted.
  await h.user.clear(spin);
  await h.user.type(spin, '5,5');
  expect(spin).not.toHaveAttribute('aria-invalid', 'true');
  expect(spin).toHaveValue('5,5');
  expect(total()).toBe('5,5');
});

test('a per-case count shows its computed points and the running total follows the typing', async () => {
  const h = await renderTab(ScoringTab);
  await h.user.type(field(/^1\.2 /), '4');
  expect(total()).toBe('4');
  const cases = field(/^1\.2\.1 /);
  await h.user.type(cases, '3');
  // 3 × 0,5: shown beside the count, and taken off the total at once (before any blur).
  expect(
    within(cases.closest('[class*="fui-Field"]') as HTMLElement).getByText('= −1,5 điểm'),
  ).toBeInTheDocument();
  expect(screen.getByTestId('self-penalty')).toHaveTextContent('1,5');
  expect(total()).toBe('2,5');
  // 6 cases = 3 points, but mục 1.2 caps its penalties at 2: the total says so and the finding too.
  await h.user.clear(cases);
  await h.user.type(cases, '6');
  expect(total()).toBe('2');
  await h.user.click(screen.getByRole('button', { name: /^Cảnh báo \(/ }));
  expect(screen.getByText(/mục 1\.2: điểm trừ 3 vượt trần; tính 2/)).toBeInTheDocument();
  // Not a whole number of cases: the rule message names the item.
  await h.user.clear(cases);
  await h.user.type(cases, '1,5');
  expect(
    screen.getByText(
      'Mục 1.2.1: số trường hợp 1,5 không phải số nguyên. Quy tắc: nhập số trường hợp (số nguyên ≥ 0).',
    ),
  ).toBeInTheDocument();
});

test('a choose-one radio changes the total', async () => {
  const h = await renderTab(ScoringTab);
  const group = screen.getByRole('radiogroup', { name: /^1\.4 / });
  await h.user.click(within(group).getByRole('radio', { name: /^1\.4\.a .*— 6 điểm$/ }));
  expect(total()).toBe('6');
  await h.user.click(within(group).getByRole('radio', { name: /^1\.4\.b .*— 3 điểm$/ }));
  expect(total()).toBe('3');
  // The penalty alternative: 0 points and 2 off.
  await h.user.click(within(group).getByRole('radio', { name: /^1\.4\.c .*— trừ 2 điểm$/ }));
  expect(total()).toBe('-2');
  expect(screen.getByTestId('self-penalty')).toHaveTextContent('2');
  // Keyboard: arrows move the choice inside the group.
  await h.user.keyboard('{ArrowUp}');
  expect(within(group).getByRole('radio', { name: /^1\.4\.b / })).toBeChecked();
  expect(total()).toBe('3');
});

/** Everything but 1.4 and 4.2 filled in BNC's sheet (the first unit in name order). */
async function nearlyComplete() {
  const h = await setUpSample();
  await h.session.saveUnit(h.first, {
    unitCode: 'BNC',
    entries: {
      '1.1': { self: '2025-01-10', evidence: 'Kế hoạch số 01/KH-BNC ngày 10/01/2025' },
      '1.2': { self: 4 },
      '1.3': { self: 6 },
      '2.1.1': { self: 10 },
      '2.1.2': { self: 98.5 },
      '2.2.1': { self: 8 },
      '2.2.2': { self: 7 },
      '2.3.1': { self: 15 },
      '3.1': { self: 10 },
      '3.2': { self: 10 },
      '4.1': { self: 5 },
    },
  });
  return { ...h, first: (await h.session.load())! };
}

test('submit refuses while items are missing, listing their codes', async () => {
  const h = await renderTab(ScoringTab);
  await h.user.click(screen.getByRole('button', { name: 'Nộp bảng chấm' }));
  const title = screen.getByText(/^Chưa nộp được bảng chấm của Ban Nội chính Tỉnh ủy: còn 13 mục/);
  expect(title).toHaveTextContent(
    '(1.1, 1.2, 1.3, 1.4, 2.1.1, 2.1.2, 2.2.1, 2.2.2, 2.3.1, 3.1, 3.2, 4.1, 4.2)',
  );
  // Each line names the sheet, the cell and the rule.
  expect(
    screen.getByText('BNC!F10 – Mục 1.2: chưa nhập. Quy tắc: nhập điểm đạt từ 0 đến 4.'),
  ).toBeInTheDocument();
  // Bonus-only rows (5.1, 5.2) and counts may stay blank.
  expect(title.textContent).not.toMatch(/5\.1|1\.2\.1/);
  expect(h.notify).not.toHaveBeenCalled();
  const { submissions } = (await h.session.load())!;
  expect(submissions.find((s) => s.unitCode === 'BNC')?.status).toBe('chua-nop');
});

test('submit succeeds when complete, writing F/K, Đã nộp and today’s date', async () => {
  const h = await renderTab(ScoringTab, await nearlyComplete());
  expect(total()).toBe('89');
  await h.user.click(screen.getByRole('button', { name: 'Nộp bảng chấm' }));
  expect(screen.getByText(/còn 2 mục cần bổ sung \(1\.4, 4\.2\)/)).toBeInTheDocument();

  await h.user.click(screen.getByRole('radio', { name: /^1\.4\.a / }));
  await openPart(h.user, 'IV');
  await h.user.type(field(/^4\.2 /), '4,5');
  const late = field(/^4\.2\.1 /);
  await h.user.type(late, '1');
  await h.user.type(screen.getByRole('textbox', { name: 'Minh chứng mục 4.2' }), 'Công văn 15/BNC');
  expect(total()).toBe('99');
  await h.user.click(screen.getByRole('button', { name: 'Nộp bảng chấm' }));
  await waitFor(() => expect(h.notify).toHaveBeenCalled());
  expect(h.notify.mock.calls[0]![0]).toMatchObject({
    intent: 'success',
    title: expect.stringMatching(
      /^Đã nộp bảng chấm của Ban Nội chính Tỉnh ủy ngày \d\d\/\d\d\/\d{4}\.$/,
    ),
  });
  expect(screen.queryByText(/Chưa nộp được/)).not.toBeInTheDocument();

  const state = (await h.session.load())!;
  expect(state.submissions.find((s) => s.unitCode === 'BNC')).toMatchObject({
    status: 'da-nop',
    submittedAt: todayIso(),
  });
  const entries = state.sheets.find((s) => s.unitCode === 'BNC')!.entries;
  expect(entries['1.4']).toEqual({ self: '1.4.a' });
  expect(entries['4.2']).toEqual({ self: 4.5, evidence: 'Công văn 15/BNC' });
  expect(entries['4.2.1']).toEqual({ self: 1 });
  expect(entries['1.3']).toEqual({ self: 6 });
  // The cells themselves: F (Tự chấm), K (Minh chứng), B3 (Trạng thái); G and L untouched.
  const row42 = rowOf(state, '4.2');
  expect(await cell(h.port, 'BNC', row42, UNIT.col.self)).toBe(4.5);
  expect(await cell(h.port, 'BNC', row42, UNIT.col.evidence)).toBe('Công văn 15/BNC');
  expect(await cell(h.port, 'BNC', row42, UNIT.col.verified)).toBeNull();
  expect(await cell(h.port, 'BNC', UNIT.statusRow, UNIT.statusCol)).toBe('Đã nộp');
  // The tab shows the reloaded status.
  await waitFor(() => expect(screen.getAllByText('Đã nộp').length).toBeGreaterThan(0));
});

test('evidence required: submit is refused until it is filled', async () => {
  const h = await renderTab(ScoringTab, await nearlyComplete());
  await h.user.click(screen.getByRole('radio', { name: /^1\.4\.a / }));
  await h.user.type(field(/^1\.3\.1 /), '2');
  expect(
    within(screen.getByText('= +0,4 điểm').parentElement!).getByText('trường hợp'),
  ).toBeInTheDocument();
  const evidence = screen.getByRole('textbox', { name: /Minh chứng mục 1\.3\.1/ });
  expect(evidence).toBeRequired();
  expect(
    screen.getByText('Mục 1.3.1 có điểm nên phải ghi tài liệu kiểm chứng (ô BNC!K13).'),
  ).toBeInTheDocument();
  await openPart(h.user, 'IV');
  await h.user.type(field(/^4\.2 /), '5');
  await h.user.click(screen.getByRole('button', { name: 'Nộp bảng chấm' }));
  expect(screen.getByText(/còn 1 mục cần bổ sung \(1\.3\.1\)/)).toBeInTheDocument();
  expect(
    screen.getByText(
      'BNC!K13 – Mục 1.3.1: có điểm nhưng chưa ghi tài liệu kiểm chứng (minh chứng).',
    ),
  ).toBeInTheDocument();
  expect(h.notify).not.toHaveBeenCalled();

  await paste(h.user, evidence, 'Báo Tuyên Quang số 1234, 1235');
  await h.user.click(screen.getByRole('button', { name: 'Nộp bảng chấm' }));
  await waitFor(() =>
    expect(h.notify).toHaveBeenCalledWith(expect.objectContaining({ intent: 'success' })),
  );
  const state = (await h.session.load())!;
  expect(state.sheets.find((s) => s.unitCode === 'BNC')!.entries['1.3.1']).toEqual({
    self: 2,
    evidence: 'Báo Tuyên Quang số 1234, 1235',
  });
  expect(state.submissions.find((s) => s.unitCode === 'BNC')?.status).toBe('da-nop');
});

test('keyboard only: pick the unit, open a part, fill an item, save', async () => {
  // (Tab order itself is left to the browser: Fluent's focus manager, Tabster, cannot move focus
  // in jsdom, which lays nothing out. Each step here focuses a control and drives it by keys.)
  const h = await renderTab(ScoringTab);
  const picker = screen.getByRole('combobox', { name: /Đơn vị/ });
  act(() => picker.focus());
  // Units in Vietnamese order: Ban Nội chính…, Bộ Chỉ huy Bộ đội…, Bộ Chỉ huy Quân sự…, Công an tỉnh.
  await h.user.keyboard('{Enter}');
  expect(screen.getByRole('listbox')).toBeInTheDocument();
  await h.user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{Enter}');
  expect(picker).toHaveTextContent('Công an tỉnh (CAT)');
  // Part III is closed: its header opens it with Enter.
  expect(screen.queryByRole('spinbutton', { name: /^3\.1 / })).not.toBeInTheDocument();
  const header = screen.getByRole('button', { name: /^III\. / });
  act(() => header.focus());
  await h.user.keyboard('{Enter}');
  expect(header).toHaveAttribute('aria-expanded', 'true');
  const spin = field(/^3\.1 /);
  expect(spin.tabIndex).toBe(0);
  act(() => spin.focus());
  await h.user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}');
  expect(spin).toHaveValue('1,5');
  await h.user.keyboard('{End}');
  expect(spin).toHaveValue('10');
  expect(total()).toBe('10');
  await h.user.keyboard('{Home}');
  expect(total()).toBe('0');
  await h.user.keyboard('{End}');
  const save = screen.getByRole('button', { name: 'Lưu' });
  act(() => save.focus());
  await h.user.keyboard('{Enter}');
  await waitFor(() =>
    expect(h.notify).toHaveBeenCalledWith(
      expect.objectContaining({
        intent: 'success',
        title: 'Đã lưu bảng tự chấm của Công an tỉnh.',
      }),
    ),
  );
  const state = (await h.session.load())!;
  expect(state.sheets.find((s) => s.unitCode === 'CAT')!.entries['3.1']).toEqual({ self: 10 });
  expect(state.submissions.find((s) => s.unitCode === 'CAT')?.status).toBe('chua-nop');
});

test("a knock-out answered có shows Không xếp loại from the engine's self side", async () => {
  const h = await renderTab(ScoringTab);
  await pickUnit(h.user, 'Công an tỉnh');
  await openPart(h.user, 'KXL');
  const knockout = screen.getByRole('radiogroup', { name: /^KXL\.1 / });
  expect(screen.queryByText('Không xếp loại')).not.toBeInTheDocument();
  await h.user.click(within(knockout).getByRole('radio', { name: 'Có' }));
  expect(screen.getByText('Không xếp loại')).toBeInTheDocument();
  await h.user.click(within(knockout).getByRole('radio', { name: 'Không' }));
  expect(screen.queryByText('Không xếp loại')).not.toBeInTheDocument();
});
