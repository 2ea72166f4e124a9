/**
 * The Office.js adapter through the task pane's session, on the Excel stand-in: every action costs
 * the same number of syncs for 5 and for 200 units (at most 4), every request and response stays
 * under 4 MB, and the workbook holds what the file adapter writes for the same plan.
 */
import { createSession, type Host, type Session } from '../../src/app/session';
import {
  planGeneratedSheets,
  planNewWorkbook,
  type WorkbookState,
} from '../../src/app/workbook-actions';
import { ExcelWorkbook } from '../../src/io/excel/excel-workbook';
import { XlsxWorkbook } from '../../src/io/xlsx/xlsx-workbook';
import { GENERATED_SHEETS, SHEETS, TABLES } from '../../src/workbook/layout';
import { UNIT, unitLayout, unitSheetCells } from '../../src/workbook/unit-sheet';
import { blocOfSize, sheetDifferences, type BlocCase } from '../support/excel-blocs';
import {
  createExcelStandin,
  parseRect,
  rectAddress,
  type ExcelStandin,
} from '../support/excel-standin';

jest.setTimeout(180_000);

const host: Host = { kind: 'excel', showSheet: async () => {}, download: () => {} };
const MB4 = 4 * 1024 * 1024;
/** The unit added last, after every other action. */
const NEW_UNIT = { code: 'MOI', name: 'Đơn vị mới', role: 'thanh-vien' as const };
const ACTIONS = [
  'setUp',
  'load',
  'saveUnit',
  'saveUnitVerified',
  'rank',
  'saveSettings',
  'addUnits',
] as const;
type ActionName = (typeof ACTIONS)[number];

interface Cost {
  calls: Record<string, number>;
  syncs: number;
  maxRequest: number;
  maxResponse: number;
  totalRequest: number;
}

/** The edits of the run: a unit's own score and evidence, then the bloc's verified score. */
function edits(state: WorkbookState) {
  const layout = unitLayout(state.compiled);
  const row = layout.rows.find((r) => r.input === 'points' && r.notes && r.max !== undefined)!;
  return {
    code: row.code,
    row: row.row,
    self: {
      unitCode: state.bloc.units[0]!.code,
      // Evidence that Excel would turn into a date if typed as is.
      entries: { [row.code]: { self: row.max! / 2, evidence: '01/12/2025' } },
      status: 'da-nop' as const,
      submittedAt: '2025-12-09',
    },
    verified: {
      unitCode: state.bloc.units[1]!.code,
      entries: { [row.code]: { verified: row.max! / 4, reason: 'Thiếu biên bản kiểm tra' } },
      status: 'da-tham-dinh' as const,
    },
  };
}

interface Run {
  bloc: BlocCase;
  costs: Record<ActionName, Cost>;
  standin: ExcelStandin;
  excel: ExcelWorkbook;
  xlsx: XlsxWorkbook;
  state: WorkbookState;
  after: WorkbookState;
  xlsxAfter: WorkbookState;
}

async function runAll(n: number): Promise<Run> {
  const bloc = blocOfSize(n);
  // Formula cells read back as 0.3333333333333333: the longest number Excel returns, so that the
  // measured responses are an upper bound (the stand-in does not calculate).
  const standin = createExcelStandin({ calculate: () => 1 / 3 });
  const excel = new ExcelWorkbook(standin.run, { isSetSupported: standin.isSetSupported });
  const xlsx = XlsxWorkbook.empty();
  const sessions: [Session, Session] = [createSession(excel, host), createSession(xlsx, host)];
  const costs = {} as Record<ActionName, Cost>;
  const measure = async <T>(name: ActionName, action: (s: Session) => Promise<T>): Promise<T> => {
    standin.resetStats();
    const result = await action(sessions[0]);
    const { syncs, requestBytes, responseBytes } = standin.stats;
    costs[name] = {
      calls: { ...standin.stats.calls },
      syncs,
      maxRequest: Math.max(...requestBytes),
      maxResponse: Math.max(...responseBytes),
      totalRequest: requestBytes.reduce((a, b) => a + b, 0),
    };
    await action(sessions[1]);
    return result;
  };
  await measure('setUp', (s) => s.setUp(bloc.bloc, bloc.data));
  const state = (await measure('load', (s) => s.load()))!;
  const e = edits(state);
  const xlsxState = (await sessions[1].load())!;
  await measure('saveUnit', (s) => s.saveUnit(s === sessions[0] ? state : xlsxState, e.self));
  await measure('saveUnitVerified', (s) =>
    s.saveUnit(s === sessions[0] ? state : xlsxState, e.verified),
  );
  await measure('rank', (s) => s.rank());
  await measure('saveSettings', (s) =>
    s.saveSettings(s === sessions[0] ? state : xlsxState, {
      ...state.bloc.settings,
      quotaPreset: 'quan-doi',
    }),
  );
  await measure('addUnits', (s) => s.addUnits([NEW_UNIT]));
  const after = (await sessions[0].load())!;
  const xlsxAfter = (await sessions[1].load())!;
  return { bloc, costs, standin, excel, xlsx, state, after, xlsxAfter };
}

