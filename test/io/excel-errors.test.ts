/**
 * Excel's errors in Vietnamese with the sheet and cell, the requirement-set checks and fallbacks,
 * and the adapter's handling of what a person did to the workbook (protection, errors, passwords).
 */
import { describeError } from '../../src/app/errors';
import { createSession, type Host } from '../../src/app/session';
import {
  ExcelError,
  ExcelVersionError,
  OLD_EXCEL_MESSAGE,
  excelErrorToProblems,
  toExcelError,
  traceMessage,
} from '../../src/io/excel/errors';
import { ensureExcelApi, ExcelWorkbook } from '../../src/io/excel/excel-workbook';
import {
  featureLimits,
  NO_INDENT_NOTE,
  NO_PAGE_LAYOUT_NOTE,
  NO_VALIDATION_NOTE,
} from '../../src/io/excel/write-steps';
import { SAMPLE_BLOC, SAMPLE_DATA } from '../../src/sample';
import { SHEETS } from '../../src/workbook/layout';
import { InputError } from '../../src/workbook/problems';
import { unitLayout } from '../../src/workbook/unit-sheet';
import { sheetDifferences } from '../support/excel-blocs';
import { createExcelStandin, StandinError } from '../support/excel-standin';

jest.setTimeout(60_000);

const host: Host = { kind: 'excel', showSheet: async () => {}, download: () => {} };

async function workbook(
  options: {
    apiVersion?: string;
    blockBytes?: number;
    readBytes?: number;
    payloadLimit?: number;
    overLimitRead?: 'RangeExceedsLimit' | 'null';
    refuse?: Record<string, string>;
  } = {},
) {
  const standin = createExcelStandin({
    ...(options.apiVersion ? { apiVersion: options.apiVersion } : {}),
    ...(options.payloadLimit ? { payloadLimit: options.payloadLimit } : {}),
    ...(options.overLimitRead ? { overLimitRead: options.overLimitRead } : {}),
    ...(options.refuse ? { refuse: options.refuse } : {}),
  });
  const notes: string[] = [];
  const excel = new ExcelWorkbook(standin.run, {
    isSetSupported: standin.isSetSupported,
    onNote: (m) => notes.push(m),
    ...(options.blockBytes ? { blockBytes: options.blockBytes } : {}),
    ...(options.readBytes ? { readBytes: options.readBytes } : {}),
  });
  const session = createSession(excel, host);
  return { standin, excel, session, notes };
}

async function setUpSample(options: Parameters<typeof workbook>[0] = {}) {
  const w = await workbook(options);
  await w.session.setUp(SAMPLE_BLOC, SAMPLE_DATA);
  const state = (await w.session.load())!;
  const layout = unitLayout(state.compiled);
  const row = layout.rows.find((r) => r.input === 'points' && r.notes)!;
  return { ...w, state, layout, row };
}

const caught = async (p: Promise<unknown>): Promise<unknown> => {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
};

describe('excelErrorToProblems', () => {
  const error = (code: string, errorLocation: string, traces: string[] = []) => {
    const e = new StandinError(code, 'english message', errorLocation);
    e.traceMessages = traces;
    return e;
  };

  it('names the sheet and the cell from the last trace point, in Vietnamese', () => {
    const e = error('AccessDenied', 'Range.values', [
      traceMessage({ sheet: 'CAT', step: 'tạo trang' }),
      traceMessage({ sheet: 'BCHQS', address: 'G12', step: 'ghi ô nhập' }),
    ]);
    const [p] = excelErrorToProblems(e, { action: 'ghi sổ tính', sheets: ['CAT', 'BCHQS'] });
    expect(p).toMatchObject({ source: 'BCHQS', location: 'ô G12' });
    expect(p!.message).toMatch(/trang "BCHQS", ô G12.*được bảo vệ/);
  });

  it('explains the 5 MB limit, and a range rather than a cell', () => {
    const e = error('RequestPayloadSizeLimitExceeded', 'RequestContext.sync', [
      traceMessage({ sheet: 'Tổng hợp', address: 'A1:GT80', step: 'ghi giá trị' }),
    ]);
    const [p] = excelErrorToProblems(e, { action: 'ghi sổ tính' });
    expect(p!.location).toBe('vùng A1:GT80');
    expect(p!.message).toMatch(/5 MB/);
  });

  it('falls back to the sheets of the action when nothing was traced', () => {
    const [p] = excelErrorToProblems(error('ItemNotFound', 'Worksheet.getRange'), {
      action: 'đọc sổ tính',
      sheets: ['CAT'],
    });
    expect(p).toMatchObject({ source: 'CAT', location: 'trang tính' });
    expect(p!.message).toMatch(/không tìm thấy trang "CAT"/);
  });

  it('turns Excel errors and defects into ExcelErrors, and lets InputErrors through', () => {
    const wrapped = toExcelError(error('GeneralException', 'Range.merge'), {
      action: 'ghi sổ tính',
      partial: true,
    });
    expect(wrapped).toBeInstanceOf(ExcelError);
    expect(wrapped).toBeInstanceOf(InputError);
    expect((wrapped as ExcelError).message).toMatch(/^Excel báo lỗi khi ghi sổ tính — một phần/);
    // The pane's title says who stopped and that part was written, not "invalid data".
    expect(describeError(wrapped).title).toBe('Excel báo lỗi, một phần đã được ghi');
    const plain = new TypeError('x is undefined');
    const bug = toExcelError(plain, { action: 'ghi sổ tính' }) as ExcelError;
    expect(bug.code).toBe('InternalError');
    expect(bug.problems[0]!.message).toMatch(/^lỗi của add-in thidua.*\(x is undefined\)$/);
    expect(bug.cause).toBe(plain);
    expect(describeError(bug).title).toBe('Lỗi của add-in thidua, chưa ghi gì');
    const input = new InputError([]);
    expect(toExcelError(input, { action: 'ghi' })).toBe(input);
  });
});

