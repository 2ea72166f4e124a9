/**
 * The Excel stand-in behaves like Excel where the adapter's correctness depends on it. Each test
 * shows a mistake the stand-in catches (and that a mock recording calls would let through).
 */
import { createExcelStandin, StandinError } from '../support/excel-standin';

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(StandinError);
    return (e as StandinError).code;
  }
  throw new Error('expected the batch to fail');
};

describe('the Excel stand-in', () => {
  it('throws on reading a property that was not loaded, or before the sync', async () => {
    const s = createExcelStandin();
    await s.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2');
      expect(() => range.values).toThrow(/not available.*call the load method/s);
      range.load('values');
      expect(() => range.values).toThrow(/not available/);
      await context.sync();
      expect(range.values).toEqual([
        ['', ''],
        ['', ''],
      ]);
      expect(() => range.numberFormat).toThrow(/'numberFormat' is not available/);
    });
  });

  it('needs a load before isNullObject, and reaches null objects through null objects', async () => {
    const s = createExcelStandin();
    await s.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Không có');
      const used = missing.getUsedRangeOrNullObject(true);
      used.load('values');
      expect(() => used.isNullObject).toThrow(/isNullObject/);
      await context.sync();
      expect(used.isNullObject).toBe(true);
      expect(() => used.values).toThrow(/null object/);
    });
  });

  it('queues writes until the sync and counts syncs and bytes', async () => {
    const s = createExcelStandin();
    await s.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      range.values = [[1, 'hai']];
      expect(s.cell('Sheet1', 'A1').value).toBeNull();
      await context.sync();
      expect(s.cell('Sheet1', 'B1').value).toBe('hai');
    });
    expect(s.stats.syncs).toBe(1);
    expect(s.stats.requestBytes[0]).toBeGreaterThan(50);
  });

  it('refuses a 2-D array whose shape differs from the range (InvalidArgument)', async () => {
    const s = createExcelStandin();
    const code = await codeOf(
      s.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1:C2').formulas = [[1, 2, 3]];
        await context.sync();
      }),
    );
    expect(code).toBe('InvalidArgument');
  });

  it('types strings as Excel does: numbers, dates, formulas; an apostrophe keeps text', async () => {
    const s = createExcelStandin();
    await s.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:E1').values = [
        ['1.10', "'1.10", '2025-02-01', '=A1*2', 'TRUE'],
      ];
      await context.sync();
    });
    expect(s.cell('Sheet1', 'A1').value).toBe(1.1);
    expect(s.cell('Sheet1', 'B1').value).toBe('1.10');
    expect(s.cell('Sheet1', 'C1').value).toBe(45689);
    expect(s.cell('Sheet1', 'D1').formula).toBe('=A1*2');
    expect(s.cell('Sheet1', 'E1').value).toBe(true);
  });

  it('rejects writes into locked cells of a protected sheet, not into unlocked ones', async () => {
    const s = createExcelStandin();
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      ws.getRange('B2').format.protection.locked = false;
      ws.protection.protect();
      ws.getRange('B2').values = [['được']];
      await context.sync();
    });
    expect(s.cell('Sheet1', 'B2').value).toBe('được');
    const code = await codeOf(
      s.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').values = [
          [1, 2],
          [3, 4],
        ];
        await context.sync();
      }),
    );
    expect(code).toBe('AccessDenied');
    expect(s.cell('Sheet1', 'A1').value).toBeNull();
    // Formats too, unless the protection allows them.
    expect(
      await codeOf(
        s.run(async (context) => {
          context.workbook.worksheets.getItem('Sheet1').getRange('B2').format.fill.color =
            '#FF0000';
          await context.sync();
        }),
      ),
    ).toBe('AccessDenied');
  });

  it('throws on protect() of a protected sheet and unprotect() of an unprotected one', async () => {
    const s = createExcelStandin();
    const twice = (method: 'protect' | 'unprotect') =>
      codeOf(
        s.run(async (context) => {
          context.workbook.worksheets.getItem('Sheet1').protection[method]();
          await context.sync();
        }),
      );
    expect(await twice('unprotect')).toBe('InvalidOperation');
    await s.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').protection.protect();
      await context.sync();
    });
    expect(await twice('protect')).toBe('InvalidOperation');
  });

  it('refuses a request over 5 MB and applies nothing of it', async () => {
    const s = createExcelStandin();
    const big = Array.from({ length: 2000 }, () =>
      Array.from({ length: 10 }, () => 'x'.repeat(300)),
    );
    const code = await codeOf(
      s.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('Sheet1');
        ws.getRange('A1').values = [['trước']];
        ws.getRange('A2:J2001').values = big;
        await context.sync();
      }),
    );
    expect(code).toBe('RequestPayloadSizeLimitExceeded');
    expect(s.stats.requestBytes[0]).toBeGreaterThan(5 * 1024 * 1024);
    expect(s.cell('Sheet1', 'A1').value).toBeNull();
  });

  it('keeps what ran before a failure and returns the trace messages up to it', async () => {
    const s = createExcelStandin();
    let error: StandinError | undefined;
    try {
      await s.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('Sheet1');
        context.trace('first');
        ws.getRange('A1').values = [[1]];
        context.trace('second');
        ws.getRange('A2:B2').values = [[1]];
        context.trace('never');
        await context.sync();
      });
    } catch (e) {
      error = e as StandinError;
    }
    expect(error?.debugInfo.errorLocation).toBe('Range.values');
    expect(error?.traceMessages).toEqual(['first', 'second']);
    expect(s.cell('Sheet1', 'A1').value).toBe(1);
  });

  it('answers isSetSupported from its API version and refuses newer members', async () => {
    const s = createExcelStandin({ apiVersion: '1.8' });
    expect(s.isSetSupported('ExcelApi', '1.7')).toBe(true);
    expect(s.isSetSupported('ExcelApi', '1.9')).toBe(false);
    const code = await codeOf(
      s.run(async (context) => {
        const areas = context.workbook.worksheets
          .getItem('Sheet1')
          .getRange('A1:B2')
          .getSpecialCellsOrNullObject('Constants', 'Errors');
        areas.load('address');
        await context.sync();
      }),
    );
    expect(code).toBe('ApiNotFound');
  });

  it('copies a sheet with its cells, protection and layout, and renames it', async () => {
    const s = createExcelStandin();
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1').values = [['mẫu']];
      ws.freezePanes.freezeRows(2);
      const copy = ws.copy('After', ws);
      copy.name = 'Bản sao';
      await context.sync();
    });
    expect(s.sheetNames()).toEqual(['Sheet1', 'Bản sao']);
    expect(s.cell('Bản sao', 'A1').value).toBe('mẫu');
    expect(s.sheet('Bản sao').freeze).toEqual({ rows: 2, columns: 0 });
  });

  it('lays a chart out as Insert Chart does and refuses it on a protected sheet', async () => {
    const s = createExcelStandin();
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:B3').values = [
        ['Đơn vị', 'Điểm'],
        ['CAT', 98],
        ['STP', 90],
      ];
      // Labels in the first column, a header above the numbers: one series named by it.
      ws.charts.add('BarClustered', ws.getRange('A1:B3'), 'Columns');
      // The numbers alone: the header names the series, there are no categories.
      const chart = ws.charts.add('BarClustered', ws.getRange('B1:B3'), 'Columns');
      chart.series.getItemAt(0).points.getItemAt(1).format.fill.setSolidColor('#70AD47');
      await context.sync();
    });
    const [labelled, plain] = s.sheet('Sheet1').charts;
    expect(labelled!.series).toEqual([
      {
        name: 'Điểm',
        values: { r0: 1, c0: 1, r1: 2, c1: 1 },
        categories: { r0: 1, c0: 0, r1: 2, c1: 0 },
        pointColors: {},
      },
    ]);
    expect(plain!.series[0]).toMatchObject({ name: 'Điểm', pointColors: { 1: '#70AD47' } });
    expect(plain!.series[0]!.categories).toBeUndefined();
    // A point past the series' end, and a chart on a protected sheet, fail as in Excel.
    const past = await codeOf(
      s.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('Sheet1');
        const chart = ws.charts.add('BarClustered', ws.getRange('B1:B3'), 'Columns');
        chart.series.getItemAt(0).points.getItemAt(2).format.fill.setSolidColor('#70AD47');
        await context.sync();
      }),
    );
    expect(past).toBe('InvalidArgument');
    const locked = await codeOf(
      s.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('Sheet1');
        ws.protection.protect();
        ws.charts.add('BarClustered', ws.getRange('B1:B3'), 'Columns');
        await context.sync();
      }),
    );
    expect(locked).toBe('AccessDenied');
  });

  it('refuses the chart members of ExcelApi 1.7 on an older Excel', async () => {
    const s = createExcelStandin({ apiVersion: '1.6' });
    const code = await codeOf(
      s.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('Sheet1');
        const chart = ws.charts.add('BarClustered', ws.getRange('B1:B3'), 'Columns');
        chart.axes.categoryAxis.reversePlotOrder = true;
        await context.sync();
      }),
    );
    expect(code).toBe('ApiNotFound');
  });
});