const runs = new Map<number, Run>();
beforeAll(async () => {
  for (const n of [5, 200]) runs.set(n, await runAll(n));
  if (process.env.EXCEL_STATS)
    console.info(
      JSON.stringify(Object.fromEntries([...runs].map(([n, r]) => [n, r.costs])), null, 1),
    );
});
const run = (n: number) => runs.get(n)!;

describe('sync budget and payload', () => {
  it.each(ACTIONS)('%s costs the same syncs for 5 and 200 units, at most 4', (action) => {
    const small = run(5).costs[action];
    const large = run(200).costs[action];
    expect(large.syncs).toBe(small.syncs);
    expect(large.syncs).toBeLessThanOrEqual(4);
    expect(large.syncs).toBeGreaterThan(0);
  });

  it.each(ACTIONS)('%s keeps every request and response under 4 MB for 200 units', (action) => {
    const { maxRequest, maxResponse } = run(200).costs[action];
    expect(maxRequest).toBeLessThan(MB4);
    expect(maxResponse).toBeLessThan(MB4);
  });

  it('spends what the design says: load 3 reads, rank 2 reads + a write in one block', () => {
    const c = run(200).costs;
    expect(c.setUp.syncs).toBe(3); // names, then look + one block
    expect(c.load.syncs).toBe(3); // names, configuration & co., unit sheets
    expect(c.rank.syncs).toBe(4);
    expect(c.saveUnit.syncs).toBe(2);
    expect(c.saveUnitVerified.syncs).toBe(2);
    expect(c.saveSettings.syncs).toBe(2);
    expect(c.addUnits.syncs).toBe(3); // names and configuration, then look + one block
  });

  it('creates the unit sheets after the first by copying it, and changes only their cells', () => {
    expect(run(5).costs.setUp.calls['Worksheet.Copy']).toBe(4);
    expect(run(200).costs.setUp.calls['Worksheet.Copy']).toBe(199);
    const b = run(200).bloc;
    const protectedSheets = planNewWorkbook(b.bloc, b.data).filter((s) => s.protect).length;
    expect(run(200).costs.setUp.calls['WorksheetProtection.Protect']).toBe(protectedSheets);
  });

  it('unprotects only to write locked cells (the verified column), and protects again', () => {
    for (const n of [5, 200]) {
      const c = run(n).costs;
      expect(c.saveUnit.calls['WorksheetProtection.Unprotect']).toBeUndefined();
      expect(c.saveUnitVerified.calls['WorksheetProtection.Unprotect']).toBe(1);
      expect(c.saveUnitVerified.calls['WorksheetProtection.Protect']).toBe(1);
    }
  });
});

