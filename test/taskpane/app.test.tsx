/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// ExcelJS (the in-memory workbook behind the session) needs Node's module entry points, hence the
// export conditions above, and globals jsdom lacks: set by the first import, before the others.
import '../support/pane-globals';
import '../support/stub-unit-forms';
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createSession } from '../../src/app/session';
import { createWorkbook } from '../../src/app/workbook-actions';
import { XlsxWorkbook } from '../../src/io/xlsx/xlsx-workbook';
import { SAMPLE_BLOC, SAMPLE_DATA } from '../../src/sample';
import { App } from '../../src/taskpane/App';
import { describeError } from '../../src/app';
import { officeTheme, themeFromOffice } from '../../src/taskpane/shared/theme';
import { InputError } from '../../src/workbook/problems';
import { UNIT, unitSheetCells } from '../../src/workbook/unit-sheet';
import { compileTemplate } from '../../src/core/template/compile';
import { columnLetter } from '../../src/workbook/grid';
import { fakeHost, sampleWorkbook, skipStyleChecks, withLayoutBoxes } from '../support/pane';

// Each test builds a workbook with ExcelJS and renders the whole pane: slower than the default 5 s.
jest.setTimeout(60_000);
// Nothing here is hidden by CSS.
skipStyleChecks();

const tab = (name: string) => screen.getByRole('tab', { name });

