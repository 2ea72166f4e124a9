/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// ExcelJS (the in-memory workbook behind the session) needs Node's module entry points, hence the
// export conditions above, and globals jsdom lacks: set by the first import, before the others.
import '../support/pane-globals';
import '../support/stub-unit-forms';
import { render, screen, waitFor, within } from '@testing-library/react';
import { createSession, type Session } from '../../src/app/session';
import { XlsxWorkbook } from '../../src/io/xlsx/xlsx-workbook';
import { SAMPLE_BLOC, SAMPLE_TEMPLATE } from '../../src/sample';
import { App } from '../../src/taskpane/App';
import { criteriaToCsv, unitsToCsv } from '../../src/workbook/csv';
import { fakeHost, quickUser, sampleWorkbook, skipStyleChecks } from '../support/pane';
import { toTcvn3 } from '../support/legacy-vietnamese';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Each test builds a workbook with ExcelJS and renders the whole pane.
jest.setTimeout(60_000);
// Nothing here is hidden by CSS.
skipStyleChecks();

const host = fakeHost();

async function renderEmpty() {
  const workbook = XlsxWorkbook.empty();
  const session = createSession(workbook, host);
  const user = quickUser();
  render(<App session={session} />);
  await screen.findByRole('form', { name: 'Thiết lập khối mới' });
  return { workbook, session, user };
}

async function sheetNames(workbook: XlsxWorkbook) {
  return (await workbook.read([])).sheetNames;
}

/** The MessageBar showing this title (the notice area). */
async function noticeWith(title: string): Promise<HTMLElement> {
  const el = await screen.findByText(title);
  return el.closest('.fui-MessageBar') as HTMLElement;
}

/** The table row whose code cell (first cell) is `code`. */
function rowOf(table: HTMLElement, code: string): HTMLElement {
  const cell = within(table)
    .getAllByText(code)
    .find((el) => el.closest('td')?.cellIndex === 0);
  if (!cell) throw new Error(`no row ${code}`);
  return cell.closest('tr')!;
}

const tsv = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\r\n');

/** Cells as Excel copies them from a real-looking sheet. */
const PASTED = tsv([
  ['BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2025', '', '', '', '', ''],
  ['STT', 'Nội dung tiêu chí', 'Điểm chuẩn', 'Thưởng', 'Trừ', 'Ghi chú'],
  ['I', 'Công tác chỉ đạo', '40', '', '', ''],
  ['1', 'Ban hành kế hoạch phát động thi đua', '10', '', '', ''],
  ['2', 'Tổ chức ký kết giao ước thi đua', '30', '', '', ''],
  ['2.1', 'Mỗi bài viết về điển hình tiên tiến', '', '0,2', '', 'tối đa 1 điểm'],
  ['II', 'Thực hiện nhiệm vụ chuyên môn', '60', '', '', ''],
  ['a', 'Công tác tham mưu', '60', '', '', ''],
  ['a1', 'Tham mưu ban hành văn bản đúng hạn', '60', '', '', ''],
  ['a1.1', 'Văn bản ban hành chậm', '', '', '0,5', 'Mỗi trường hợp'],
  ['', 'Tổng điểm trừ của mục a1 không quá 1,5 điểm', '', '', '', ''],
]);

