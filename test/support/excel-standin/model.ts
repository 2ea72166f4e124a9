// The workbook model: plain data the proxies read and change when a sync runs them. It knows no
// proxy, so every proxy file can import it without a cycle.

import { each, MAX_COLUMNS, rectAddress, type Rect } from './addresses';
import { fail } from './errors';

export type StandinValue = string | number | boolean | null | { error: string };

export interface StandinCell {
  value: StandinValue;
  /** With the leading '='. */
  formula?: string;
  /** Text entered with a leading apostrophe. */
  quotePrefix?: boolean;
  numberFormat: string;
  locked: boolean;
  /** Formats by key: 'font.bold', 'fill.color', 'horizontalAlignment', 'border.top.style', … */
  format: Record<string, unknown>;
}

export interface StandinTable {
  name: string;
  sheet: SheetModel;
  rect: Rect;
  style: string;
  showBandedRows: boolean;
}

export interface StandinValidation {
  rect: Rect;
  rule?: Record<string, unknown>;
  errorAlert?: Record<string, unknown>;
  prompt?: Record<string, unknown>;
  ignoreBlanks?: boolean;
}

export interface StandinConditionalFormat {
  rect: Rect;
  type: string;
  dataBar: Record<string, unknown>;
}

export interface StandinAxis {
  title: string;
  reversePlotOrder: boolean;
  minimum?: number;
}

export interface StandinSeries {
  name: string;
  values: Rect;
  categories?: Rect;
  /** Fill colours of single points, by index. */
  pointColors: Record<number, string>;
}

/** An embedded chart: its type, series, titles, axes and the cells it covers. */
export interface StandinChart {
  type: string;
  series: StandinSeries[];
  title: string;
  axes: { category: StandinAxis; value: StandinAxis };
  legendVisible: boolean;
  showValues: boolean;
  position?: { from: Rect; to?: Rect };
}

export class SheetModel {
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  tabColor = '';
  protected = false;
  protectionOptions: Record<string, unknown> = {};
  password: string | undefined;
  deleted = false;
  cells = new Map<number, StandinCell>();
  columnWidths = new Map<number, number>();
  hiddenColumns = new Set<number>();
  rowHeights = new Map<number, number>();
  autofitRows: Rect[] = [];
  merges: Rect[] = [];
  validations: StandinValidation[] = [];
  conditionalFormats: StandinConditionalFormat[] = [];
  charts: StandinChart[] = [];
  /** Manual page breaks: the 0-based rows that start a printed page. */
  pageBreaks: number[] = [];
  freeze = { rows: 0, columns: 0 };
  pageLayout: Record<string, unknown> = {};
  constructor(
    readonly id: number,
    public name: string,
  ) {}

  cell(r: number, c: number): StandinCell | undefined {
    return this.cells.get(r * MAX_COLUMNS + c);
  }

  cellOrNew(r: number, c: number): StandinCell {
    const key = r * MAX_COLUMNS + c;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: null, numberFormat: 'General', locked: true, format: {} };
      this.cells.set(key, cell);
    }
    return cell;
  }

  clone(id: number, name: string): SheetModel {
    const s = new SheetModel(id, name);
    s.visibility = this.visibility;
    s.tabColor = this.tabColor;
    s.protected = this.protected;
    s.protectionOptions = { ...this.protectionOptions };
    s.password = this.password;
    for (const [k, c] of this.cells) s.cells.set(k, { ...c, format: { ...c.format } });
    s.columnWidths = new Map(this.columnWidths);
    s.hiddenColumns = new Set(this.hiddenColumns);
    s.rowHeights = new Map(this.rowHeights);
    s.autofitRows = [...this.autofitRows];
    s.merges = this.merges.map((m) => ({ ...m }));
    s.validations = this.validations.map((v) => ({ ...v, rect: { ...v.rect } }));
    s.conditionalFormats = this.conditionalFormats.map((f) => ({
      ...f,
      rect: { ...f.rect },
      dataBar: { ...f.dataBar },
    }));
    s.charts = JSON.parse(JSON.stringify(this.charts)) as StandinChart[];
    s.pageBreaks = [...this.pageBreaks];
    s.freeze = { ...this.freeze };
    s.pageLayout = JSON.parse(JSON.stringify(this.pageLayout)) as Record<string, unknown>;
    return s;
  }

  /** Cells with a value or a formula: the used range (values only). */
  usedRect(valuesOnly: boolean): Rect | undefined {
    let r: Rect | undefined;
    for (const [key, cell] of this.cells) {
      if (valuesOnly && cell.value === null && cell.formula === undefined) continue;
      const row = Math.floor(key / MAX_COLUMNS);
      const col = key % MAX_COLUMNS;
      r = r
        ? {
            r0: Math.min(r.r0, row),
            c0: Math.min(r.c0, col),
            r1: Math.max(r.r1, row),
            c1: Math.max(r.c1, col),
          }
        : { r0: row, c0: col, r1: row, c1: col };
    }
    return r;
  }
}

export class Book {
  sheets: SheetModel[] = [];
  tables: StandinTable[] = [];
  nextId = 1;
  /** Review › Protect Workbook (structure): no sheet added, deleted, renamed, moved or hidden. */
  structureProtected = false;
  structurePassword: string | undefined;
}

/** Refuses to change a protected sheet unless the protection allows it. */
export function guard(sheet: SheetModel, allow: string | null, where: string, rect?: Rect) {
  if (!sheet.protected) return;
  if (allow === 'locked') {
    for (const [r, c] of each(rect!))
      if (sheet.cell(r, c)?.locked ?? true)
        fail(
          'AccessDenied',
          `The cell or chart you're trying to change is on a protected sheet (${rectAddress(rect!)}). To make a change, unprotect the sheet.`,
          where,
        );
    return;
  }
  if (allow && sheet.protectionOptions[allow] === true) return;
  fail('AccessDenied', 'The worksheet is protected: this change is not allowed.', where);
}
