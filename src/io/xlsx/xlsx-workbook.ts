import ExcelJS from 'exceljs';
import { ISO_DATE, isIsoShaped } from '../../core/text/dates';
import type {
  CellSpec,
  CellUpdate,
  CellValue,
  ReadValue,
  SheetSpec,
  WorkbookPort,
  WorkbookRead,
  WritePlan,
} from '../../workbook/grid';
import { parseAddress } from '../../workbook/grid';
import { DATE_FORMAT } from '../../workbook/layout';
import { InputError } from '../../workbook/problems';

/** ExcelJS sorts worksheets by this field; its type definitions omit it. */
type Ordered = ExcelJS.Worksheet & { orderNo: number };
const FONT = 'Times New Roman';
const FONT_SIZE = 12;
/** Excel's default row height (points), for one line of 11-point text. */
const DEFAULT_ROW_HEIGHT = 15;

/**
 * Advance widths (em) of Times New Roman glyphs, grouped; letters with diacritics take their base
 * letter's width, other characters 0.5. Measured on Liberation Serif, which has the same metrics.
 */
const GLYPH_EM: readonly [string, number][] = [
  [" ,.'|", 0.25],
  ['/:;\\ijlt', 0.28],
  ['!()-I[]`fr', 0.33],
  ['Js"', 0.4],
  ['?acez', 0.44],
  ['+<=>FPS', 0.56],
  ['ELTZ', 0.61],
  ['BCR', 0.67],
  ['ADGHKNOQUVXYwĐ', 0.72],
  ['&m', 0.78],
  ['%@MW—→', 0.94],
];
const EM = new Map<string, number>(GLYPH_EM.flatMap(([cs, em]) => [...cs].map((c) => [c, em])));

/** Width in pixels (96 dpi) of a text in Times New Roman of the given size. */
function textWidth(text: string, size: number, bold: boolean): number {
  let em = 0;
  for (const ch of text) em += EM.get(ch) ?? EM.get(ch.normalize('NFD').charAt(0)) ?? 0.5;
  return em * (bold ? 1.06 : 1) * ((size * 96) / 72);
}

/**
 * Pixels of a column `width` characters wide, as Excel draws it (the unit is a digit of Calibri 11,
 * 7 pixels, plus 5 pixels of margin), less the cell's inner padding.
 */
const columnPixels = (width: number) => width * 7 + 5 - 6;

/** Lines a text takes in `pixels`, wrapped at spaces as Excel does. */
function wrappedLines(text: string, pixels: number, size: number, bold: boolean): number {
  const space = textWidth(' ', size, bold);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let line = 0;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      const w = textWidth(word, size, bold);
      if (line > 0 && line + space + w <= pixels) line += space + w;
      else {
        if (line > 0) lines++;
        // A word longer than the column is broken over several lines.
        lines += Math.max(0, Math.ceil(w / pixels) - 1);
        line = w > pixels ? w % pixels : w;
      }
    }
  }
  return lines;
}

/** ISO date → the UTC midnight Date ExcelJS stores as a date serial. */
function toDate(iso: string): Date | undefined {
  const m = ISO_DATE.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
}

function isoOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** What ExcelJS holds in a cell → the port's value (dates as ISO strings, errors as objects). */
function readValue(v: ExcelJS.CellValue): ReadValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return isoOf(v);
  if (typeof v === 'object') {
    if ('error' in v) return { error: String(v.error) };
    if ('formula' in v || 'sharedFormula' in v) {
      const r = (v as ExcelJS.CellFormulaValue).result;
      return r === undefined ? null : readValue(r as ExcelJS.CellValue);
    }
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    return null;
  }
  return v;
}

function writeValue(spec: CellSpec): ExcelJS.CellValue {
  const value = typeof spec.v === 'string' ? (toDate(spec.v) ?? spec.v) : spec.v;
  if (spec.f !== undefined) {
    const result = value === null || value === undefined ? undefined : value;
    return {
      formula: spec.f,
      ...(result !== undefined ? { result } : {}),
    } as ExcelJS.CellFormulaValue;
  }
  return value === undefined ? null : (value as ExcelJS.CellValue);
}

function cellsOf(range: string): { row: number; column: number }[] {
  const [a, b] = range.split(':');
  const from = parseAddress(a!);
  const to = b ? parseAddress(b) : from;
  const out: { row: number; column: number }[] = [];
  for (let r = from.row; r <= to.row; r++)
    for (let c = from.column; c <= to.column; c++) out.push({ row: r, column: c });
  return out;
}