describe('requirement sets', () => {
  it('refuses Excel older than ExcelApi 1.7 with a Vietnamese message', () => {
    const standin = createExcelStandin({ apiVersion: '1.6' });
    expect(() => ensureExcelApi(standin.isSetSupported)).toThrow(ExcelVersionError);
    expect(
      () => new ExcelWorkbook(standin.run, { isSetSupported: standin.isSetSupported }),
    ).toThrow(OLD_EXCEL_MESSAGE);
    // Why (the set, who lacks it), where the add-in runs, and the way out without installing.
    expect(OLD_EXCEL_MESSAGE).toMatch(
      /^Excel này chưa có ExcelApi 1\.7, bộ lệnh mà add-in Thi đua cần/,
    );
    // Which Office stops where (Microsoft's requirement-set table).
    expect(OLD_EXCEL_MESSAGE).toContain(
      'Office 2016 mua theo giấy phép số lượng lớn chỉ có ExcelApi 1.1',
    );
    expect(OLD_EXCEL_MESSAGE).toContain('Office 2019 dừng ở ExcelApi 1.7');
    expect(OLD_EXCEL_MESSAGE).toContain('Office 2021 ở ExcelApi 1.14');
    expect(OLD_EXCEL_MESSAGE).toContain(
      'Office bán lẻ và Microsoft 365 có bộ lệnh mới nhất khi được cập nhật',
    );
    expect(OLD_EXCEL_MESSAGE).toContain('Microsoft 365, Excel 2021 trở lên và Excel trên web');
    expect(OLD_EXCEL_MESSAGE).toContain('hãy dùng ứng dụng web Thi đua trên cùng tệp sổ tính');
    expect(OLD_EXCEL_MESSAGE.normalize('NFC')).toBe(OLD_EXCEL_MESSAGE);
  });

  it('asks Office.context.requirements by default, and finds nothing without an Office host', () => {
    expect(() => ensureExcelApi()).toThrow(ExcelVersionError);
    const standin = createExcelStandin({ apiVersion: '1.9' });
    const g = globalThis as unknown as { Office?: unknown };
    g.Office = { context: { requirements: { isSetSupported: standin.isSetSupported } } };
    try {
      expect(new ExcelWorkbook(standin.run).features).toEqual({
        validation: true,
        api19: true,
        mergedAreas: false,
      });
    } finally {
      delete g.Office;
    }
  });

  it('on ExcelApi 1.7 skips validation and page layout with a note, and reads the same', async () => {
    const old = await setUpSample({ apiVersion: '1.7' });
    const recent = await setUpSample();
    expect(old.notes.join('\n')).toMatch(/ExcelApi 1\.8/);
    expect(old.notes.join('\n')).toMatch(/ExcelApi 1\.9/);
    expect(recent.notes).toEqual([]);
    // Known before any write, for the pane to say once: the same sentences as the notes.
    expect(old.excel.limits).toEqual([NO_VALIDATION_NOTE, NO_PAGE_LAYOUT_NOTE]);
    // Every note of the write is among them (the page-layout sentence names the indents too).
    expect([...old.notes].sort()).toEqual([...old.excel.limits, NO_INDENT_NOTE].sort());
    expect(recent.excel.limits).toEqual([]);
    expect(old.standin.sheet('CAT').validations).toEqual([]);
    expect(old.standin.sheet('CAT').pageLayout).toEqual({});
    expect(old.state.sheets).toEqual(recent.state.sheets);
    expect(old.state.bloc).toEqual(recent.state.bloc);
    // Merged areas need ExcelApi 1.13: none are reported on older Excel.
    const [a, b] = await Promise.all([old.excel.read(['CAT']), recent.excel.read(['CAT'])]);
    expect(a.sheets[0]!.merges).toEqual([]);
    expect(b.sheets[0]!.merges.sort()).toEqual(['A1:L1', 'A4:B4']);
  });

  it('tells what an Excel with ExcelApi 1.8 leaves out: page setup only', () => {
    expect(featureLimits({ validation: true, api19: false, mergedAreas: false })).toEqual([
      NO_PAGE_LAYOUT_NOTE,
    ]);
    expect(featureLimits({ validation: true, api19: true, mergedAreas: false })).toEqual([]);
  });
});

