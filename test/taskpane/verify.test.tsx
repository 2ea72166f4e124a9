/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import '../support/pane-globals';
import { act, screen, waitFor, within } from '@testing-library/react';
import { VerifyTab } from '../../src/taskpane/tabs/VerifyTab';
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

const total = (side: 'self' | 'verified') => screen.getByTestId(`${side}-total`).textContent;

/** BNC's sheet filled and submitted (the first unit in name order, shown by default). */
const SELF: Record<string, { self: number | string; evidence?: string }> = {
  '1.1': { self: '2025-01-10', evidence: 'Kế hoạch số 01/KH-BNC ngày 10/01/2025' },
  '1.2': { self: 4 },
  '1.2.1': { self: 1 },
  '1.3': { self: 6 },
  '1.4': { self: '1.4.a' },
  '2.1.1': { self: 10 },
  '2.1.2': { self: 98.5 },
  '2.2.1': { self: 8 },
  '2.2.2': { self: 7 },
  '2.3.1': { self: 15 },
  '3.1': { self: 10 },
  '3.2': { self: 10 },
  '4.1': { self: 5 },
  '4.2': { self: 5 },
};

async function submitted() {
  const h = await setUpSample();
  await h.session.saveUnit(h.first, {
    unitCode: 'BNC',
    entries: SELF,
    status: 'da-nop',
    submittedAt: '2025-12-10',
  });
  return { ...h, first: (await h.session.load())! };
}

const differencesPanel = () => screen.getByRole('region', { name: /^Chênh lệch/ });

test('accept all, change one item: a reason is required before confirming; G/L and the status read back', async () => {
  const h = await renderTab(VerifyTab, await submitted());
  expect(screen.getByText('Đã nộp', { selector: '.fui-Badge' })).toBeInTheDocument();
  expect(total('self')).toBe('99,5');
  // Nothing verified yet: the verified column equals the self column.
  expect(field(/^1\.3 /)).toHaveValue('');
  expect(total('verified')).toBe('99,5');

  await h.user.click(screen.getByRole('button', { name: 'Chấp nhận toàn bộ' }));
  expect(field(/^1\.3 /)).toHaveValue('6');
  expect(field(/^1\.2\.1 /)).toHaveValue('1');
  expect(screen.getByRole('radio', { name: /^1\.4\.a / })).toBeChecked();
  expect(within(differencesPanel()).getByText(/Không có mục nào/)).toBeInTheDocument();

  // Adjust 1.3 to 5: the difference is listed with its points, and the reason becomes required.
  const spin = field(/^1\.3 /);
  await h.user.clear(spin);
  await h.user.type(spin, '5');
  expect(total('verified')).toBe('98,5');
  expect(total('self')).toBe('99,5');
  expect(within(differencesPanel()).getByRole('heading')).toHaveTextContent('Chênh lệch (1)');
  expect(
    within(differencesPanel()).getByText(/^Mục 1\.3: 6 → 5, chênh −1 điểm;/),
  ).toHaveTextContent('chưa có giải trình');
  const reason = screen.getByRole('textbox', { name: /Lý do khối chấm mục 1\.3/ });
  expect(reason).toBeRequired();

  await h.user.click(screen.getByRole('button', { name: 'Xác nhận đã thẩm định' }));
  expect(
    screen.getByText('Chưa xác nhận được: 1 mục cần sửa hoặc ghi lý do (1.3).'),
  ).toBeInTheDocument();
  expect(
    screen.getByText('BNC!L12 – Mục 1.3: khối chấm (5) khác tự chấm (6) nhưng chưa ghi lý do.'),
  ).toBeInTheDocument();
  expect(h.notify).not.toHaveBeenCalled();
  expect((await h.session.load())!.submissions.find((s) => s.unitCode === 'BNC')?.status).toBe(
    'da-nop',
  );

  await paste(h.user, reason, 'Chưa tổ chức sơ kết đợt 1');
  expect(within(differencesPanel()).getByText(/^Mục 1\.3:/)).toHaveTextContent(
    'Mục 1.3: 6 → 5, chênh −1 điểm; lý do: Chưa tổ chức sơ kết đợt 1',
  );
  await h.user.click(screen.getByRole('button', { name: 'Xác nhận đã thẩm định' }));
  await waitFor(() =>
    expect(h.notify).toHaveBeenCalledWith(
      expect.objectContaining({
        intent: 'success',
        title: 'Đã xác nhận thẩm định bảng chấm của Ban Nội chính Tỉnh ủy.',
      }),
    ),
  );

  const state = (await h.session.load())!;
  expect(state.submissions.find((s) => s.unitCode === 'BNC')).toMatchObject({
    status: 'da-tham-dinh',
    submittedAt: '2025-12-10',
  });
  const entries = state.sheets.find((s) => s.unitCode === 'BNC')!.entries;
  expect(entries['1.3']).toEqual({ self: 6, verified: 5, reason: 'Chưa tổ chức sơ kết đợt 1' });
  expect(entries['1.2']).toEqual({ self: 4, verified: 4 });
  expect(entries['1.1']).toMatchObject({ self: '2025-01-10', verified: '2025-01-10' });
  expect(entries['1.4']).toEqual({ self: '1.4.a', verified: '1.4.a' });
  const row = rowOf(state, '1.3');
  expect(await cell(h.port, 'BNC', row, UNIT.col.verified)).toBe(5);
  expect(await cell(h.port, 'BNC', row, UNIT.col.note)).toBe('Chưa tổ chức sơ kết đợt 1');
  expect(await cell(h.port, 'BNC', row, UNIT.col.self)).toBe(6);
  expect(await cell(h.port, 'BNC', UNIT.statusRow, UNIT.statusCol)).toBe('Đã thẩm định');
  await waitFor(() =>
    expect(screen.getByText('Đã thẩm định', { selector: '.fui-Badge' })).toBeInTheDocument(),
  );
  expect(screen.queryByText('Có thay đổi chưa lưu')).not.toBeInTheDocument();
});