describe.each([5, 200])('the workbook written for %i units', (n) => {
  it('reads back the same state through both adapters', () => {
    const { after, xlsxAfter } = run(n);
    expect(after.sheets).toEqual(xlsxAfter.sheets);
    expect(after.submissions).toEqual(xlsxAfter.submissions);
    expect(after.bloc).toEqual(xlsxAfter.bloc);
    expect(after.people).toEqual(xlsxAfter.people);
    expect(after.bloc.settings.quotaPreset).toBe('quan-doi');
  });

  it('holds the formulas and values the file adapter writes', async () => {
    const { excel, xlsx, bloc } = run(n);
    const units = bloc.bloc.units.map((u) => u.code);
    const names = [
      SHEETS.config,
      ...new Set([units[0]!, units[1]!, units[2]!, units[units.length - 1]!]),
      SHEETS.people,
      ...GENERATED_SHEETS,
    ];
    const [a, b] = await Promise.all([
      excel.read(names, { formulas: true, dates: true }),
      xlsx.read(names),
    ]);
    expect(a.sheets.map((s) => s.name)).toEqual(names);
    expect(b.sheets.map((s) => s.name)).toEqual(names);
    for (const [i, sheet] of a.sheets.entries())
      expect(sheetDifferences(sheet, b.sheets[i]!)).toEqual([]);
    expect(a.sheetNames.filter((s) => s !== 'Sheet1')).toEqual(b.sheetNames);
  });

  it('keeps the unit totals as live formulas and the ranking rows in order', async () => {
    const { excel, xlsx, state } = run(n);
    const cells = unitSheetCells(state.compiled);
    const unit = state.bloc.units[0]!.code;
    const at = (a1: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
      let c = 0;
      for (const ch of m[1]!) c = c * 26 + ch.charCodeAt(0) - 64;
      return [Number(m[2]) - 1, c - 1] as const;
    };
    const [a, b] = await Promise.all([
      excel.read([unit, SHEETS.ranking], { formulas: true }),
      xlsx.read([unit, SHEETS.ranking]),
    ]);
    for (const cell of [cells.selfTotal, cells.verifiedTotal, cells.knockedOut]) {
      const [r, c] = at(cell);
      expect(a.sheets[0]!.formulas[r]![c]).toBeTruthy();
      expect(a.sheets[0]!.formulas[r]![c]).toBe(b.sheets[0]!.formulas[r]![c]);
    }
    // Ranking rows: the same unit in each row, the same formulas for its totals.
    const ra = a.sheets[1]!;
    const rb = b.sheets[1]!;
    expect(ra.values.length).toBe(rb.values.length);
    expect(ra.values.length).toBeGreaterThan(n);
    expect(sheetDifferences(ra, rb)).toEqual([]);
  });

  it('draws the ranking chart the file adapter writes, once, rebuilt with the sheet', async () => {
    const { standin, xlsx, excel } = run(n);
    // Ranked again (with the unit added last): the rebuilt sheet comes with its own chart, the old
    // one went with its sheet.
    await createSession(excel, host).rank();
    const outcome = await createSession(xlsx, host).rank();
    const charts = standin.sheet(SHEETS.ranking).charts;
    expect(charts).toHaveLength(1);
    const [chart] = charts;
    // The chart the rank planned (the same plan both adapters wrote).
    const [spec] = planGeneratedSheets(outcome).find((s) => s.name === SHEETS.ranking)!.charts;
    expect(chart!.type).toBe('BarClustered');
    expect(chart!.series).toHaveLength(1);
    const series = chart!.series[0]!;
    expect(series.name).toBe(spec!.chart.seriesName);
    expect(rectAddress(series.values)).toBe(spec!.values);
    expect(rectAddress(series.categories!)).toBe(spec!.categories);
    expect(spec!.chart.bars).toHaveLength(n + 1);
    expect(Object.values(series.pointColors)).toEqual(
      spec!.chart.bars.map((b) => `#${b.color.slice(2)}`),
    );
    expect(chart!.axes.category.reversePlotOrder).toBe(true);
    expect(chart!.title).toBe(`${spec!.chart.title}\nNgưỡng xếp loại: Xuất sắc ≥ 91; Tốt ≥ 70`);
    expect(chart!.legendVisible).toBe(false);
    const [from, to] = spec!.anchor.split(':');
    expect(chart!.position).toEqual({ from: parseRect(from!), to: parseRect(to!) });
    expect(standin.sheet(SHEETS.ranking).pageBreaks).toEqual([parseRect(from!).r0]);
  });

  it('formats, protects and lays out the sheets as the file adapter does', () => {
    const { standin, state } = run(n);
    const unit = state.bloc.units[2]!.code;
    const sheet = standin.sheet(unit);
    const layout = unitLayout(state.compiled);
    expect(sheet.protected).toBe(true);
    expect(sheet.freeze).toEqual({ rows: UNIT.headerRow, columns: UNIT.col.text });
    expect(sheet.hiddenColumns.has(UNIT.col.kind - 1)).toBe(true);
    expect(sheet.pageLayout).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      printTitleRows: `$${UNIT.headerRow}:$${UNIT.headerRow}`,
    });
    expect(sheet.validations.length).toBeGreaterThan(5);
    const input = standin.cell(unit, `F${layout.firstRow + 1}`);
    const verified = standin.cell(unit, `G${layout.firstRow + 1}`);
    expect(input.locked).toBe(false);
    expect(verified.locked).toBe(true);
    expect(standin.cell(unit, 'I3').numberFormat).toBe('dd/mm/yyyy');
    expect(standin.cell(unit, `H${layout.totalRow}`).numberFormat).toBe('0.00');
    expect(standin.cell(unit, 'A1').format['font.name']).toBe('Times New Roman');
    const config = standin.sheet(SHEETS.config);
    expect(config.visibility).toBe('Hidden');
    expect(config.protected).toBe(true);
    expect(
      standin
        .tables()
        .map((t) => t.name)
        .sort(),
    ).toEqual(Object.values(TABLES).sort());
    expect(standin.sheet(SHEETS.ranking).conditionalFormats[0]!.type).toBe('DataBar');
  });

  it('writes the edits: text kept as typed, dates as dates, the verified column re-protected', () => {
    const { standin, state } = run(n);
    const e = edits(state);
    const own = standin.cell(e.self.unitCode, `K${e.row}`);
    expect(own.value).toBe('01/12/2025');
    expect(standin.cell(e.self.unitCode, `F${e.row}`).value).toBe(e.self.entries[e.code]!.self);
    const date = standin.cell(e.self.unitCode, 'I3');
    expect(date.value).toBe(46000); // 2025-12-09
    expect(date.numberFormat).toBe('dd/mm/yyyy');
    const other = standin.sheet(e.verified.unitCode);
    expect(standin.cell(e.verified.unitCode, `G${e.row}`).value).toBe(
      e.verified.entries[e.code]!.verified,
    );
    expect(standin.cell(e.verified.unitCode, `L${e.row}`).value).toBe('Thiếu biên bản kiểm tra');
    expect(other.protected).toBe(true);
    expect(other.protectionOptions).toMatchObject({ allowFormatColumns: true, allowSort: true });
  });
});