describe('the adapter in a workbook people have worked in', () => {
  it('reports error values typed or computed in a unit sheet, naming the cells', async () => {
    for (const apiVersion of ['1.17', '1.7']) {
      const { standin, session, row } = await setUpSample({ apiVersion });
      standin.setCell('CAT', `F${row.row}`, { value: { error: '#N/A' } });
      standin.setCell('CAT', `H${row.row}`, { formula: 'F1/0', value: { error: '#DIV/0!' } });
      const e = await caught(session.load());
      expect(e).toBeInstanceOf(InputError);
      const problems = (e as InputError).problems.filter((p) => p.source === 'CAT');
      expect(problems.map((p) => p.location).sort()).toEqual([`ô F${row.row}`, `ô H${row.row}`]);
      expect(problems.find((p) => p.location === `ô H${row.row}`)!.message).toMatch(
        /ô công thức .*#DIV\/0!/,
      );
      expect(problems.find((p) => p.location === `ô F${row.row}`)!.message).toMatch(
        /giá trị lỗi #N\/A/,
      );
    }
  });

  it('writes a locked cell of a protected sheet by unprotecting and protecting again', async () => {
    const { standin, session, state, row } = await setUpSample();
    // Someone locked the input cell F of this row.
    standin.sheet('CAT').cellOrNew(row.row - 1, 5).locked = true;
    standin.resetStats();
    await session.saveUnit(state, { unitCode: 'CAT', entries: { [row.code]: { self: 1 } } });
    expect(standin.cell('CAT', `F${row.row}`).value).toBe(1);
    expect(standin.sheet('CAT').protected).toBe(true);
    expect(standin.stats.syncs).toBe(2);
  });

  it('leaves a sheet unprotected when a person unprotected it', async () => {
    const { standin, session, state, row } = await setUpSample();
    standin.sheet('BCHQS').protected = false;
    await session.saveUnit(state, {
      unitCode: 'BCHQS',
      entries: { [row.code]: { verified: 0.5 } },
    });
    expect(standin.cell('BCHQS', `G${row.row}`).value).toBe(0.5);
    expect(standin.sheet('BCHQS').protected).toBe(false);
  });

  it('says in Vietnamese which sheet has a password, and writes nothing into it', async () => {
    const { standin, session, state, row } = await setUpSample();
    standin.sheet('TAND').password = 'mật khẩu';
    const before = standin.cell('TAND', `G${row.row}`).value;
    const e = await caught(
      session.saveUnit(state, { unitCode: 'TAND', entries: { [row.code]: { verified: 0.5 } } }),
    );
    expect(e).toBeInstanceOf(ExcelError);
    const [p] = (e as ExcelError).problems;
    expect(p!.source).toBe('TAND');
    expect(p!.message).toMatch(/mật khẩu/);
    expect((e as ExcelError).partial).toBe(false);
    expect(standin.cell('TAND', `G${row.row}`).value).toBe(before);
  });

  it('refuses updates of a sheet that is not there, after one look and no write', async () => {
    const { standin, excel } = await setUpSample();
    standin.resetStats();
    const e = await caught(
      excel.write({ replace: [], update: [{ sheet: 'Không có', address: 'F7', value: 1 }] }),
    );
    expect((e as InputError).problems[0]!.message).toBe('không có trang này trong sổ tính.');
    expect(standin.stats.syncs).toBe(1);
  });

  it('reads dates as ISO strings when asked, as serials otherwise', async () => {
    const { excel } = await setUpSample();
    const iso = await excel.read(['CAT'], { dates: true });
    const serial = await excel.read(['CAT'], { dates: false });
    expect(iso.sheets[0]!.values[2]![8]).toBe('2025-12-08');
    expect(serial.sheets[0]!.values[2]![8]).toBe(46000 - 1);
  });
});