/**
 * The workbook port over an ExcelJS workbook in memory. `write` applies a whole plan; the file is
 * touched only by `saveXlsx`, which writes a temporary file and renames it, so a failed run leaves
 * the original file byte for byte as it was.
 */
export class XlsxWorkbook implements WorkbookPort {
  constructor(readonly workbook: ExcelJS.Workbook) {}

  static empty(): XlsxWorkbook {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'thidua';
    return new XlsxWorkbook(wb);
  }

  async sheetNames(): Promise<string[]> {
    return this.workbook.worksheets.map((w) => w.name);
  }

  async read(names: readonly string[]): Promise<WorkbookRead> {
    const sheets = names.flatMap((name) => {
      const ws = this.workbook.getWorksheet(name);
      if (!ws) return [];
      const values: ReadValue[][] = [];
      const formulas: (string | undefined)[][] = [];
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        const vs: ReadValue[] = [];
        const fs_: (string | undefined)[] = [];
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          // Only the master of a merged range holds the value; the others read as empty.
          const isSlave = cell.isMerged && cell.master.address !== cell.address;
          vs[c - 1] = isSlave ? null : readValue(cell.value);
          fs_[c - 1] = isSlave ? undefined : (cell.formula ?? undefined);
        });
        values[r - 1] = vs;
        formulas[r - 1] = fs_;
      });
      for (let r = 0; r < values.length; r++) {
        values[r] ??= [];
        formulas[r] ??= [];
      }
      const merges = (ws.model as { merges?: string[] }).merges ?? [];
      return [{ name, values, formulas, merges }];
    });
    return { sheetNames: await this.sheetNames(), sheets };
  }

  async write(plan: WritePlan): Promise<void> {
    for (const spec of plan.replace) await this.replaceSheet(spec);
    this.update(plan.update);
    this.showVisibleSheet();
  }

  /**
   * Opens the workbook on a visible sheet. Without a workbook view the first sheet is active; when
   * it is hidden (the configuration sheet), LibreOffice shows it and prints it, and Excel opens on a
   * sheet nobody can see.
   */
  private showVisibleSheet() {
    const sheets = this.workbook.worksheets;
    const view = this.workbook.views?.[0];
    const active = sheets[view?.activeTab ?? 0];
    if (active && active.state === 'visible') return;
    const first = sheets.findIndex((w) => w.state === 'visible');
    if (first < 0) return;
    this.workbook.views = [
      {
        x: 0,
        y: 0,
        width: 28800,
        height: 15000,
        visibility: 'visible',
        ...view,
        firstSheet: 0,
        activeTab: first,
      },
    ];
  }

  private update(updates: readonly CellUpdate[]) {
    for (const u of updates) {
      const ws = this.workbook.getWorksheet(u.sheet);
      if (!ws)
        throw new InputError([
          { source: u.sheet, location: 'trang tính', message: 'không có trang này trong sổ tính.' },
        ]);
      const cell = ws.getCell(u.address);
      const value: CellValue = u.value;
      const date = typeof value === 'string' ? toDate(value) : undefined;
      cell.value = date ?? value;
      if (date) cell.numFmt = DATE_FORMAT;
    }
  }

  private async replaceSheet(spec: SheetSpec) {
    const existing = this.workbook.getWorksheet(spec.name);
    // A rebuilt sheet keeps its place among the tabs (ExcelJS orders sheets by orderNo).
    const orderNo = (existing as Ordered | undefined)?.orderNo;
    if (existing) this.workbook.removeWorksheet(existing.id);
    const ws = this.workbook.addWorksheet(spec.name, {
      properties: spec.tabColor ? { tabColor: { argb: spec.tabColor } } : {},
      pageSetup: {
        paperSize: 9,
        orientation: spec.print.landscape ? 'landscape' : 'portrait',
        fitToPage: spec.print.fitToWidth,
        fitToWidth: 1,
        fitToHeight: 0,
        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
        ...(spec.print.titleRows
          ? { printTitlesRow: `${spec.print.titleRows[0]}:${spec.print.titleRows[1]}` }
          : {}),
      },
    });
    if (orderNo !== undefined) (ws as Ordered).orderNo = orderNo;
    // Printed pages say which sheet they belong to and which page they are.
    ws.headerFooter = {
      oddFooter: `&L&"${FONT},Italic"&10&A&R&"${FONT},Regular"&10Trang &P/&N`,
    };
    if (spec.frozen.rows || spec.frozen.columns)
      ws.views = [{ state: 'frozen', xSplit: spec.frozen.columns, ySplit: spec.frozen.rows }];
    spec.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    for (const c of spec.hiddenColumns) ws.getColumn(c).hidden = true;

    // Values first, then formats, then tables (the order Office.js needs too).
    const inTable = new Set<string>();
    for (const t of spec.tables)
      for (const c of cellsOf(t.range)) inTable.add(`${c.row}:${c.column}`);
    spec.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell || inTable.has(`${r + 1}:${c + 1}`)) return;
        if (cell.v === undefined && cell.f === undefined) return;
        ws.getCell(r + 1, c + 1).value = writeValue(cell);
      }),
    );
    for (const m of spec.merges) ws.mergeCells(m);
    for (const t of spec.tables) {
      const cells = cellsOf(t.range);
      const top = cells[0]!;
      const last = cells[cells.length - 1]!;
      const width = last.column - top.column + 1;
      const header = spec.cells[top.row - 1] ?? [];
      const columns = Array.from({ length: width }, (_, i) => ({
        name: String(header[top.column - 1 + i]?.v ?? `Cột ${i + 1}`),
        filterButton: true,
      }));
      const rows: ExcelJS.CellValue[][] = [];
      for (let r = top.row + 1; r <= last.row; r++)
        rows.push(
          Array.from({ length: width }, (_, i) =>
            writeValue(spec.cells[r - 1]?.[top.column - 1 + i] ?? {}),
          ),
        );
      ws.addTable({
        name: t.name,
        ref: `${ws.getCell(top.row, top.column).address}`,
        headerRow: true,
        style: { theme: 'TableStyleLight9', showRowStripes: true },
        columns,
        rows,
      });
    }
    const used = {
      rows: spec.cells.length,
      columns: Math.max(0, ...spec.cells.map((r) => r.length)),
    };
    for (let r = 1; r <= used.rows; r++)
      for (let c = 1; c <= used.columns; c++)
        ws.getCell(r, c).font = { name: FONT, size: FONT_SIZE };
    for (const s of spec.styles)
      for (const { row, column } of cellsOf(s.range)) {
        const cell = ws.getCell(row, column);
        if (s.bold !== undefined || s.italic !== undefined || s.fontSize || s.fontColor)
          cell.font = {
            ...cell.font,
            name: FONT,
            ...(s.bold !== undefined ? { bold: s.bold } : {}),
            ...(s.italic !== undefined ? { italic: s.italic } : {}),
            ...(s.fontSize ? { size: s.fontSize } : {}),
            ...(s.fontColor ? { color: { argb: s.fontColor } } : {}),
          };
        if (s.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: s.fill } };
        if (s.numberFormat) cell.numFmt = s.numberFormat;
        if (s.wrap !== undefined || s.hAlign || s.vAlign || s.indent)
          cell.alignment = {
            ...cell.alignment,
            ...(s.wrap !== undefined ? { wrapText: s.wrap } : {}),
            ...(s.hAlign ? { horizontal: s.hAlign } : {}),
            ...(s.vAlign ? { vertical: s.vAlign } : {}),
            // Excel and LibreOffice indent only left- (or right-) aligned text.
            ...(s.indent
              ? { indent: s.indent, horizontal: s.hAlign ?? cell.alignment?.horizontal ?? 'left' }
              : {}),
          };
        if (s.border) {
          const thin = { style: 'thin' as const, color: { argb: 'FF999999' } };
          cell.border = { top: thin, left: thin, bottom: thin, right: thin };
        }
        if (s.locked !== undefined) cell.protection = { locked: s.locked };
      }
    // A date value without a number format would show as a serial number.
    spec.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (typeof cell?.v === 'string' && isIsoShaped(cell.v)) {
          const xc = ws.getCell(r + 1, c + 1);
          if (!xc.numFmt || xc.numFmt === 'General') xc.numFmt = DATE_FORMAT;
        }
      }),
    );
    fitRowHeights(ws, spec);
    for (const v of spec.validations)
      for (const { row, column } of cellsOf(v.range)) {
        const common = {
          allowBlank: true,
          showErrorMessage: true,
          errorStyle: 'stop' as const,
          errorTitle: 'Giá trị không hợp lệ',
          error: v.error,
          ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
        };
        ws.getCell(row, column).dataValidation =
          v.type === 'list'
            ? { ...common, type: 'list', formulae: [`"${(v.list ?? []).join(',')}"`] }
            : v.type === 'date'
              ? {
                  ...common,
                  type: 'date',
                  operator: 'greaterThan',
                  formulae: [new Date(Date.UTC(1900, 0, 1))],
                }
              : {
                  ...common,
                  type: v.type,
                  operator: v.max === undefined ? 'greaterThanOrEqual' : 'between',
                  formulae: v.max === undefined ? [v.min ?? 0] : [v.min ?? 0, v.max],
                };
      }
    for (const bar of spec.dataBars)
      ws.addConditionalFormatting({
        ref: bar.range,
        rules: [
          {
            type: 'dataBar',
            priority: 1,
            gradient: true,
            cfvo: [{ type: 'num', value: 0 }, { type: 'max' }],
            color: { argb: bar.color },
          } as unknown as ExcelJS.ConditionalFormattingRule,
        ],
      });
    if (spec.hidden) ws.state = 'hidden';
    if (spec.protect)
      await ws.protect('', {
        selectLockedCells: true,
        selectUnlockedCells: true,
        formatColumns: true,
        formatRows: true,
        autoFilter: true,
        sort: true,
      });
  }
}

