/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// ExcelJS (the in-memory workbook behind the session) needs Node's module entry points, hence the
// export conditions above, and globals jsdom lacks: set by the first import, before the others.
import '../support/pane-globals';
import '../support/stub-unit-forms';
import { render, screen, waitFor, within } from '@testing-library/react';
import JSZip from 'jszip';
import { createSession } from '../../src/app/session';
import { SAMPLE_BLOC } from '../../src/sample';
import { App } from '../../src/taskpane/App';
import { fakeHost, quickUser, sampleWorkbook, skipStyleChecks } from '../support/pane';

// Each test builds a workbook with ExcelJS and renders the whole pane, and jsdom slows down as
// Fluent's style rules pile up: generous time limits, the lightest tabs first.
jest.setTimeout(60_000);
// Nothing here is hidden by CSS.
skipStyleChecks();

/** The sample bloc's workbook, the pane on it, opened on one tab. */
async function openTab(name: string) {
  const workbook = await sampleWorkbook();
  const host = fakeHost();
  const session = createSession(workbook, host);
  const user = quickUser();
  render(<App session={session} />);
  await screen.findByText('Nội dung thẻ Chấm điểm');
  await user.click(screen.getByRole('tab', { name }));
  return { workbook, host, session, user };
}

const cellsOf = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('Xuất báo cáo', () => {
  it('downloads the CSV, the XLSX and the Word files with their names', async () => {
    const { host, user } = await openTab('Xuất báo cáo');
    await user.click(screen.getByRole('button', { name: 'Tải CSV' }));
    await waitFor(() => expect(host.downloads.map((f) => f.name)).toEqual(['xep-hang.csv']));
    const csv = new TextDecoder().decode(host.downloads[0]!.data);
    expect(csv).toContain('Công an tỉnh');

    await user.click(screen.getByRole('button', { name: 'Tải XLSX' }));
    await waitFor(() => expect(host.downloads).toHaveLength(2));
    expect(host.downloads[1]!.name).toBe('xep-hang.xlsx');
    // An .xlsx is a zip: "PK".
    expect(Array.from(host.downloads[1]!.data.slice(0, 2))).toEqual([0x50, 0x4b]);
    await user.type(screen.getByRole('textbox', { name: /Nơi ký/ }), 'Tuyên Quang');
    await user.type(screen.getByRole('textbox', { name: /Người ký/ }), 'Nguyễn Văn A');
    await user.click(screen.getByRole('button', { name: 'Tải DOCX' }));
    await waitFor(() => expect(host.downloads).toHaveLength(3));
    expect(host.downloads[2]!.name).toBe('bao-cao-xep-hang.docx');

    // The minutes: one click, one file (browsers hold back many downloads from one click).
    await user.click(screen.getByRole('button', { name: 'Tải biên bản thẩm định' }));
    await waitFor(() => expect(host.downloads).toHaveLength(4));
    const zip = await JSZip.loadAsync(host.downloads[3]!.data);
    expect(host.downloads[3]!.name).toBe('bien-ban-tham-dinh.zip');
    expect(Object.keys(zip.files)).toEqual(
      SAMPLE_BLOC.units.map((u) => `bien-ban-tham-dinh-${u.code}.docx`).sort(byRankOrder),
    );
    expect(screen.getByText('Đã tạo 1 tệp')).toBeInTheDocument();
  });

  it('refuses the Word report without a place, naming the field', async () => {
    const { host, user } = await openTab('Xuất báo cáo');
    await user.click(screen.getByRole('button', { name: 'Tải DOCX' }));
    const title = await screen.findByText('Dữ liệu không hợp lệ, chưa ghi gì');
    const bar = title.closest('.fui-MessageBar') as HTMLElement;
    expect(
      within(bar).getByText(
        'Xuất báo cáo, ô Nơi ký: hãy nhập nơi ký (địa danh in trên báo cáo, ví dụ: Tuyên Quang).',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Nơi ký/ })).toHaveAttribute('aria-invalid', 'true');
    expect(host.downloads).toEqual([]);
  });
});