describe('payload splitting', () => {
  it('cuts a write into more blocks under a small budget, with the same result', async () => {
    const small = await workbook({ blockBytes: 64 * 1024 });
    const large = await workbook();
    for (const w of [small, large]) {
      w.standin.resetStats();
      await w.session.setUp(SAMPLE_BLOC, SAMPLE_DATA);
    }
    expect(small.standin.stats.syncs).toBeGreaterThan(large.standin.stats.syncs);
    expect(Math.max(...small.standin.stats.requestBytes)).toBeLessThan(64 * 1024);
    const names = small.standin.sheetNames();
    expect(names).toEqual(large.standin.sheetNames());
    const [a, b] = await Promise.all([
      small.excel.read(names.slice(0, 12), { formulas: true, dates: true }),
      large.excel.read(names.slice(0, 12), { formulas: true, dates: true }),
    ]);
    for (const [i, sheet] of a.sheets.entries())
      expect(sheetDifferences(sheet, b.sheets[i]!)).toEqual([]);
  });

  it('reads many sheets in several syncs when they would not fit in one response', async () => {
    const small = await setUpSample({ readBytes: 100 * 1024 });
    const large = await setUpSample();
    for (const w of [small, large]) w.standin.resetStats();
    const [a, b] = [await small.session.load(), await large.session.load()];
    expect(a).toEqual(b);
    expect(small.standin.stats.syncs).toBeGreaterThan(large.standin.stats.syncs);
    expect(Math.max(...small.standin.stats.responseBytes)).toBeLessThan(100 * 1024);
  });

  it('reports a request Excel refuses as too large, in Vietnamese', async () => {
    const w = await workbook({ payloadLimit: 100 * 1024 });
    const e = await caught(w.session.setUp(SAMPLE_BLOC, SAMPLE_DATA));
    expect(e).toBeInstanceOf(ExcelError);
    expect((e as ExcelError).code).toBe('RequestPayloadSizeLimitExceeded');
    expect((e as ExcelError).message).toMatch(/5 MB/);
  });

  it('ranks twice: the generated sheets are rebuilt in place, in the same syncs', async () => {
    const { standin, session } = await setUpSample();
    standin.resetStats();
    await session.rank();
    const first = standin.stats.syncs;
    const order = standin.sheetNames();
    // A sheet a person added after the ranking stays where it is.
    await standin.run(async (context) => {
      context.workbook.worksheets.add('Ghi chú');
      await context.sync();
    });
    standin.resetStats();
    await session.rank();
    expect(standin.stats.syncs).toBe(first);
    expect(standin.sheetNames()).toEqual([...order, 'Ghi chú']);
    expect(standin.tables().filter((t) => t.sheet.name === SHEETS.ranking)).toHaveLength(1);
  });
});