/**
 * Row heights for wrapped text. Neither Excel nor LibreOffice grows a row to fit wrapped text when
 * it opens a file (the text would be cut off or run over the next row), so each row with a wrapped
 * cell longer than its column gets a height from an estimate of its lines. Rows that fit on one
 * line keep the default height, which Excel still fits to what a person types later.
 */
function fitRowHeights(ws: ExcelJS.Worksheet, spec: SheetSpec) {
  const hidden = new Set(spec.hiddenColumns);
  const widthOf = (c: number) => (hidden.has(c) ? 0 : (spec.columnWidths[c - 1] ?? 9));
  // Merged ranges on one row wrap across their columns; a cell covered by a merge takes no room.
  const spans = new Map<string, number>();
  const covered = new Set<string>();
  for (const m of spec.merges) {
    const cells = cellsOf(m);
    const top = cells[0]!;
    const last = cells[cells.length - 1]!;
    if (last.row !== top.row) {
      for (const c of cells) covered.add(`${c.row}:${c.column}`);
      continue;
    }
    let width = 0;
    for (let c = top.column; c <= last.column; c++) width += widthOf(c);
    spans.set(`${top.row}:${top.column}`, width);
    for (const c of cells.slice(1)) covered.add(`${c.row}:${c.column}`);
  }
  spec.cells.forEach((row, r) => {
    let height = 0;
    row.forEach((cellSpec, c) => {
      const key = `${r + 1}:${c + 1}`;
      if (covered.has(key) || typeof cellSpec?.v !== 'string' || cellSpec.v === '') return;
      const cell = ws.getCell(r + 1, c + 1);
      if (!cell.alignment?.wrapText) return;
      const width = spans.get(key) ?? widthOf(c + 1);
      if (width <= 0) return;
      const size = cell.font?.size ?? FONT_SIZE;
      // An indent level is about the width of a digit and a half.
      const pixels = columnPixels(width) - (cell.alignment.indent ?? 0) * 10;
      const lines = wrappedLines(cellSpec.v, Math.max(pixels, 10), size, !!cell.font?.bold);
      if (lines > 1) height = Math.max(height, lines * size * 1.31 + 2);
    });
    if (height > DEFAULT_ROW_HEIGHT) ws.getRow(r + 1).height = Math.ceil(height);
  });
}

/** Reads .xlsx bytes; a damaged or foreign file becomes an InputError naming it. */
export async function openXlsx(bytes: Uint8Array, name: string): Promise<XlsxWorkbook> {
  if (bytes.length === 0)
    throw new InputError([
      { source: name, location: 'tệp', message: 'tệp rỗng (0 byte), không phải sổ tính .xlsx.' },
    ]);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const error = new InputError([
      {
        source: name,
        location: 'tệp',
        message:
          'không đọc được sổ tính .xlsx: tệp hỏng, bị cắt cụt (tải về chưa xong?) hoặc không phải tệp Excel .xlsx. Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi thử lại.',
      },
    ]);
    // The library's own (English) reason would not help a clerk; it stays here for developers.
    error.cause = e;
    throw error;
  }
  return new XlsxWorkbook(wb);
}

/** The workbook as .xlsx bytes (a download in the task pane, a file in the CLI). */
export async function xlsxBytes(workbook: XlsxWorkbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.workbook.xlsx.writeBuffer());
}
