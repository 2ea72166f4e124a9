/**
 * The workbook port over Office.js (docs/excel-adapter.md). Every call is one Excel.run with a
 * constant number of `context.sync()`: `read` one (per 216 sheets), `write` one to look, then one
 * per block of at most 3 MB (one block for a bloc of 200 units), and one more only when Excel
 * refuses a print setting. Excel errors reach the user in Vietnamese, naming the sheet and the cell.
 */
import type {
  ReadOptions,
  ReadValue,
  SheetData,
  WorkbookPort,
  WorkbookRead,
  WritePlan,
} from '../../workbook/grid';
import { InputError } from '../../workbook/problems';
import { a1Of, isDateFormat, serialToIso } from './cells';
import { sheetFinder, sheetKey } from '../../workbook/layout';
import {
  ExcelVersionError,
  STRUCTURE_PROTECTED,
  STRUCTURE_PROTECTED_TITLE,
  TOO_LARGE,
  TOO_LARGE_TITLE,
  toExcelError,
  traceMessage,
  type ExcelErrorContext,
} from './errors';
import {
  blocksOf,
  featureLimits,
  groupUpdates,
  syncBlock,
  writeSteps,
  type Env,
  type ExistingSheet,
  type Features,
  type UpdateProbe,
} from './write-steps';

/** Runs a batch against Excel: `Excel.run` in the add-in, the stand-in's `run` in tests. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export type IsSetSupported = (name: string, version: string) => boolean;

/** The production runner: waits while the user is editing a cell instead of failing. */
export function excelRunner(): ExcelRunner {
  return (batch) => Excel.run({ delayForCellEdit: true }, batch);
}

/** `Office.context.requirements.isSetSupported`, false outside an Office host. */
export function officeRequirements(): IsSetSupported {
  return (name, version) =>
    typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported(name, version);
}

/**
 * Checks that Excel offers ExcelApi 1.7 (copy of sheets, tab colours, frozen panes, protection with
 * options) and tells which later sets it has. Throws ExcelVersionError, in Vietnamese, on older Excel.
 */
export function ensureExcelApi(isSetSupported: IsSetSupported = officeRequirements()): Features {
  if (!isSetSupported('ExcelApi', '1.7')) throw new ExcelVersionError('ExcelApi 1.7');
  return {
    validation: isSetSupported('ExcelApi', '1.8'),
    api19: isSetSupported('ExcelApi', '1.9'),
    mergedAreas: isSetSupported('ExcelApi', '1.13'),
  };
}

export interface ExcelWorkbookOptions {
  /** Defaults to Office.context.requirements.isSetSupported. */
  isSetSupported?: IsSetSupported;
  /** Estimated bytes queued per sync when writing (Excel on the web refuses requests over 5 MB). */
  blockBytes?: number;
  /** Estimated response bytes per sync when reading (Excel on the web refuses over 5 MB). */
  readBytes?: number;
  /** Told when a feature is skipped on an older Excel (in Vietnamese, once per message). */
  onNote?: (message: string) => void;
}

/** Default block budget: well under the 5 MB limit, leaving room for the estimate's error. */
export const BLOCK_BYTES = 3 * 1024 * 1024;
/** Default read budget per sync (estimated with SHEET_READ_BYTES). */
export const READ_BYTES = 3.9 * 1024 * 1024;

/**
 * Response bytes of one sheet in a read, estimated for the largest sheets read in bulk (unit
 * sheets: ~75 rows × 23 columns, half of them formulas whose results are numbers of up to 17
 * digits). A read loads as many sheets per sync as fit in `readBytes` (3.9 MB by default).
 */
export const SHEET_READ_BYTES = { values: 18 * 1024, formulas: 18 * 1024, numberFormat: 14 * 1024 };

/**
 * Reads of at most this many sheets also load number formats, to return dates as ISO strings
 * (ReadOptions.dates): a unit sheet's formats weigh as much as its values (~14 KB).
 */
export const DATE_SHEETS = 24;

interface ErrorQuery {
  areas: Excel.RangeAreas;
  /** Formula cells: their formulas are loaded too. */
  formulas: boolean;
}

export class ExcelWorkbook implements WorkbookPort {
  readonly features: Features;
  /** What writes on this Excel leave out (featureLimits), known at construction: [] on recent Excel. */
  readonly limits: readonly string[];
  /** Features skipped on this Excel, as told to the user. */
  readonly notes: string[] = [];
  private readonly blockBytes: number;
  private readonly readBytes: number;
  private readonly onNote: ((message: string) => void) | undefined;

  constructor(
    private readonly runner: ExcelRunner,
    options: ExcelWorkbookOptions = {},
  ) {
    this.features = ensureExcelApi(options.isSetSupported);
    this.limits = featureLimits(this.features);
    this.blockBytes = options.blockBytes ?? BLOCK_BYTES;
    this.readBytes = options.readBytes ?? READ_BYTES;
    this.onNote = options.onNote;
  }

