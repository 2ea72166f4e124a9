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

  it('throws PropertyNotLoaded on reading a property that was only set, not loaded', async () => {
    const s = createExcelStandin();
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      const table = ws.tables.add('A1:B2', true);
      table.style = 'TableStyleLight1';
      const format = ws.getRange('A1').format;
      format.wrapText = true;
      ws.pageLayout.orientation = 'Landscape';
      await context.sync();
      expect(() => table.style).toThrow(/'style' is not available/);
      expect(() => format.wrapText).toThrow(/'wrapText' is not available/);
      expect(() => ws.pageLayout.orientation).toThrow(/'orientation' is not available/);
      format.load('wrapText');
      await context.sync();
      expect(format.wrapText).toBe(true);
    });
  });

  it('knows isNullObject after a sync, loaded or not, and reaches null objects through null objects', async () => {
    const s = createExcelStandin();
    await s.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Không có');
      const present = context.workbook.worksheets.getItemOrNullObject('sheet1');
      const used = missing.getUsedRangeOrNullObject(true);
      used.load('values');
      expect(() => used.isNullObject).toThrow(/isNullObject/);
      await context.sync();
      expect(used.isNullObject).toBe(true);
      expect(() => used.values).toThrow(/null object/);
      // Never loaded: the sync fills isNullObject all the same, as the reference's samples use it.
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
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

  it('puts a single value (not an array) into every cell of the range, as Excel does', async () => {
    const s = createExcelStandin();
    await s.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2');
      (range as unknown as { values: unknown }).values = 7;
      await context.sync();
    });
    expect(['A1', 'B1', 'A2', 'B2'].map((a) => s.cell('Sheet1', a).value)).toEqual([7, 7, 7, 7]);
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

  it('answers AccessDenied to protect() twice and unprotect() of an unprotected sheet, BadPassword to a wrong password', async () => {
    const s = createExcelStandin();
    const call = (method: 'protect' | 'unprotect', password?: string) =>
      codeOf(
        s.run(async (context) => {
          context.workbook.worksheets.getItem('Sheet1').protection[method](undefined, password);
          await context.sync();
        }),
      );
    expect(await call('unprotect')).toBe('AccessDenied');
    await s.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').protection.protect({}, 'mật khẩu');
      await context.sync();
    });
    expect(await call('protect')).toBe('AccessDenied');
    expect(await call('unprotect')).toBe('BadPassword');
    expect(await call('unprotect', 'sai')).toBe('BadPassword');
    expect(s.sheet('Sheet1').protected).toBe(true);
  });

  it('refuses to delete a very hidden sheet until it is made Hidden', async () => {
    const s = createExcelStandin({ sheets: ['Sheet1', 'Ẩn'] });
    s.sheet('Ẩn').visibility = 'VeryHidden';
    const remove = (unhide: boolean) =>
      s.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('Ẩn');
        if (unhide) ws.visibility = 'Hidden';
        ws.delete();
        await context.sync();
      });
    expect(await codeOf(remove(false))).toBe('GeneralException');
    await remove(true);
    expect(s.sheetNames()).toEqual(['Sheet1']);
  });

  it('blocks sheet changes under workbook structure protection, and says so in workbook.protection', async () => {
    const s = createExcelStandin({ sheets: ['Sheet1', 'Sheet2'] });
    await s.run(async (context) => {
      context.workbook.protection.protect();
      await context.sync();
    });
    const changes: ((ws: Excel.Worksheet, all: Excel.WorksheetCollection) => void)[] = [
      (_, all) => all.add('Mới'),
      (ws) => ws.delete(),
      (ws) => (ws.name = 'Khác'),
      (ws) => (ws.position = 0),
      (ws) => (ws.visibility = 'Hidden'),
      (ws) => ws.copy('End'),
    ];
    for (const change of changes)
      expect(
        await codeOf(
          s.run(async (context) => {
            const all = context.workbook.worksheets;
            change(all.getItem('Sheet2'), all);
            await context.sync();
          }),
        ),
      ).toBe('AccessDenied');
    await s.run(async (context) => {
      const protection = context.workbook.protection;
      protection.load('protected');
      // Cells can still be written: structure protection is about sheets.
      context.workbook.worksheets.getItem('Sheet2').getRange('A1').values = [[1]];
      await context.sync();
      expect(protection.protected).toBe(true);
    });
    expect(s.sheetNames()).toEqual(['Sheet1', 'Sheet2']);
    expect(s.cell('Sheet2', 'A1').value).toBe(1);
  });

  it('refuses the sheet name History and the table names R and C, whatever their case', async () => {
    const s = createExcelStandin();
    expect(
      await codeOf(
        s.run(async (context) => {
          context.workbook.worksheets.add('history');
          await context.sync();
        }),
      ),
    ).toBe('InvalidArgument');
    for (const [i, name] of ['R', 'c', 'RC', 'R1C1'].entries())
      expect(
        await codeOf(
          s.run(async (context) => {
            const ws = context.workbook.worksheets.getItem('Sheet1');
            // A table added before its name is refused stays: each goes on rows of its own.
            ws.tables.add(`A${3 * i + 1}:B${3 * i + 2}`, true).name = name;
            await context.sync();
          }),
        ),
      ).toBe('InvalidArgument');
  });

  it('adds a header row above a table without headers, shifting its data down one row', async () => {
    const s = createExcelStandin();
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:C3').values = [
        [1, 2, 'ngoài'],
        [3, 4, ''],
        ['dưới', '', ''],
      ];
      ws.tables.add('A1:B2', false);
      await context.sync();
    });
    const v = (a1: string) => s.cell('Sheet1', a1).value;
    expect([v('A1'), v('B1'), v('A2'), v('B2'), v('A3'), v('B3'), v('A4')]).toEqual([
      'Column1',
      'Column2',
      1,
      2,
      3,
      4,
      'dưới',
    ]);
    expect(v('C1')).toBe('ngoài');
    expect(s.tables()[0]!.rect).toEqual({ r0: 0, c0: 0, r1: 2, c1: 1 });
  });

  it('refuses a table over another table or a merge (MergedRangeConflict), and a Range argument below ExcelApi 1.3', async () => {
    const s = createExcelStandin();
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      ws.tables.add('A1:B3', true);
      ws.getRange('E1:F1').merge(false);
      await context.sync();
    });
    for (const address of ['B2:C4', 'E1:E3'])
      expect(
        await codeOf(
          s.run(async (context) => {
            context.workbook.worksheets.getItem('Sheet1').tables.add(address, true);
            await context.sync();
          }),
        ),
      ).toBe('MergedRangeConflict');
    s.apiVersion = '1.2';
    expect(
      await codeOf(
        s.run(async (context) => {
          const ws = context.workbook.worksheets.getItem('Sheet1');
          ws.tables.add(ws.getRange('H1:I3'), true);
          await context.sync();
        }),
      ),
    ).toBe('ApiNotFound');
  });

  it('takes a Range as the source of a list validation, as the reference allows', async () => {
    const s = createExcelStandin();
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:A5').dataValidation.rule = {
        list: { inCellDropDown: true, source: ws.getRange('Z1:Z3') },
      };
      await context.sync();
    });
    expect(s.sheet('Sheet1').validations[0]!.rule).toEqual({
      list: { inCellDropDown: true, source: '=Sheet1!Z1:Z3' },
    });
  });

  it('refuses a validation rule over cells with a different rule, and keeps the same rule', async () => {
    const s = createExcelStandin();
    const rule = (source: string) =>
      s.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1:A5').dataValidation.rule = {
          list: { inCellDropDown: true, source },
        };
        await context.sync();
      });
    await rule('a,b');
    await rule('a,b');
    expect(await codeOf(rule('c,d'))).toBe('InvalidArgument');
    expect(s.sheet('Sheet1').validations).toHaveLength(1);
  });

  it('gives RangeExceedsLimit, or null values, for a get of more than five million cells', async () => {
    const load = (s: ReturnType<typeof createExcelStandin>) =>
      s.run(async (context) => {
        const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:E1000001');
        range.load('values');
        await context.sync();
        return range.values;
      });
    expect(await codeOf(load(createExcelStandin()))).toBe('RangeExceedsLimit');
    expect(await load(createExcelStandin({ overLimitRead: 'null' }))).toBeNull();
  });

  it('takes the page zoom the reference documents: a scale of 10–400 or whole pages, not 0', async () => {
    const s = createExcelStandin();
    const zoom = (value: Excel.PageLayoutZoomOptions) =>
      s.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').pageLayout.zoom = value;
        await context.sync();
      });
    await zoom({ horizontalFitToPages: 1 });
    await zoom({ scale: 80 });
    expect(await codeOf(zoom({ horizontalFitToPages: 1, verticalFitToPages: 0 }))).toBe(
      'InvalidArgument',
    );
    expect(await codeOf(zoom({ scale: 5 }))).toBe('InvalidArgument');
    expect(s.sheet('Sheet1').pageLayout.zoom).toEqual({ scale: 80 });
  });

  it('keeps only the upper-left value of merged cells, and counts worksheets.add', async () => {
    const s = createExcelStandin();
    await s.run(async (context) => {
      context.workbook.worksheets.add('Mới');
      const ws = context.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:B1').values = [['giữ', 'mất']];
      ws.getRange('A1:B1').merge(false);
      await context.sync();
    });
    expect(s.cell('Sheet1', 'A1').value).toBe('giữ');
    expect(s.cell('Sheet1', 'B1').value).toBeNull();
    expect(s.stats.calls['WorksheetCollection.add']).toBe(1);
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