test('differences list per-case adjustments with their points, as the engine counts them', async () => {
  const h = await renderTab(VerifyTab, await submitted());
  // The bloc finds 3 unregistered sub-units where the unit counted 1: 1,5 off instead of 0,5.
  const cases = field(/^1\.2\.1 /);
  await h.user.type(cases, '3');
  expect(within(differencesPanel()).getByText(/^Mục 1\.2\.1:/)).toHaveTextContent(
    'Mục 1.2.1: 1 → 3, chênh −1 điểm; chưa có giải trình',
  );
  expect(screen.getByText('Khối chấm: −1,5 điểm (chênh −1)')).toBeInTheDocument();
  expect(screen.getByTestId('verified-penalty')).toHaveTextContent('1,5');
  expect(total('verified')).toBe('98,5');
  // A choice: 1.4.b instead of 1.4.a is 3 points less.
  await h.user.click(screen.getByRole('radio', { name: /^1\.4\.b / }));
  expect(within(differencesPanel()).getByText(/^Mục 1\.4:/)).toHaveTextContent(
    'Mục 1.4: 1.4.a → 1.4.b, chênh −3 điểm',
  );
  expect(total('verified')).toBe('95,5');
  // Clearing the verified value makes it "same as self" again.
  await h.user.clear(cases);
  expect(within(differencesPanel()).queryByText(/^Mục 1\.2\.1:/)).not.toBeInTheDocument();
});

test('per-item Chấp nhận copies the self value; a verified value above the base is refused', async () => {
  const h = await renderTab(VerifyTab, await submitted());
  await h.user.click(screen.getByRole('button', { name: 'Chấp nhận mục 1.2' }));
  expect(field(/^1\.2 /)).toHaveValue('4');
  const spin = field(/^1\.3 /);
  await h.user.type(spin, '6,5');
  expect(
    screen.getByText(
      'Mục 1.3: 6,5 điểm vượt điểm chuẩn 6, chỉ được tính 6. Quy tắc: nhập điểm đạt từ 0 đến 6.',
    ),
  ).toBeInTheDocument();
  await h.user.click(screen.getByRole('button', { name: 'Lưu' }));
  expect(screen.getByText(/BNC!G12 – Mục 1\.3: 6,5 điểm vượt điểm chuẩn 6/)).toBeInTheDocument();
  expect(await cell(h.port, 'BNC', rowOf(h.first, '1.2'), UNIT.col.verified)).toBeNull();
  // Keyboard: Home/End jump to the rule's bounds.
  act(() => spin.focus());
  await h.user.keyboard('{End}');
  expect(spin).toHaveValue('6');
  await h.user.click(screen.getByRole('button', { name: 'Lưu' }));
  await waitFor(() => expect(h.notify).toHaveBeenCalled());
  const state = (await h.session.load())!;
  const entries = state.sheets.find((s) => s.unitCode === 'BNC')!.entries;
  expect(entries['1.2']).toEqual({ self: 4, verified: 4 });
  expect(entries['1.3']).toEqual({ self: 6, verified: 6 });
  // Lưu keeps the status.
  expect(state.submissions.find((s) => s.unitCode === 'BNC')?.status).toBe('da-nop');
});

test('another unit: its status badge, a yes/no knock-out verified as có', async () => {
  const h = await renderTab(VerifyTab, await submitted());
  await pickUnit(h.user, 'Công an tỉnh');
  expect(screen.getByText('Chưa nộp', { selector: '.fui-Badge' })).toBeInTheDocument();
  expect(screen.getByText(/Đơn vị chưa nộp bảng chấm/)).toBeInTheDocument();
  await openPart(h.user, 'KXL');
  const knockout = screen.getByRole('radiogroup', { name: /^KXL\.1 / });
  await h.user.click(within(knockout).getByRole('radio', { name: 'Có' }));
  expect(screen.getByText('Không xếp loại')).toBeInTheDocument();
  expect(within(differencesPanel()).getByText(/^Mục KXL\.1:/)).toHaveTextContent(
    'Mục KXL.1: (trống) → có, chênh 0 điểm; chưa có giải trình',
  );
  await paste(
    h.user,
    screen.getByRole('textbox', { name: /Lý do khối chấm mục KXL\.1/ }),
    'Không gửi báo cáo giải trình',
  );
  await h.user.click(screen.getByRole('button', { name: 'Xác nhận đã thẩm định' }));
  await waitFor(() => expect(h.notify).toHaveBeenCalled());
  const state = (await h.session.load())!;
  expect(state.sheets.find((s) => s.unitCode === 'CAT')!.entries['KXL.1']).toEqual({
    verified: true,
    reason: 'Không gửi báo cáo giải trình',
  });
  expect(state.submissions.find((s) => s.unitCode === 'CAT')?.status).toBe('da-tham-dinh');
  expect(await cell(h.port, 'CAT', rowOf(state, 'KXL.1'), UNIT.col.verified)).toBe('có');
});
