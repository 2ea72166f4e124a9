/**
 * How every sheet the toolkit writes looks, decided once for both adapters (Office.js and ExcelJS)
 * and the web app: the font, the style of tables, borders, what a protected sheet still allows,
 * and the printed page. Each spec carries it (`SheetSpec.look`); the adapters apply it and decide
 * none of it. Row heights, which depend on a sheet's text, are estimated in `row-heights.ts`.
 */

/** What a protected sheet still allows, besides selecting any cell and typing into unlocked ones. */
export interface ProtectionOptions {
  formatColumns: boolean;
  formatRows: boolean;
  autoFilter: boolean;
  sort: boolean;
}

/** Page margins in inches. */
export interface Margins {
  left: number;
  right: number;
  top: number;
  bottom: number;
  header: number;
  footer: number;
}

export interface Look {
  /** The font of every used cell; styles may change its size, weight, slant and colour. */
  font: { name: string; size: number };
  /** Excel's built-in style of every table (row stripes on, as Excel makes a table). */
  tableStyle: string;
  /** The colour (ARGB) of the thin borders of `RangeStyle.border`. */
  borderColor: string;
  /** What people may still do on a protected sheet (`SheetSpec.protect`). */
  protection: ProtectionOptions;
  /** The printed page: paper, margins and footer (Excel's header and footer codes). */
  page: { paper: 'A4'; margins: Margins; footer: { left: string; right: string } };
}

export const FONT = 'Times New Roman';
export const FONT_SIZE = 12;

/** The look of every sheet, as `emptySheet` gives it. */
export const LOOK: Look = {
  font: { name: FONT, size: FONT_SIZE },
  tableStyle: 'TableStyleLight9',
  borderColor: 'FF999999',
  // Column widths and row heights stay adjustable, and tables can be filtered and sorted.
  protection: { formatColumns: true, formatRows: true, autoFilter: true, sort: true },
  page: {
    paper: 'A4',
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    // Printed pages say which sheet they belong to (&A) and which page they are (&P of &N).
    footer: { left: `&"${FONT},Italic"&10&A`, right: `&"${FONT},Regular"&10Trang &P/&N` },
  },
};