  private note(message: string) {
    if (this.notes.includes(message)) return;
    this.notes.push(message);
    this.onNote?.(message);
  }

  /** Every Excel.run goes through here: Excel errors become ExcelErrors in Vietnamese. */
  private async run<T>(
    context: ExcelErrorContext,
    batch: (ctx: Excel.RequestContext) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.runner(batch);
    } catch (e) {
      throw toExcelError(e, context);
    }
  }

  /** Brings a sheet to the front (the pane's "show this unit"), with Excel's errors in Vietnamese. */
  async showSheet(name: string): Promise<void> {
    await this.run({ action: 'mở trang tính', sheets: [name] }, async (context) => {
      context.workbook.worksheets.getItem(name).activate();
      await context.sync();
    });
  }

  async read(names: readonly string[], options: ReadOptions = {}): Promise<WorkbookRead> {
    const wanted = [...new Set(names)];
    const f = this.features;
    const dates = options.dates ?? wanted.length <= DATE_SHEETS;
    const perSheet =
      SHEET_READ_BYTES.values +
      (options.formulas ? SHEET_READ_BYTES.formulas : 0) +
      (dates ? SHEET_READ_BYTES.numberFormat : 0);
    const perSync = Math.max(1, Math.floor(this.readBytes / perSheet));
    const groups: string[][] = [];
    for (let i = 0; i < wanted.length; i += perSync) groups.push(wanted.slice(i, i + perSync));
    const errorContext: ExcelErrorContext = { action: 'đọc sổ tính', sheets: wanted };
    return this.run(errorContext, async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name');
      const sheets: SheetData[] = [];
      let sheetNames: string[] | undefined;
      // One sync for up to `perSync` sheets (216 unit sheets): a bloc of 200 units reads in one.
      for (const group of groups.length ? groups : [[]]) {
        const queued = group.map((name) => {
          context.trace(traceMessage({ sheet: name, step: 'đọc trang' }));
          return queueSheetRead(worksheets, name, options, dates, f);
        });
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ~4 MB of sheets, not per sheet
        await context.sync();
        sheetNames ??= worksheets.items.map((w) => w.name);
        const present = sheetFinder(sheetNames);
        for (const q of queued) {
          if (!present(q.name)) continue;
          if (q.used.isNullObject) {
            sheets.push({ name: q.name, values: [], formulas: [], merges: [] });
            continue;
          }
          // Over five million cells, desktop Excel gives null values instead of an error.
          if (q.used.values === null)
            throw new InputError(
              [{ source: q.name, location: 'trang tính', message: TOO_LARGE }],
              TOO_LARGE_TITLE,
            );
          sheets.push(
            sheetData(q.name, q.used, q.errors, q.merged, {
              formulas: !!options.formulas,
              dates,
              errorsFromText: !f.api19,
            }),
          );
        }
      }
      return { sheetNames: sheetNames ?? [], sheets };
    });
  }

  async write(plan: WritePlan): Promise<void> {
    if (!plan.replace.length && !plan.update.length) return;
    const sheets = [
      ...new Set([...plan.replace.map((s) => s.name), ...plan.update.map((u) => u.sheet)]),
    ];
    const errorContext: ExcelErrorContext = { action: 'ghi sổ tính', sheets };
    await this.run(errorContext, async (context) => {
      // First sync: the sheets there are, and what the updated sheets' cells allow.
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name,items/position,items/visibility');
      // Sheets are added, deleted, renamed, moved or hidden only by a write that replaces some.
      const structure = plan.replace.length ? context.workbook.protection : undefined;
      structure?.load('protected');
      const replaced = sheetFinder(plan.replace.map((s) => s.name));
      const probes: UpdateProbe[] = groupUpdates(plan.update.filter((u) => !replaced(u.sheet))).map(
        (g) => {
          const ws = worksheets.getItemOrNullObject(g.sheet);
          ws.load('protection/protected,protection/options');
          return {
            sheet: g.sheet,
            ws,
            runs: g.runs.map((run) => {
              const range = ws.getRange(a1Of(run.rect));
              range.load('format/protection/locked');
              if (run.dates.some((row) => row.some(Boolean))) range.load('numberFormat');
              return { ...run, range };
            }),
          };
        },
      );
      await context.sync();

      if (structure?.protected)
        throw new InputError([STRUCTURE_PROTECTED], STRUCTURE_PROTECTED_TITLE);
      const existing = new Map<string, ExistingSheet>(
        worksheets.items.map((ws) => [
          sheetKey(ws.name),
          { ws, position: ws.position, visibility: ws.visibility },
        ]),
      );
      const missing = probes.filter((p) => !existing.has(sheetKey(p.sheet)));
      if (missing.length)
        throw new InputError(
          missing.map((p) => ({
            source: p.sheet,
            location: 'trang tính',
            message: 'không có trang này trong sổ tính.',
          })),
        );
      const steps = writeSteps({
        plan,
        existing,
        probes,
        features: this.features,
        note: (m) => this.note(m),
      });
      const env: Env = { ctx: context, sheets: new Map() };
      // One sync per block of at most `blockBytes`: a bloc of 200 units fits in one; the count
      // grows with megabytes written, never with the number of units, cells or operations.
      for (const block of blocksOf(steps, this.blockBytes)) {
        await syncBlock(
          env,
          block,
          (m) => this.note(m),
          () => (errorContext.partial = true),
        );
        errorContext.partial = true;
      }
    });
  }
}