describe('Thiết lập khối: a new workbook', () => {
  it('creates the sheets from the built-in template and the sample units', async () => {
    const { workbook, session, user } = await renderEmpty();
    await user.click(screen.getByRole('radio', { name: /Mẫu có sẵn/ }));
    const preview = screen.getByRole('table', { name: 'Bảng tiêu chí sẽ được tạo' });
    const row12 = rowOf(preview, '1.2');
    expect(within(row12).getByText('trừ ≤ 2')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Dùng 9 đơn vị mẫu' }));
    expect(screen.getByLabelText('Tên khối/cụm thi đua', { exact: false })).toHaveValue(
      'Khối Nội chính tỉnh Tuyên Quang',
    );
    expect(screen.getByLabelText('Mã 9')).toHaveValue('BNC');
    expect(await sheetNames(workbook)).toEqual([]); // nothing before the confirmation
    await user.click(screen.getByRole('button', { name: 'Xác nhận và tạo sổ tính' }));
    expect(await screen.findByText('Đã tạo sổ tính thi đua')).toBeInTheDocument();
    const state = await session.load();
    expect(state?.bloc.name).toBe('Khối Nội chính tỉnh Tuyên Quang');
    expect(state?.bloc.units.map((u) => u.code)).toEqual(SAMPLE_BLOC.units.map((u) => u.code));
    expect(state?.bloc.template.criteria).toHaveLength(SAMPLE_TEMPLATE.criteria.length);
    expect(await sheetNames(workbook)).toEqual(expect.arrayContaining(['Cấu hình', 'CAT', 'BNC']));
    // The pane now shows the configured bloc and opens its other tabs.
    expect(
      screen.getByRole('heading', { name: 'Khối Nội chính tỉnh Tuyên Quang' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Xếp hạng' })).not.toBeDisabled();
  });

  it('refuses an incomplete form in Vietnamese and writes nothing', async () => {
    const { workbook, user } = await renderEmpty();
    await user.click(screen.getByRole('button', { name: 'Xác nhận và tạo sổ tính' }));
    const bar = await noticeWith('Dữ liệu không hợp lệ, chưa ghi gì');
    expect(
      within(bar).getByText('Thiết lập khối, ô Tên khối: hãy nhập tên khối/cụm thi đua.'),
    ).toBeInTheDocument();
    expect(
      within(bar).getByText(/^Thiết lập khối, mục Bảng chấm điểm: chưa có bảng/),
    ).toBeInTheDocument();
    expect(
      within(bar).getByText(/^Danh sách đơn vị, danh sách: chưa có đơn vị nào/),
    ).toBeInTheDocument();
    // The field itself says it too.
    expect(screen.getByText('hãy nhập tên khối/cụm thi đua.')).toHaveAttribute('role', 'alert');
    await user.clear(screen.getByLabelText('Năm', { exact: false }));
    await user.type(screen.getByLabelText('Năm', { exact: false }), '25');
    await user.click(screen.getByRole('button', { name: 'Xác nhận và tạo sổ tính' }));
    expect(
      await within(await noticeWith('Dữ liệu không hợp lệ, chưa ghi gì')).findByText(
        /ô Năm: năm "25" không hợp lệ/,
      ),
    ).toBeInTheDocument();
    expect(await sheetNames(workbook)).toEqual([]);
  });

  it('refuses duplicate units, bad sheet names and two bloc leaders', async () => {
    const { workbook, user } = await renderEmpty();
    await user.type(screen.getByLabelText('Tên khối/cụm thi đua', { exact: false }), 'Khối A');
    await user.click(screen.getByRole('radio', { name: /Mẫu có sẵn/ }));
    for (let i = 0; i < 3; i++)
      await user.click(screen.getByRole('button', { name: 'Thêm đơn vị' }));
    const fill = async (n: number, code: string, name: string, role: string) => {
      await user.type(screen.getByLabelText(`Mã ${n}`), code);
      await user.type(screen.getByLabelText(`Tên đơn vị ${n}`), name);
      await user.selectOptions(screen.getByLabelText(`Vai trò ${n}`), role);
    };
    await fill(1, 'CAT', 'Công an tỉnh', 'Trưởng khối');
    await fill(2, 'cat', 'Công an tỉnh', 'Trưởng khối');
    await fill(3, 'A/B', 'Sở Tư pháp', 'Thành viên');
    await user.click(screen.getByRole('button', { name: 'Xác nhận và tạo sổ tính' }));
    const bar = await noticeWith('Dữ liệu không hợp lệ, chưa ghi gì');
    expect(
      within(bar).getByText(
        'Danh sách đơn vị, đơn vị thứ 2: mã đơn vị "cat" trùng với đơn vị thứ 1 (tên trang tính không phân biệt hoa thường).',
      ),
    ).toBeInTheDocument();
    expect(
      within(bar).getByText(
        'Danh sách đơn vị, đơn vị thứ 2: tên đơn vị "Công an tỉnh" trùng với đơn vị thứ 1.',
      ),
    ).toBeInTheDocument();
    expect(within(bar).getByText(/đơn vị thứ 2: khối chỉ có một Trưởng khối/)).toBeInTheDocument();
    expect(
      within(bar).getByText(/đơn vị thứ 3: mã đơn vị "A\/B" không dùng được làm tên trang tính/),
    ).toBeInTheDocument();
    // Each field shows its own error.
    expect(screen.getByLabelText('Mã 2')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Mã 1')).not.toHaveAttribute('aria-invalid', 'true');
    expect(await sheetNames(workbook)).toEqual([]);
    // Fixing the list lets the workbook be created.
    await user.clear(screen.getByLabelText('Mã 2'));
    await user.type(screen.getByLabelText('Mã 2'), 'VKS');
    await user.clear(screen.getByLabelText('Tên đơn vị 2'));
    await user.type(screen.getByLabelText('Tên đơn vị 2'), 'Viện Kiểm sát nhân dân tỉnh');
    await user.selectOptions(screen.getByLabelText('Vai trò 2'), 'Phó trưởng khối');
    await user.click(screen.getByRole('button', { name: 'Xóa đơn vị 3 (A/B)' }));
    await user.click(screen.getByRole('button', { name: 'Xác nhận và tạo sổ tính' }));
    expect(await screen.findByText('Đã tạo sổ tính thi đua')).toBeInTheDocument();
    expect(await sheetNames(workbook)).toEqual(expect.arrayContaining(['CAT', 'VKS']));
  });

  it('reads a pasted table, shows what it understood, then creates the workbook', async () => {
    const { session, user } = await renderEmpty();
    await user.click(screen.getByRole('radio', { name: /Dán bảng chấm điểm/ }));
    await user.click(screen.getByRole('textbox', { name: 'Bảng chấm điểm đã sao chép' }));
    await user.paste(PASTED);
    await user.click(screen.getByRole('button', { name: 'Đọc bảng' }));
    const preview = screen.getByRole('table', { name: 'Bảng tiêu chí sẽ được tạo' });
    expect(screen.getByText('BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2025')).toBeInTheDocument();
    const a1 = rowOf(preview, 'a1');
    expect(within(a1).getByText('Chuẩn')).toBeInTheDocument();
    expect(within(a1).getByText('trừ ≤ 1,5')).toBeInTheDocument();
    expect(
      within(a1).getByText(
        'trần điểm trừ 1,5 (dòng 11 "Tổng điểm trừ của mục a1 không quá 1,5 điểm")',
      ),
    ).toBeInTheDocument();
    const bonus = rowOf(preview, '2.1');
    expect(within(bonus).getByText('+0,2/lần')).toBeInTheDocument();
    expect(within(bonus).getByText('cộng ≤ 1')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Dùng 9 đơn vị mẫu' }));
    await user.click(screen.getByRole('button', { name: 'Xác nhận và tạo sổ tính' }));
    expect(await screen.findByText('Đã tạo sổ tính thi đua')).toBeInTheDocument();
    const state = await session.load();
    const written = new Map(state!.bloc.template.criteria.map((c) => [c.code, c]));
    expect(written.get('a1')).toMatchObject({ kind: 'base', base: 60, caps: { penalty: 1.5 } });
    expect(written.get('a1.1')).toMatchObject({ kind: 'penalty', rate: 0.5, parent: 'a1' });
    expect(written.get('2.1')).toMatchObject({ kind: 'bonus', rate: 0.2, caps: { bonus: 1 } });
  });

  it('reads a table pasted out of a .VnTime document in Unicode, and says so', async () => {
    const { user } = await renderEmpty();
    await user.click(screen.getByRole('radio', { name: /Dán bảng chấm điểm/ }));
    await user.click(screen.getByRole('textbox', { name: 'Bảng chấm điểm đã sao chép' }));
    await user.paste(toTcvn3(PASTED));
    await user.click(screen.getByRole('button', { name: 'Đọc bảng' }));
    expect(screen.getByText('BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2025')).toBeInTheDocument();
    const read = await noticeWith('Đã đọc bảng dán');
    expect(
      within(read).getByText(
        'Bảng dán: chữ theo bảng mã TCVN3 (phông .VnTime), đã chuyển sang Unicode.',
      ),
    ).toBeInTheDocument();
  });

  it('shows tiers and alternatives as choices, with the bands and what it guessed', async () => {
    const { session, user } = await renderEmpty();
    await user.click(screen.getByRole('radio', { name: /Dán bảng chấm điểm/ }));
    await user.click(screen.getByRole('textbox', { name: 'Bảng chấm điểm đã sao chép' }));
    await user.paste(
      tsv([
        ['BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2025', '', '', ''],
        ['STT', 'Nội dung', 'Điểm chuẩn', 'Ghi chú'],
        [
          '1',
          'Tỷ lệ hồ sơ giải quyết đúng hạn',
          '5',
          'Đạt trên 98%: 5 điểm; từ 97% đến dưới 98%: 4 điểm; dưới 97%: 0 điểm',
        ],
        [
          '2',
          'Gửi báo cáo giải trình',
          '2',
          'Có báo cáo: 2 điểm / Không có công văn: 0 điểm và trừ 2 điểm',
        ],
        ['3', 'Ban hành kế hoạch: trong tháng 01: 4 điểm; sau ngày 31/01: trừ 1 điểm', '4', ''],
        ['', 'Tổng cộng', '11', ''],
      ]),
    );
    await user.click(screen.getByRole('button', { name: 'Đọc bảng' }));
    const preview = screen.getByRole('table', { name: 'Bảng tiêu chí sẽ được tạo' });
    expect(within(rowOf(preview, '1')).getByText('Chọn')).toBeInTheDocument();
    const top = rowOf(preview, '1.m1');
    expect(within(top).getByText('≥ 98')).toBeInTheDocument();
    expect(
      within(top).getByText(
        'Chưa chắc: "Đạt trên 98%": mốc 98 được tính vào mức này (từ 98 trở lên)',
      ),
    ).toBeInTheDocument();
    expect(within(rowOf(preview, '1.m2')).getByText('97–<98')).toBeInTheDocument();
    // A penalty alternative counts once: no "/lần".
    expect(within(rowOf(preview, '2.m2')).getByText('−2')).toBeInTheDocument();
    expect(screen.getByText(/Mục 1.m1: "Đạt trên 98%"/)).toBeInTheDocument();
    // A date band reads as Vietnamese write dates.
    expect(within(rowOf(preview, '3.m2')).getByText('≥ 01/02/2025')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Dùng 9 đơn vị mẫu' }));
    await user.click(screen.getByRole('button', { name: 'Xác nhận và tạo sổ tính' }));
    expect(await screen.findByText('Đã tạo sổ tính thi đua')).toBeInTheDocument();
    const written = new Map((await session.load())!.bloc.template.criteria.map((c) => [c.code, c]));
    expect(written.get('1')).toMatchObject({ kind: 'choice', base: 5 });
    expect(written.get('1.m2')).toMatchObject({
      kind: 'base',
      base: 4,
      band: { from: 97, to: 98 },
    });
    expect(written.get('2.m2')).toMatchObject({ kind: 'penalty', rate: 2, parent: '2' });
  });

  it('refuses a bad pasted table with the line and column, and writes nothing', async () => {
    const { workbook, user } = await renderEmpty();
    await user.click(screen.getByRole('radio', { name: /Dán bảng chấm điểm/ }));
    await user.click(screen.getByRole('textbox', { name: 'Bảng chấm điểm đã sao chép' }));
    await user.paste(
      tsv([
        ['STT', 'Nội dung', 'Điểm chuẩn', 'Thưởng', 'Trừ'],
        ['1', 'Ban hành kế hoạch', 'bốn', '', ''],
        ['2', 'Tổ chức ký kết', '96', '', ''],
      ]),
    );
    await user.click(screen.getByRole('button', { name: 'Đọc bảng' }));
    const bar = await noticeWith('Dữ liệu không hợp lệ, chưa ghi gì');
    expect(
      within(bar).getByText(
        'Bảng dán, dòng 2, cột C (Điểm chuẩn): "bốn" không phải là số điểm (ví dụ hợp lệ: 0,5).',
      ),
    ).toBeInTheDocument();
    // What could be read is shown to help find the mistake; nothing is offered for creation.
    expect(
      screen.getByRole('table', { name: 'Các dòng đã đọc được (bảng còn lỗi)' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Bảng tiêu chí sẽ được tạo' })).toBeNull();
    await user.type(screen.getByLabelText('Tên khối/cụm thi đua', { exact: false }), 'Khối A');
    await user.click(screen.getByRole('button', { name: 'Dùng 9 đơn vị mẫu' }));
    await user.click(screen.getByRole('button', { name: 'Xác nhận và tạo sổ tính' }));
    expect(
      await within(await noticeWith('Dữ liệu không hợp lệ, chưa ghi gì')).findByText(
        /mục Bảng chấm điểm: chưa có bảng chấm điểm/,
      ),
    ).toBeInTheDocument();
    expect(await sheetNames(workbook)).toEqual([]);
  });

  it('reads criteria and units from CSV files, and names the line of a bad one', async () => {
    const { session, user } = await renderEmpty();
    await user.click(screen.getByRole('radio', { name: /Tệp tiêu chí CSV hoặc Excel/ }));
    const bad =
      'ma;ma_cha;noi_dung;loai;diem_chuan;muc;tran_cong;tran_tru;tran_tong;can_minh_chung\nI;;Phần I;nhom;;;;;;\n1;I;Mục 1;chuan;bốn;;;;;\n';
    await user.upload(
      screen.getByLabelText('Chọn tệp tiêu chí (.csv, .xlsx)'),
      new File([bad], 'tieu-chi.csv', { type: 'text/csv' }),
    );
    const bar = await noticeWith('Dữ liệu không hợp lệ, chưa ghi gì');
    expect(
      within(bar).getByText(/^tieu-chi\.csv, dòng 3 \(tiêu chí 1\): cột diem_chuan/),
    ).toBeInTheDocument();
    await user.upload(
      screen.getByLabelText('Chọn tệp tiêu chí (.csv, .xlsx)'),
      new File([criteriaToCsv(SAMPLE_TEMPLATE)], 'mau.csv', { type: 'text/csv' }),
    );
    expect(
      await screen.findByRole('table', { name: 'Bảng tiêu chí sẽ được tạo' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(`Tệp mau.csv: ${SAMPLE_TEMPLATE.criteria.length} dòng tiêu chí`, {
        exact: false,
      }),
    ).toBeInTheDocument();

    const units = unitsToCsv(SAMPLE_BLOC.units.slice(0, 3));
    await user.upload(
      screen.getByLabelText('Nhập từ tệp CSV hoặc Excel'),
      new File([units], 'don-vi.csv', { type: 'text/csv' }),
    );
    await waitFor(() => expect(screen.getByLabelText('Mã 3')).toHaveValue('BDBP'));
    await user.type(screen.getByLabelText('Tên khối/cụm thi đua', { exact: false }), 'Khối B');
    await user.click(screen.getByRole('button', { name: 'Xác nhận và tạo sổ tính' }));
    expect(await screen.findByText('Đã tạo sổ tính thi đua')).toBeInTheDocument();
    expect((await session.load())?.bloc.units.map((u) => u.code)).toEqual(['CAT', 'BCHQS', 'BDBP']);
  });
});

describe('Thiết lập khối: files as offices save them', () => {
  const fixture = (name: string) =>
    readFileSync(join(__dirname, '..', 'fixtures', 'offices', name));

  it('reads units from a Windows-1258 CSV and from a workbook, and says what it understood', async () => {
    const { user } = await renderEmpty();
    const picker = () => screen.getByLabelText('Nhập từ tệp CSV hoặc Excel');
    await user.upload(picker(), new File([fixture('units-cp1258.csv')], 'don-vi.csv'));
    await waitFor(() => expect(screen.getByLabelText('Tên đơn vị 1')).toHaveValue('Sở Tư pháp'));
    const read = await noticeWith('Đã đọc tệp');
    expect(
      within(read).getByText(
        'don-vi.csv: đọc theo bảng mã Windows-1258 (CSV của Excel tiếng Việt).',
      ),
    ).toBeInTheDocument();
    await user.upload(picker(), new File([fixture('units.xlsx')], 'don-vi.xlsx'));
    await waitFor(() => expect(screen.getByLabelText('Mã 1')).toHaveValue('CAT'));
    expect(await screen.findByText('don-vi.xlsx: đọc trang "Sheet1".')).toBeInTheDocument();
  });
});

describe('Thiết lập khối: settings of a configured workbook', () => {
  async function renderConfigured() {
    const workbook = await sampleWorkbook();
    const session: Session = createSession(workbook, host);
    const saveSettings = jest.spyOn(session, 'saveSettings');
    const user = quickUser();
    render(<App session={session} />);
    await screen.findByText('Nội dung thẻ Chấm điểm');
    await user.click(screen.getByRole('tab', { name: 'Thiết lập khối' }));
    await screen.findByRole('form', { name: 'Cài đặt của khối' });
    return { session, saveSettings, user };
  }

  const field = (label: RegExp | string) => screen.getByLabelText(label, { exact: false });

  it('saves the settings in the workbook and reads them back', async () => {
    const { session, user } = await renderConfigured();
    await user.clear(field('Ngưỡng Xuất sắc'));
    await user.type(field('Ngưỡng Xuất sắc'), '95,5');
    await user.clear(field('Ngưỡng Tốt'));
    await user.type(field('Ngưỡng Tốt'), '75');
    await user.click(screen.getByRole('radio', { name: /1, 2, 2, 3/ }));
    // The sample's order: fewer penalty, higher base in II, earlier submission. Move the last up,
    // remove the first, add the vote.
    await user.click(screen.getByRole('button', { name: 'Đưa lên: Nộp bảng chấm điểm sớm hơn' }));
    await user.click(screen.getByRole('button', { name: 'Bỏ: Ít điểm trừ hơn' }));
    await user.selectOptions(screen.getByLabelText('Tiêu chí phụ cần thêm'), 'vote');
    await user.click(screen.getByRole('button', { name: 'Thêm tiêu chí phụ' }));
    await user.clear(field('Số suất Cờ thi đua'));
    await user.type(field('Số suất Cờ thi đua'), '2');
    await user.type(field('Tỷ lệ biểu quyết tối thiểu'), '80');
    await user.selectOptions(field('Bộ quy tắc tỷ lệ'), 'Quân đội');
    await user.click(screen.getByRole('button', { name: 'Lưu cài đặt' }));
    expect(await screen.findByText('Đã lưu cài đặt')).toBeInTheDocument();

    const settings = (await session.load())!.bloc.settings;
    expect(settings.classification.thresholds).toEqual([
      { label: 'Xuất sắc', min: 95.5 },
      { label: 'Tốt', min: 75 },
    ]);
    expect(settings.ranking).toEqual({
      mode: 'dense',
      tieBreakers: [
        { kind: 'earlier-submission' },
        { kind: 'higher-base', subtree: 'II' },
        { kind: 'vote' },
      ],
    });
    expect(settings.proposals.levels.map((l) => l.count)).toEqual([2, 2]);
    expect(settings.proposals.requiredVoteShare).toBe(0.8);
    expect(settings.quotaPreset).toBe('quan-doi');
    // The form shows what is stored.
    expect(field('Ngưỡng Xuất sắc')).toHaveValue('95,5');
  });

  it('refuses thresholds out of order, a fractional count and a share over 100%', async () => {
    const { saveSettings, user } = await renderConfigured();
    await user.clear(field('Ngưỡng Tốt'));
    await user.type(field('Ngưỡng Tốt'), '91');
    await user.clear(field('Số suất Bằng khen'));
    await user.type(field('Số suất Bằng khen'), '1,5');
    await user.type(field('Tỷ lệ biểu quyết tối thiểu'), '120');
    await user.selectOptions(screen.getByLabelText('Tiêu chí phụ cần thêm'), 'fewer-penalty');
    await user.click(screen.getByRole('button', { name: 'Thêm tiêu chí phụ' }));
    await user.click(screen.getByRole('button', { name: 'Lưu cài đặt' }));
    const bar = await noticeWith('Dữ liệu không hợp lệ, chưa ghi gì');
    expect(
      within(bar).getByText(
        'Cài đặt, ô Ngưỡng Tốt: ngưỡng Tốt (91) phải thấp hơn ngưỡng Xuất sắc (91) đứng trước nó.',
      ),
    ).toBeInTheDocument();
    expect(
      within(bar).getByText(
        /ô Số suất Bằng khen của Chủ tịch UBND tỉnh: số suất phải là số nguyên không âm \(1,5\)/,
      ),
    ).toBeInTheDocument();
    expect(
      within(bar).getByText(
        /ô Tỷ lệ biểu quyết: tỷ lệ biểu quyết phải lớn hơn 0% và không quá 100% \(đang là 120%\)/,
      ),
    ).toBeInTheDocument();
    expect(
      within(bar).getByText(
        /tiêu chí phụ thứ 4: tiêu chí phụ "Ít điểm trừ hơn" đã có trong danh sách/,
      ),
    ).toBeInTheDocument();
    expect(field('Ngưỡng Tốt')).toHaveAttribute('aria-invalid', 'true');
    expect(saveSettings).not.toHaveBeenCalled();
  });
});

describe('Thiết lập khối: adding units to a configured workbook', () => {
  it('refuses a code already in the bloc, then adds the unit with its empty sheet', async () => {
    const workbook = await sampleWorkbook();
    const session: Session = createSession(workbook, host);
    const addUnits = jest.spyOn(session, 'addUnits');
    const user = quickUser();
    render(<App session={session} />);
    await screen.findByText('Nội dung thẻ Chấm điểm');
    await user.click(screen.getByRole('tab', { name: 'Thiết lập khối' }));
    const form = await screen.findByRole('form', { name: 'Thêm đơn vị vào khối' });
    expect(within(form).getByText('Chưa có đơn vị mới.')).toBeInTheDocument();

    // The new rows are numbered after the bloc's nine units, as in the messages.
    await user.click(within(form).getByRole('button', { name: 'Thêm đơn vị' }));
    await user.type(within(form).getByLabelText('Mã 10'), 'cat');
    await user.type(within(form).getByLabelText('Tên đơn vị 10'), 'Sở Nội vụ');
    await user.click(within(form).getByRole('button', { name: 'Ghi đơn vị mới vào sổ tính' }));
    const bar = await noticeWith('Dữ liệu không hợp lệ, chưa ghi gì');
    expect(
      within(bar).getByText(
        'Danh sách đơn vị, đơn vị thứ 10: mã đơn vị "cat" trùng với đơn vị thứ 1 (tên trang tính không phân biệt hoa thường).',
      ),
    ).toBeInTheDocument();
    expect(within(form).getByLabelText('Mã 10')).toHaveAttribute('aria-invalid', 'true');
    expect(addUnits).not.toHaveBeenCalled();

    await user.clear(within(form).getByLabelText('Mã 10'));
    await user.type(within(form).getByLabelText('Mã 10'), 'SNV');
    await user.click(within(form).getByRole('button', { name: 'Ghi đơn vị mới vào sổ tính' }));
    expect(await screen.findByText('Đã thêm 1 đơn vị')).toBeInTheDocument();
    expect(await sheetNames(workbook)).toContain('SNV');
    const units = screen.getByRole('list', { name: 'Đơn vị thành viên' });
    expect(within(units).getByText('SNV — Sở Nội vụ')).toBeInTheDocument();
    // The form is empty again for the next one.
    expect(
      within(screen.getByRole('form', { name: 'Thêm đơn vị vào khối' })).getByText(
        'Chưa có đơn vị mới.',
      ),
    ).toBeInTheDocument();
  });
});