describe('Xếp hạng', () => {
  it('ranks, writes the generated sheets and shows ranking, ties and proposals', async () => {
    const { workbook, host, user } = await openTab('Xếp hạng');
    expect((await workbook.read([])).sheetNames).not.toContain('Xếp hạng');
    await user.click(screen.getByRole('button', { name: 'Xếp hạng' }));
    expect(await screen.findByText('Đã xếp hạng 9 đơn vị')).toBeInTheDocument();
    expect((await workbook.read([])).sheetNames).toEqual(
      expect.arrayContaining(['Xếp hạng', 'Tỷ lệ khen thưởng', 'Tổng hợp', 'Cảnh báo']),
    );

    const table = screen.getByRole('table', { name: 'Kết quả xếp hạng' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => cellsOf(r))).toEqual([
      ['1', 'Công an tỉnh', '118,4', 'Xuất sắc', 'Cờ thi đua của UBND tỉnh'],
      ['2', 'Bộ Chỉ huy Quân sự tỉnh', '115,5', 'Xuất sắc', 'Bằng khen của Chủ tịch UBND tỉnh'],
      ['3', 'Viện Kiểm sát nhân dân tỉnh', '107,5', 'Xuất sắc', 'Bằng khen của Chủ tịch UBND tỉnh'],
      ['4', 'Tòa án nhân dân tỉnh', '107,5', 'Xuất sắc', ''],
      ['5', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', '101,8', 'Xuất sắc', ''],
      ['6', 'Thanh tra tỉnh', '89,5', 'Tốt', ''],
      ['7', 'Sở Tư pháp', '89,5', 'Tốt', ''],
      ['8', 'Cục Thi hành án dân sự tỉnh', '79', 'Tốt', ''],
      ['–', 'Ban Nội chính Tỉnh ủy', '95', 'Không xếp loại', ''],
    ]);

    // Ties are explained, never broken silently.
    const ties = screen.getByRole('region', { name: 'Bằng điểm' });
    expect(
      within(ties).getByText(
        'Tòa án nhân dân tỉnh, Viện Kiểm sát nhân dân tỉnh bằng điểm (107,5); phân định theo tiêu chí "ít điểm trừ hơn": Tòa án nhân dân tỉnh 1,5, Viện Kiểm sát nhân dân tỉnh 0,5.',
      ),
    ).toBeInTheDocument();
    expect(
      within(ties).getByText(
        /Sở Tư pháp, Thanh tra tỉnh bằng điểm \(89,5\); phân định theo tiêu chí "nộp sớm hơn"/,
      ),
    ).toBeInTheDocument();

    // One click on a unit brings its sheet to the front.
    await user.click(within(table).getByRole('button', { name: 'Công an tỉnh' }));
    expect(host.shown).toEqual(['CAT']);
  });

  it('reports a refusal in the MessageBar with sheet and cell, and writes nothing', async () => {
    const { workbook, user } = await openTab('Xếp hạng');
    // A person made a sheet named like a generated one: thidua refuses to overwrite it.
    await workbook.write({
      replace: [],
      update: [],
    });
    workbook.workbook.addWorksheet('Xếp hạng').getCell('A1').value = 'Bảng của tôi';
    await user.click(screen.getByRole('button', { name: 'Xếp hạng' }));
    const title = await screen.findByText('Dữ liệu không hợp lệ, chưa ghi gì');
    const bar = title.closest('.fui-MessageBar') as HTMLElement;
    expect(within(bar).getByText(/^Xếp hạng, /)).toBeInTheDocument();
    expect(workbook.workbook.getWorksheet('Xếp hạng')!.getCell('A1').value).toBe('Bảng của tôi');
    expect(workbook.workbook.getWorksheet('Cảnh báo')).toBeUndefined();
  });
});

describe('Tỷ lệ khen thưởng', () => {
  it('lists failing checks first, with numbers, limit and source', async () => {
    const { user } = await openTab('Tỷ lệ khen thưởng');
    expect(screen.getByText(/Bộ quy tắc:/)).toHaveTextContent(
      /Mặc định \(cơ quan hành chính\)\. 7 không đạt, \d+ đạt, \d+ không áp dụng\./,
    );
    const list = screen.getByRole('list', { name: 'Các kiểm tra tỷ lệ khen thưởng' });
    const items = within(list)
      .getAllByRole('listitem', { name: undefined })
      .filter((li) => li.parentElement === list);
    const badges = items.map((li) => li.querySelector('.fui-Badge')!.textContent);
    const firstPass = badges.indexOf('Đạt');
    expect(badges.slice(0, 7)).toEqual(Array(7).fill('Không đạt'));
    expect(firstPass).toBe(7);
    expect(badges.lastIndexOf('Không đạt')).toBeLessThan(firstPass);
    // The second failure comes from further down the engine's list: STP's CSTĐCS share.
    expect(within(items[1]!).getByText('Tỷ lệ Chiến sĩ thi đua cơ sở')).toBeInTheDocument();
    expect(within(items[1]!).getByText('Sở Tư pháp (STP)')).toBeInTheDocument();
    expect(within(items[1]!).getAllByText(/làm tròn xuống/).length).toBeGreaterThan(0);

    // The source is one keyboard-reachable click away.
    await user.click(within(items[1]!).getByRole('button', { name: 'Chi tiết và nguồn' }));
    expect(
      within(items[1]!).getByText(/^Nguồn: Nghị định 91\/2017\/NĐ-CP, Điều 9/),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('switch', { name: 'Chỉ hiện các kiểm tra không đạt' }));
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('listitem')
          .filter((li) => li.parentElement === list),
      ).toHaveLength(7),
    );
  });
});

/** Minutes come in ranking order (ranked units, then the one not classified). */
const RANK_ORDER = ['CAT', 'BCHQS', 'VKSND', 'TAND', 'BDBP', 'TTT', 'STP', 'THADS', 'BNC'];
function byRankOrder(a: string, b: string) {
  const code = (s: string) => s.replace(/^bien-ban-tham-dinh-|\.docx$/g, '');
  return RANK_ORDER.indexOf(code(a)) - RANK_ORDER.indexOf(code(b));
}