describe('App', () => {
  it('enables only Thiết lập khối when the workbook has no configuration', async () => {
    render(<App session={createSession(XlsxWorkbook.empty(), fakeHost())} />);
    expect(
      await screen.findByText('Sổ tính chưa có cấu hình thi đua: hãy Thiết lập khối trước.'),
    ).toBeInTheDocument();
    expect(tab('Thiết lập khối')).not.toBeDisabled();
    expect(tab('Thiết lập khối')).toHaveAttribute('aria-selected', 'true');
    for (const name of ['Chấm điểm', 'Thẩm định', 'Xếp hạng', 'Tỷ lệ khen thưởng', 'Xuất báo cáo'])
      expect(tab(name)).toBeDisabled();
    expect(screen.getByRole('form', { name: 'Thiết lập khối mới' })).toBeInTheDocument();
  });

  it('shows the bloc in the header and opens Chấm điểm for a configured workbook', async () => {
    render(<App session={createSession(await sampleWorkbook(), fakeHost())} />);
    expect(
      await screen.findByRole('heading', { name: 'Khối Nội chính tỉnh Tuyên Quang' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Năm 2025 · Cả năm · 9 đơn vị')).toBeInTheDocument();
    expect(tab('Chấm điểm')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByText('Nội dung thẻ Chấm điểm')).toBeInTheDocument();
    expect(tab('Xuất báo cáo')).not.toBeDisabled();
  });

  describe('with the keyboard only', () => {
    // Tabster (Fluent's keyboard navigation) skips elements without a layout, which jsdom lacks.
    withLayoutBoxes();

    it('reaches the tabs with Tab, moves with the arrows, opens with Enter and Space', async () => {
      const user = userEvent.setup();
      render(<App session={createSession(await sampleWorkbook(), fakeHost())} />);
      await screen.findByText('Nội dung thẻ Chấm điểm');
      await user.tab();
      expect(screen.getByRole('button', { name: 'Đọc lại sổ tính' })).toHaveFocus();
      await user.tab();
      expect(tab('Chấm điểm')).toHaveFocus();
      await user.keyboard('{ArrowRight}');
      expect(tab('Thẩm định')).toHaveFocus();
      await user.keyboard('{Enter}');
      expect(tab('Thẩm định')).toHaveAttribute('aria-selected', 'true');
      expect(screen.getByText('Nội dung thẻ Thẩm định')).toBeInTheDocument();
      await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
      expect(tab('Xuất báo cáo')).toHaveFocus();
      await user.keyboard(' ');
      expect(tab('Xuất báo cáo')).toHaveAttribute('aria-selected', 'true');
      await user.tab();
      expect(screen.getByRole('textbox', { name: /Nơi ký/ })).toHaveFocus();
    });
  });

  it('reports a refused workbook in a MessageBar naming the sheet and the cell', async () => {
    const wb = await sampleWorkbook();
    // The verified (Khối chấm) cell of criterion 1.2 on the CAT sheet: text instead of points.
    const row = unitSheetCells(compileTemplate(SAMPLE_BLOC.template)).row('1.2');
    const cell = `${columnLetter(UNIT.col.verified)}${row}`;
    expect(cell).toBe('G10');
    await wb.write({ replace: [], update: [{ sheet: 'CAT', address: cell, value: 'nhiều' }] });
    const user = userEvent.setup();
    render(<App session={createSession(wb, fakeHost())} />);
    const title = await screen.findByText('Dữ liệu không hợp lệ, chưa ghi gì');
    const bar = title.closest('[role="group"], .fui-MessageBar') as HTMLElement;
    expect(bar).not.toBeNull();
    expect(within(bar).getByText(/^CAT, ô G10 \(tiêu chí 1\.2\): /)).toBeInTheDocument();
    // Not readable: the other tabs stay closed, and the pane offers to read again (not to set up).
    expect(tab('Xếp hạng')).toBeDisabled();
    expect(screen.queryByRole('form', { name: 'Thiết lập khối mới' })).toBeNull();
    expect(screen.getByText(/^Chưa đọc được sổ tính/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Đóng thông báo' }));
    expect(screen.queryByText('Dữ liệu không hợp lệ, chưa ghi gì')).not.toBeInTheDocument();
  });

  it('reads the workbook again on request', async () => {
    const wb = XlsxWorkbook.empty();
    const user = userEvent.setup();
    render(<App session={createSession(wb, fakeHost())} />);
    await screen.findByText(/Sổ tính chưa có cấu hình thi đua/);
    await createWorkbook(wb, SAMPLE_BLOC, SAMPLE_DATA);
    await user.click(screen.getByRole('button', { name: 'Đọc lại sổ tính' }));
    expect(
      await screen.findByRole('heading', { name: 'Khối Nội chính tỉnh Tuyên Quang' }),
    ).toBeInTheDocument();
    expect(tab('Xếp hạng')).not.toBeDisabled();
  });
});

describe('describeError', () => {
  it('lists every problem of refused input with sheet, cell, criterion and rule', () => {
    const notice = describeError(
      new InputError([
        { source: 'CAT', location: 'ô I10', code: '1.2', message: 'không phải là số.' },
        { source: 'Cấu hình', location: 'ô B5', message: 'năm không hợp lệ.' },
      ]),
    );
    expect(notice).toEqual({
      intent: 'error',
      title: 'Dữ liệu không hợp lệ, chưa ghi gì',
      lines: ['CAT, ô I10 (tiêu chí 1.2): không phải là số.', 'Cấu hình, ô B5: năm không hợp lệ.'],
    });
  });

  it('gives other errors a Vietnamese title, and Excel errors their meaning and place', () => {
    expect(describeError(new Error('Mất kết nối'))).toEqual({
      intent: 'error',
      title: 'Có lỗi, thao tác chưa hoàn tất',
      lines: ['Mất kết nối'],
    });
    const office = Object.assign(new Error('The request failed.'), {
      code: 'AccessDenied',
      debugInfo: { errorLocation: 'Range.values' },
    });
    const lines = describeError(office).lines!;
    expect(lines[0]).toContain('trang tính hoặc ô đang được bảo vệ');
    expect(lines).toContain('Vị trí: Range.values.');
    expect(lines).toContain('Mã lỗi: AccessDenied.');
  });
});

describe('theme', () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  it('is the light theme without Office (the preview)', () => {
    expect(officeTheme()).toBe(webLightTheme);
  });

  it("follows Office's colours when Office gives them", () => {
    (globalThis as { Office?: unknown }).Office = {
      context: {
        officeTheme: { bodyBackgroundColor: '#262626', bodyForegroundColor: '#ffffff' },
      },
    };
    const theme = officeTheme();
    expect(theme.colorNeutralBackground1).toBe('#262626');
    expect(theme.colorNeutralForeground1).toBe('#ffffff');
    expect(theme.colorBrandForeground1).toBe(webDarkTheme.colorBrandForeground1);
    expect(themeFromOffice({ isDarkTheme: false, bodyBackgroundColor: '#ffffff' })).toMatchObject({
      colorBrandForeground1: webLightTheme.colorBrandForeground1,
    });
  });

  it('falls back to the light theme when Office throws or gives nothing usable', () => {
    (globalThis as { Office?: unknown }).Office = {
      get context(): never {
        throw new Error('Office.js has not been initialized');
      },
    };
    expect(officeTheme()).toBe(webLightTheme);
    expect(themeFromOffice({ bodyBackgroundColor: 'blue' })).toBe(webLightTheme);
  });
});
