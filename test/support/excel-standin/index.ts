/**
 * An in-memory stand-in for the subset of the Excel JavaScript API the adapter uses
 * (src/io/excel/), faithful where it matters (docs/excel-adapter.md):
 *
 * - proxies only queue operations; they run, in order, at `context.sync()`;
 * - reading a property that was not loaded and synced throws PropertyNotLoaded, and so does
 *   `isNullObject` before a sync (a sync sets it for every `*OrNullObject` proxy, loaded or not);
 *   loaded values appear only after a successful sync;
 * - every sync is counted; the JSON of each request and response is measured in UTF-8 bytes (in
 *   the shape office.js sends: actions plus object paths) and refused over 5 MB, as Excel on the web
 *   does (RequestPayloadSizeLimitExceeded, ResponsePayloadSizeLimitExceeded);
 * - a failing operation stops the batch; those before it stay applied (Excel does not roll back),
 *   and the error carries code, debugInfo.errorLocation and the trace messages run before it;
 * - assigning values, formulas or number formats whose dimensions differ from the range throws
 *   InvalidArgument; strings are typed as Excel types them ("1.10" becomes 1.1, "2025-02-01" a date,
 *   "=…" a formula, "'…" text); null entries leave the cell as it is;
 * - protected sheets refuse writes into locked cells, formats without the matching permission,
 *   merges, tables, validation and charts (AccessDenied); protect() on a protected sheet and unprotect() on
 *   an unprotected one answer AccessDenied, as recent Excel builds do (OfficeDev/office-js#6784),
 *   and a wrong password BadPassword; workbook structure protection refuses sheet changes;
 * - a very hidden sheet cannot be deleted (OfficeDev/office-js#365); a get of more than five
 *   million cells gives RangeExceedsLimit or null values; tables cannot overlap tables or merges
 *   (MergedRangeConflict); Excel's reserved names (sheet History, tables R and C) are refused;
 * - `*OrNullObject` return null objects, and what is reached through a null object is null too;
 * - members above the configured ExcelApi version throw ApiNotFound, and
 *   `isSetSupported` answers from the same version.
 *
 * There is no calculation engine: a formula cell reads back the value `calculate` gives (none by
 * default, so it reads as empty). Formula results are checked against LibreOffice elsewhere.
 *
 * Where things are, so that a behaviour can be found with its Excel object:
 * - context.ts: RequestContext: the queue, sync (counting, payload sizes, stopping at a failure,
 *   traces) and the ExcelApi version check;
 * - proxy.ts: what every proxy shares (queued sets, calls and loads, PropertyNotLoaded, null
 *   objects); types.ts: the interfaces that let proxies and the context meet without an import cycle;
 * - model.ts: the workbook data the proxies change at sync time, and the protection guard;
 * - workbook.ts (and its structure protection), worksheet.ts (worksheets and their protection),
 *   sheet-layout.ts (freeze panes, page layout), range.ts, format.ts (alignment, sizes, font, fill,
 *   borders, locked cells), tables.ts, validation.ts (data validation, conditional formats),
 *   charts.ts (charts, their series, axes and titles): one Excel object family each;
 * - addresses.ts (A1 addresses, rectangles), cell-input.ts (how typed strings become values),
 *   errors.ts (RichApi.Error).
 * This file is the public face: createExcelStandin and the types tests use.
 */

import { parseRect } from './addresses';
import { Ctx, versionValue } from './context';
import { Book, SheetModel, type StandinCell, type StandinTable, type StandinValue } from './model';
import type { StandinState, StandinStats } from './types';