interface SheetRead {
  name: string;
  used: Excel.Range;
  errors: ErrorQuery[];
  merged: Excel.RangeAreas | undefined;
}

/** Queues the loads of one sheet's used range (values only: see SHEET_READ_BYTES). */
function queueSheetRead(
  worksheets: Excel.WorksheetCollection,
  name: string,
  options: ReadOptions,
  dates: boolean,
  f: Features,
): SheetRead {
  const used = worksheets.getItemOrNullObject(name).getUsedRangeOrNullObject(true);
  used.load('values,rowIndex,columnIndex');
  if (options.formulas) used.load('formulas');
  if (dates) used.load('numberFormat');
  const errors: ErrorQuery[] = [];
  if (f.api19) {
    // Error cells only (usually none): a broken formula is told from a typed error value.
    const inFormulas = used.getSpecialCellsOrNullObject('Formulas', 'Errors');
    inFormulas.load(
      'areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount,areas/items/formulas',
    );
    const typed = used.getSpecialCellsOrNullObject('Constants', 'Errors');
    typed.load(
      'areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount',
    );
    errors.push({ areas: inFormulas, formulas: true }, { areas: typed, formulas: false });
  }
  let merged: Excel.RangeAreas | undefined;
  if (f.mergedAreas) {
    merged = used.getMergedAreasOrNullObject();
    merged.load(
      'areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount',
    );
  }
  return { name, used, errors, merged };
}

/** What Excel shows in a cell with an error value. */
const ERROR_TEXTS = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
]);

/** A used range read back → the port's SheetData, padded so that values[0][0] is A1. */
function sheetData(
  name: string,
  used: Excel.Range,
  errors: readonly ErrorQuery[],
  merged: Excel.RangeAreas | undefined,
  loaded: { formulas: boolean; dates: boolean; errorsFromText: boolean },
): SheetData {
  const top = used.rowIndex;
  const left = used.columnIndex;
  const raw = used.values as unknown[][];
  // Excel gives "" for an empty cell; the port says null.
  const values: ReadValue[][] = raw.map((row) =>
    row.map((v) => (v === '' || v === null || v === undefined ? null : (v as ReadValue))),
  );
  const formulas: (string | undefined)[][] = loaded.formulas
    ? (used.formulas as unknown[][]).map((row) =>
        row.map((f) => (typeof f === 'string' && f.startsWith('=') ? f.slice(1) : undefined)),
      )
    : values.map((row) => Array<string | undefined>(row.length).fill(undefined));
  if (loaded.dates) {
    const formats = used.numberFormat as unknown[][];
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        const format = formats[r]?.[c];
        if (typeof v === 'number' && typeof format === 'string' && isDateFormat(format))
          row[c] = serialToIso(v) ?? v;
      }),
    );
  }
  // Without special cells (ExcelApi 1.9, desktop Excel 2016/2019 only), an error is told by its
  // text: valueTypes would double the response. Only text typed as '#N/A (with the apostrophe)
  // would be taken for an error.
  if (loaded.errorsFromText)
    values.forEach((row) =>
      row.forEach((v, c) => {
        if (typeof v === 'string' && ERROR_TEXTS.has(v)) row[c] = { error: v };
      }),
    );
  for (const q of errors) {
    if (q.areas.isNullObject) continue;
    for (const area of q.areas.areas.items) {
      const r0 = area.rowIndex - top;
      const c0 = area.columnIndex - left;
      const areaFormulas = q.formulas ? (area.formulas as unknown[][]) : undefined;
      for (let i = 0; i < area.rowCount; i++)
        for (let j = 0; j < area.columnCount; j++) {
          const r = r0 + i;
          const c = c0 + j;
          if (!values[r]) continue;
          values[r]![c] = { error: String(raw[r]?.[c] ?? '#VALUE!') };
          const f = areaFormulas?.[i]?.[j];
          if (typeof f === 'string' && f.startsWith('=')) formulas[r]![c] = f.slice(1);
        }
    }
  }
  const merges: string[] = [];
  if (merged && !merged.isNullObject)
    for (const area of merged.areas.items)
      merges.push(
        a1Of({
          r0: area.rowIndex,
          c0: area.columnIndex,
          r1: area.rowIndex + area.rowCount - 1,
          c1: area.columnIndex + area.columnCount - 1,
        }),
      );
  const pad = <T>(grid: T[][], fill: T): T[][] => [
    ...Array.from({ length: top }, () => [] as T[]),
    ...grid.map((row) => [...Array<T>(left).fill(fill), ...row]),
  ];
  return { name, values: pad(values, null), formulas: pad(formulas, undefined), merges };
}
