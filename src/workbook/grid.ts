/**
 * The workbook as plain data. Layout functions in `src/workbook/` produce `SheetSpec`s and read
 * `SheetData`; the adapters (`src/io/xlsx/` on ExcelJS, `src/io/excel/` on Office.js) apply and
 * read them. Nothing here knows which adapter runs it.
 */
import type { RankingChart } from '../core/ranking/chart';
import { LOOK, type Look } from './presentation';

/** A value as stored in a cell. Dates are ISO strings (YYYY-MM-DD) on both sides of the port. */
export type CellValue = string | number | boolean | null;

/** A cell as read back: a value, or an error such as #REF! (a formula that points nowhere). */
export type ReadValue = CellValue | { error: string };

export interface CellSpec {
  /** The value; for a formula cell, the value the toolkit computed (cached result). */
  v?: CellValue;
  /** Formula without the leading '=' (A1 references, English function names). */
  f?: string;
}

export interface RangeStyle {
  /** A1 range on this sheet, e.g. "A5:J5". */
  range: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  /** ARGB hex, e.g. "FFDDEBF7". */
  fill?: string;
  numberFormat?: string;
  wrap?: boolean;
  hAlign?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'middle' | 'bottom';
  indent?: number;
  border?: boolean;
  /** false unlocks the cells (input cells of a protected sheet). */
  locked?: boolean;
}

export interface Validation {
  range: string;
  type: 'decimal' | 'whole' | 'list' | 'date';
  min?: number;
  max?: number;
  /** For `list`. */
  list?: string[];
  /** Vietnamese text shown when a value is refused. */
  error: string;
  prompt?: string;
}

export interface TableSpec {
  /** Stable name (ListObject), used by structured references. */
  name: string;
  /** Header row included, e.g. "A4:K13". */
  range: string;
}

export interface DataBar {
  range: string;
  /** ARGB hex. */
  color: string;
}

/**
 * A clustered bar chart over cells of its sheet: the chart's description (labels and values as the
 * run computed them, which a file's chart keeps as its cache), the cells it reads, and where it sits.
 */
export interface ChartSpec {
  chart: RankingChart;
  /** The bar labels, one column, e.g. "C5:C64". */
  categories: string;
  /** The values, the same rows, e.g. "E5:E64". */
  values: string;
  /** The cell that names the series: the values' header, e.g. "E4". */
  seriesName: string;
  /** The cells the chart covers, top-left to bottom-right, e.g. "A67:I98". */
  anchor: string;
}

export type SheetRole = 'config' | 'unit' | 'people' | 'generated';

export interface SheetSpec {
  name: string;
  role: SheetRole;
  /** Rows from A1. */
  cells: CellSpec[][];
  merges: string[];
  /** Character widths of columns A, B, … */
  columnWidths: number[];
  /**
   * Heights (points) of the rows whose wrapped text needs more than one line, by 1-based row, as
   * `estimateRowHeights` (row-heights.ts) gives them; other rows keep the automatic height.
   */
  rowHeights: Record<number, number>;
  /** Columns hidden from people (helper columns of formulas), by 1-based index. */
  hiddenColumns: number[];
  frozen: { rows: number; columns: number };
  styles: RangeStyle[];
  validations: Validation[];
  tables: TableSpec[];
  dataBars: DataBar[];
  /** Charts, drawn over the cells; rebuilt with the sheet. */
  charts: ChartSpec[];
  /** Protect the sheet: every cell not unlocked by a style is read-only. */
  protect: boolean;
  hidden: boolean;
  print: {
    landscape: boolean;
    fitToWidth: boolean;
    titleRows?: [number, number];
    /** Rows that start a new printed page (manual page breaks above them), 1-based. */
    breaksBefore?: number[];
  };
  tabColor?: string;
  /** Font, table style, borders, protection options, page: `LOOK` (presentation.ts). */
  look: Look;
}

/** A sheet as read from a workbook: its used range from A1. */
export interface SheetData {
  name: string;
  values: ReadValue[][];
  /** The formula of each cell (without '='), where it has one. */
  formulas: (string | undefined)[][];
  /** Merged ranges, where the adapter can tell. */
  merges: string[];
}

/** An edit of input cells of one sheet (import, a form in the task pane). */
export interface CellUpdate {
  sheet: string;
  /** A1 address. */
  address: string;
  value: CellValue;
}

/** Everything one action writes, applied in one batch by an adapter. */
export interface WritePlan {
  /** Sheets created or rebuilt whole (generated sheets, new unit sheets, the configuration). */
  replace: SheetSpec[];
  /** Input cells changed in place. */
  update: CellUpdate[];
}

/** What one read returns: every sheet name, and the requested sheets that exist. */
export interface WorkbookRead {
  sheetNames: string[];
  sheets: SheetData[];
}

/** What a read returns besides values (optional: the readers need values only). */
export interface ReadOptions {
  /**
   * Every cell's formula. Without it an adapter may give formulas only where it cheaply can: the
   * file adapter always gives them all, the Office.js adapter only for cells showing an error (all
   * formulas of 200 unit sheets would not fit in one response of Excel on the web).
   */
  formulas?: boolean;
  /**
   * Return dates as ISO strings (cells with a date number format). The file adapter always does;
   * the Office.js adapter needs every cell's number format for it, as large as the values, so by
   * default it does so only for reads of a few sheets (the configuration, the people list, the
   * generated sheets); the unit sheets of a large bloc come back with date serials, which the unit
   * sheet reader turns into dates for its date cells.
   */
  dates?: boolean;
}

/**
 * The port both adapters implement. Each call is one round trip to Excel (one `context.sync()` per
 * block of at most a few MB), so an action's cost does not grow with the number of units.
 */
export interface WorkbookPort {
  /** All sheet names and the used ranges of those of `names` that exist (missing ones skipped). */
  read(names: readonly string[], options?: ReadOptions): Promise<WorkbookRead>;
  write(plan: WritePlan): Promise<void>;
}

/** Column letters from a 1-based index: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A1 address from 1-based row and column. */
export function address(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** 1-based row and column of an A1 address ("$B$7" too). */
export function parseAddress(a1: string): { row: number; column: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1.toUpperCase());
  if (!m) throw new RangeError(`Địa chỉ ô không hợp lệ: ${a1}`);
  let column = 0;
  for (const ch of m[1]!) column = column * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), column };
}

/** A sheet name quoted for a formula reference: 'Công an tỉnh'!A1. */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** An empty spec to fill in. */
export function emptySheet(name: string, role: SheetRole): SheetSpec {
  return {
    name,
    role,
    cells: [],
    merges: [],
    columnWidths: [],
    rowHeights: {},
    hiddenColumns: [],
    frozen: { rows: 0, columns: 0 },
    styles: [],
    validations: [],
    tables: [],
    dataBars: [],
    charts: [],
    protect: false,
    hidden: false,
    print: { landscape: true, fitToWidth: true },
    look: LOOK,
  };
}