export { parseRect, rectAddress, type Rect } from './addresses';
export { StandinError } from './errors';
export {
  SheetModel,
  type StandinAxis,
  type StandinCell,
  type StandinChart,
  type StandinSeries,
  type StandinConditionalFormat,
  type StandinTable,
  type StandinValidation,
  type StandinValue,
} from './model';

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface StandinOptions {
  /** Sheets of the new workbook (Excel starts with one). */
  sheets?: string[];
  /** Highest ExcelApi requirement set the host supports (default 1.17). */
  apiVersion?: string;
  /** The value of a formula cell (there is no calculation engine). */
  calculate?: (sheet: string, address: string, formula: string) => StandinValue;
  payloadLimit?: number;
  /**
   * A get of more than 5,000,000 cells: the documented RangeExceedsLimit (default), or `null`
   * values as desktop Excel 2407+ and Excel on the web give (OfficeDev/office-js#4783, #6781).
   */
  overLimitRead?: 'RangeExceedsLimit' | 'null';
  /**
   * Members that fail with the given code, as an Excel build or a workbook may refuse what the
   * reference allows: property sets as "Type.property" ({ 'PageLayout.zoom': 'GeneralException' }),
   * methods as in `stats.calls` ({ 'WorksheetProtection.Unprotect': 'AccessDenied' }).
   */
  refuse?: Record<string, string>;
}

export interface ExcelStandin {
  /** Like Excel.run: a fresh context; queued operations left at the end are synced. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  stats: StandinStats;
  resetStats(): void;
  /** Office.context.requirements.isSetSupported, answering from `apiVersion`. */
  isSetSupported(name: string, version: string): boolean;
  apiVersion: string;
  sheetNames(): string[];
  sheet(name: string): SheetModel;
  tables(): StandinTable[];
  cell(sheet: string, address: string): StandinCell;
  /** What a person typing into a cell does (no protection check): a value, a formula or an error. */
  setCell(sheet: string, address: string, input: { value?: StandinValue; formula?: string }): void;
}

export function createExcelStandin(options: StandinOptions = {}): ExcelStandin {
  const book = new Book();
  for (const name of options.sheets ?? ['Sheet1'])
    book.sheets.push(new SheetModel(book.nextId++, name));
  const state: StandinState = {
    book,
    apiVersion: options.apiVersion ?? '1.17',
    payloadLimit: options.payloadLimit ?? PAYLOAD_LIMIT,
    overLimitRead: options.overLimitRead ?? 'RangeExceedsLimit',
    refuse: options.refuse ?? {},
    stats: { runs: 0, syncs: 0, requestBytes: [], responseBytes: [], calls: {} },
    calc: (sheet, address, formula) => options.calculate?.(sheet, address, formula) ?? null,
  };
  const sheetOf = (name: string) => {
    const s = book.sheets.find((x) => x.name === name);
    if (!s)
      throw new Error(
        `stand-in: no sheet "${name}" (sheets: ${book.sheets.map((x) => x.name).join(', ')})`,
      );
    return s;
  };
  const standin: ExcelStandin = {
    async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      state.stats.runs++;
      const ctx = new Ctx(state);
      const result = await batch(ctx as unknown as Excel.RequestContext);
      if (ctx._queue.length) await ctx.sync();
      return result;
    },
    stats: state.stats,
    resetStats() {
      state.stats.runs = 0;
      state.stats.syncs = 0;
      state.stats.requestBytes.length = 0;
      state.stats.responseBytes.length = 0;
      for (const k of Object.keys(state.stats.calls)) delete state.stats.calls[k];
    },
    isSetSupported(name, version) {
      return name === 'ExcelApi' && versionValue(version) <= versionValue(state.apiVersion);
    },
    get apiVersion() {
      return state.apiVersion;
    },
    set apiVersion(v: string) {
      state.apiVersion = v;
    },
    sheetNames: () => book.sheets.map((s) => s.name),
    sheet: sheetOf,
    tables: () => book.tables,
    cell(sheet, address) {
      const r = parseRect(address);
      return (
        sheetOf(sheet).cell(r.r0, r.c0) ?? {
          value: null,
          numberFormat: 'General',
          locked: true,
          format: {},
        }
      );
    },
    setCell(sheet, address, input) {
      const s = sheetOf(sheet);
      const r = parseRect(address);
      const cell = s.cellOrNew(r.r0, r.c0);
      cell.formula =
        input.formula === undefined ? undefined : `=${input.formula.replace(/^=/, '')}`;
      cell.value = input.value ?? (cell.formula ? state.calc(sheet, address, cell.formula) : null);
      cell.quotePrefix = undefined;
    },
  };
  return standin;
}