describe('Excel as it really behaves', () => {
  it('rebuilds a very hidden sheet: Excel deletes it only once it is Hidden', async () => {
    const { standin, session } = await setUpSample();
    await session.rank();
    standin.sheet(SHEETS.ranking).visibility = 'VeryHidden';
    const order = standin.sheetNames();
    await session.rank();
    expect(standin.sheetNames()).toEqual(order);
    expect(standin.sheet(SHEETS.ranking).visibility).toBe('Visible');
  });

  it('reads a sheet of more than five million cells as a problem to fix, not as a defect', async () => {
    for (const overLimitRead of ['RangeExceedsLimit', 'null'] as const) {
      const { standin, session } = await setUpSample({ overLimitRead });
      // A stray value far below the data: the used range is then 23 × 300,000 cells.
      standin.setCell('CAT', 'A300000', { value: 'x' });
      const e = await caught(session.load());
      expect(e).toBeInstanceOf(InputError);
      const [p] = (e as InputError).problems;
      expect(p!.source).toBe('CAT');
      expect(p!.message).toMatch(/xóa các dòng thừa ở cuối trang/);
      expect(p!.message).not.toMatch(/lỗi của add-in/);
      expect(describeError(e).title).toBe('Trang tính quá lớn để đọc, chưa ghi gì');
    }
  });

  it('goes on without a print setting Excel refuses, and says so', async () => {
    const refused = await setUpSample({ refuse: { 'PageLayout.zoom': 'GeneralException' } });
    const normal = await setUpSample();
    expect(refused.notes.length).toBeGreaterThan(0);
    expect(refused.notes.every((n) => /thiết lập trang in .*dữ liệu vẫn được ghi đủ/.test(n))).toBe(
      true,
    );
    expect(refused.standin.sheetNames()).toEqual(normal.standin.sheetNames());
    expect(refused.state.sheets).toEqual(normal.state.sheets);
    // Everything after the refused step was written: copies, their cells and protection.
    for (const name of normal.standin.sheetNames()) {
      expect(refused.standin.sheet(name).protected).toBe(normal.standin.sheet(name).protected);
      expect(refused.standin.sheet(name).validations.length).toBe(
        normal.standin.sheet(name).validations.length,
      );
    }
  });

  it('says that part was written when the write fails after a skipped print setting', async () => {
    const e = await caught(
      workbook({
        refuse: {
          'PageLayout.zoom': 'GeneralException',
          'WorksheetProtection.Protect': 'Conflict',
        },
      }).then((w) => w.session.setUp(SAMPLE_BLOC, SAMPLE_DATA)),
    );
    expect(e).toBeInstanceOf(ExcelError);
    expect((e as ExcelError).code).toBe('Conflict');
    expect((e as ExcelError).partial).toBe(true);
  });

  it('finds sheets without regard to case, temporary names included', async () => {
    const { standin, excel, session, row } = await setUpSample();
    await excel.write({
      replace: [],
      update: [{ sheet: 'cat', address: `F${row.row}`, value: 1 }],
    });
    expect(standin.cell('CAT', `F${row.row}`).value).toBe(1);
    const read = await excel.read(['cat']);
    expect(read.sheets.map((s) => s.name)).toEqual(['cat']);
    expect(read.sheets[0]!.values[row.row - 1]![5]).toBe(1);
    // A sheet of a person whose name is a temporary name but for case.
    await standin.run(async (context) => {
      context.workbook.worksheets.add('THIDUA~1');
      await context.sync();
    });
    await session.rank();
    await session.rank();
    expect(standin.sheetNames()).toContain('THIDUA~1');
  });

  it('says the workbook structure is locked before a write that adds or deletes sheets, in the same syncs', async () => {
    const { standin, session, state, row } = await setUpSample();
    standin.resetStats();
    await session.rank();
    const syncs = standin.stats.syncs;
    await standin.run(async (context) => {
      context.workbook.protection.protect();
      await context.sync();
    });
    const order = standin.sheetNames();
    standin.resetStats();
    const e = await caught(session.rank());
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).problems[0]!.message).toMatch(
      /Sổ tính đang khóa cấu trúc: Xem lại → Bảo vệ sổ làm việc/,
    );
    expect((e as InputError).message).not.toMatch(/Bỏ bảo vệ trang/);
    // Not "invalid data": the pane's notice says what stopped the write.
    expect(describeError(e).title).toBe('Sổ tính đang khóa cấu trúc, chưa ghi gì');
    expect(standin.sheetNames()).toEqual(order);
    expect(standin.stats.syncs).toBeLessThanOrEqual(syncs);
    // Cells can still be written: a unit's own column needs no sheet added.
    await session.saveUnit(state, { unitCode: 'CAT', entries: { [row.code]: { self: 1 } } });
    expect(standin.cell('CAT', `F${row.row}`).value).toBe(1);
  });

  it('does not speak of a password when Excel answers AccessDenied to unprotect()', async () => {
    const { standin, session, state, row } = await setUpSample({
      refuse: { 'WorksheetProtection.Unprotect': 'AccessDenied' },
    });
    const before = standin.cell('TAND', `G${row.row}`).value;
    const e = await caught(
      session.saveUnit(state, { unitCode: 'TAND', entries: { [row.code]: { verified: 0.5 } } }),
    );
    expect(e).toBeInstanceOf(ExcelError);
    const [p] = (e as ExcelError).problems;
    expect(p!.source).toBe('TAND');
    expect(p!.message).not.toMatch(/mật khẩu/);
    expect(p!.message).toMatch(/Tải lại/);
    expect(standin.cell('TAND', `G${row.row}`).value).toBe(before);
  });
});
