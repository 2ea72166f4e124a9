/**
 * @jest-environment jsdom
 */
/**
 * The web app's parts on their own: the workbook wrapper (reads and writes pass through, listeners
 * told, layouts kept, the sheet in front), the cell formats, and the sheet view's table.
 */
import '../support/pane-globals';
import '@testing-library/jest-dom';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { formatValue, frontSheet, SheetView } from '../../src/web/SheetView';
import { WebWorkbook } from '../../src/web/web-workbook';
import {
  emptySheet,
  type SheetData,
  type WorkbookPort,
  type WorkbookRead,
  type WritePlan,
} from '../../src/workbook/grid';

/** A port that records what it is asked. */
function recordingPort(fail = false) {
  const plans: WritePlan[] = [];
  const reads: (readonly string[])[] = [];
  const port: WorkbookPort = {
    async read(names): Promise<WorkbookRead> {
      reads.push(names);
      return { sheetNames: ['A'], sheets: [] };
    },
    async write(plan) {
      plans.push(plan);
      if (fail) throw new Error('refused');
    },
  };
  return { port, plans, reads };
}

describe('WebWorkbook', () => {
  test('passes reads and writes through, tells listeners, keeps each written sheet’s layout', async () => {
    const { port, plans, reads } = recordingPort();
    const wb = new WebWorkbook(port);
    const heard: number[] = [];
    const stop = wb.subscribe(() => heard.push(wb.snapshot()));
    expect(await wb.read(['A'])).toEqual({ sheetNames: ['A'], sheets: [] });
    expect(reads).toEqual([['A']]);
    const spec = { ...emptySheet('Cấu hình', 'config'), hidden: true, columnWidths: [12, 30] };
    await wb.write({ replace: [spec], update: [] });
    expect(plans).toHaveLength(1);
    expect(wb.look('Cấu hình')).toMatchObject({ hidden: true, columnWidths: [12, 30] });
    expect(wb.look('Khác')).toBeUndefined();
    wb.show('Cấu hình');
    expect(wb.activeSheet).toBe('Cấu hình');
    expect(heard).toEqual([1, 2]);
    stop();
    wb.show('A');
    expect(heard).toEqual([1, 2]);
  });

  test('a failed write still tells listeners (the view reads again), and the error goes on', async () => {
    const wb = new WebWorkbook(recordingPort(true).port);
    const listener = jest.fn();
    wb.subscribe(listener);
    await expect(wb.write({ replace: [emptySheet('X', 'unit')], update: [] })).rejects.toThrow(
      'refused',
    );
    expect(listener).toHaveBeenCalledTimes(1);
    expect(wb.look('X')).toBeUndefined();
  });
});

test.each([
  [null, undefined, ''],
  [118.4, '0.00', '118,40'],
  [-2, '+0.00;-0.00;0', '-2,00'],
  [2.5, '+0.00;-0.00;0', '+2,50'],
  [3, '0', '3'],
  [0.125, undefined, '0,125'],
  ['2025-12-08', 'dd/mm/yyyy', '08/12/2025'],
  ['2025-12-08', undefined, '2025-12-08'],
  [true, undefined, 'TRUE'],
  [{ error: '#REF!' }, undefined, '#REF!'],
] as const)('formatValue(%j, %j) = %j', (value, format, shown) => {
  expect(formatValue(value, format)).toBe(shown);
});

describe('SheetView', () => {
  const sheet: SheetData = {
    name: 'CAT',
    values: [
      ['BẢNG CHẤM ĐIỂM', null, null],
      ['1.1', 'secret', 4],
    ],
    formulas: [[], [undefined, undefined, 'SUM(C1:C1)']],
    merges: ['A1:C1'],
  };
  const config: SheetData = { name: 'Cấu hình', values: [['k']], formulas: [], merges: [] };
  const looks = {
    CAT: {
      hidden: false,
      columnWidths: [10, 10, 10],
      hiddenColumns: [2],
      styles: [{ range: 'C2', numberFormat: '0.00', bold: true }],
      frozenRows: 0,
    },
    'Cấu hình': { hidden: true, columnWidths: [], hiddenColumns: [], styles: [], frozenRows: 0 },
  };
  const look = (name: string) => looks[name as keyof typeof looks];

  test('says the workbook is empty when it is', () => {
    render(<SheetView names={[]} shown={undefined} look={look} onSelect={() => undefined} />);
    expect(screen.getByRole('status')).toHaveTextContent('Sổ tính trống');
  });

  test('shows the first visible sheet: merges, hidden columns, formats, formulas', () => {
    const onSelect = jest.fn();
    expect(frontSheet(['Cấu hình', 'CAT'], null, look)).toBe('CAT');
    render(<SheetView names={['Cấu hình', 'CAT']} shown={sheet} look={look} onSelect={onSelect} />);
    const tabs = within(screen.getByRole('tablist', { name: 'Trang tính' })).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Cấu hình (ẩn)', 'CAT']);
    expect(tabs[1]).toHaveAttribute('aria-selected', 'true');
    const table = screen.getByRole('table', { name: 'CAT' });
    // Column B is hidden: headers A and C only.
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['', 'A', 'C']);
    expect(within(table).queryByText('secret')).toBeNull();
    // The title spans the two shown columns of A1:C1.
    expect(within(table).getByText('BẢNG CHẤM ĐIỂM')).toHaveAttribute('colspan', '2');
    const total = within(table).getByText('4,00');
    expect(total).toHaveAttribute('title', '=SUM(C1:C1)');
    expect(total).toHaveStyle({ fontWeight: '700', textAlign: 'right' });
    fireEvent.click(tabs[0]!);
    expect(onSelect).toHaveBeenCalledWith('Cấu hình');
  });

  test('shows the sheet in front when there is one', () => {
    expect(frontSheet(['Cấu hình', 'CAT'], 'Cấu hình', look)).toBe('Cấu hình');
    expect(frontSheet(['Cấu hình', 'CAT'], 'Đã xóa', look)).toBe('CAT');
    expect(frontSheet(['Cấu hình'], null, look)).toBe('Cấu hình');
    render(
      <SheetView
        names={['Cấu hình', 'CAT']}
        shown={config}
        look={look}
        onSelect={() => undefined}
      />,
    );
    expect(screen.getByRole('table', { name: 'Cấu hình' })).toBeInTheDocument();
    const tabs = within(screen.getByRole('tablist', { name: 'Trang tính' })).getAllByRole('tab');
    expect(tabs[0]).toHaveAttribute('aria-selected', 'true');
  });
});
