import ExcelJS from 'exceljs';
import { ISO_DATE, isIsoShaped } from '../../core/text/dates';
import type {
  CellSpec,
  CellUpdate,
  CellValue,
  DataBar,
  RangeStyle,
  ReadValue,
  SheetSpec,
  TableSpec,
  Validation,
  WorkbookPort,
  WorkbookRead,
  WritePlan,
} from '../../workbook/grid';
import { parseAddress } from '../../workbook/grid';
import { DATE_FORMAT, sheetKey } from '../../workbook/layout';
import type { Look } from '../../workbook/presentation';
import { InputError, UNOPENED_TITLE } from '../../workbook/problems';
import { chartDrawings, specDrawing, withCharts, type SheetDrawing } from './chart-parts';
import { packageRefusal } from './package-guard';

/** ExcelJS sorts worksheets by this field; its type definitions omit it. */
type Ordered = ExcelJS.Worksheet & { orderNo: number };
/** ExcelJS keeps a sheet's manual page breaks here; its type definitions omit it. */
type Broken = ExcelJS.Worksheet & { rowBreaks: ExcelJS.RowBreak[] };
/** The last column a page break spans (zero-based XFD), as Excel writes it. */
const COLUMN_MAX = 16383;
/** ExcelJS's paper sizes (the file format's codes). */
const PAPER = { A4: 9 } as const;

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
  /**
   * The drawings of charts, by sheet, that `xlsxBytes` adds to the package (ExcelJS neither keeps
   * nor writes charts): those the opened file had alone on a sheet (the ranking chart of an earlier
   * run), as they were until their sheet is rebuilt, and those of the sheets this workbook's writes
   * made.
   */
  readonly drawings = new Map<string, SheetDrawing>();

  constructor(readonly workbook: ExcelJS.Workbook) {}

  static empty(): XlsxWorkbook {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'thidua';
    return new XlsxWorkbook(wb);
  }

  /** The sheet of that name as Excel finds it (`sheetKey`); ExcelJS's own lookup minds case. */
  sheet(name: string): ExcelJS.Worksheet | undefined {
    const key = sheetKey(name);
    return this.workbook.worksheets.find((w) => sheetKey(w.name) === key);
  }

  async sheetNames(): Promise<string[]> {
    return this.workbook.worksheets.map((w) => w.name);
  }

  async read(names: readonly string[]): Promise<WorkbookRead> {
    const sheets = names.flatMap((name) => {
      const ws = this.sheet(name);
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
      const ws = this.sheet(u.sheet);
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
    const ws = this.addSheet(spec);
    for (const sheet of this.drawings.keys())
      if (sheetKey(sheet) === sheetKey(spec.name)) this.drawings.delete(sheet);
    if (spec.charts.length) this.drawings.set(spec.name, specDrawing(spec.charts, spec.name));
    // Values first, then formats, then tables (the order Office.js needs too).
    writeCells(ws, spec);
    for (const m of spec.merges) ws.mergeCells(m);
    for (const t of spec.tables) addTable(ws, spec, t);
    applyStyles(ws, spec);
    formatDates(ws, spec);
    // Rows whose wrapped text needs more lines than one (neither Excel nor LibreOffice fits them
    // when it opens a file).
    for (const [row, height] of Object.entries(spec.rowHeights))
      ws.getRow(Number(row)).height = height;
    for (const v of spec.validations)
      for (const { row, column } of cellsOf(v.range))
        ws.getCell(row, column).dataValidation = dataValidation(v);
    for (const bar of spec.dataBars) addDataBar(ws, bar);
    if (spec.hidden) ws.state = 'hidden';
    // Any cell may be selected (Excel's default); the look says what else a person may do.
    if (spec.protect)
      await ws.protect('', {
        selectLockedCells: true,
        selectUnlockedCells: true,
        ...spec.look.protection,
      });
  }

  /**
   * The sheet of a spec, in the place of the one it replaces (ExcelJS orders sheets by orderNo),
   * with its tab colour, page setup and footer, frozen panes and columns.
   */
  private addSheet(spec: SheetSpec): ExcelJS.Worksheet {
    const existing = this.sheet(spec.name);
    const orderNo = (existing as Ordered | undefined)?.orderNo;
    if (existing) this.workbook.removeWorksheet(existing.id);
    const { page } = spec.look;
    const ws = this.workbook.addWorksheet(spec.name, {
      properties: spec.tabColor ? { tabColor: { argb: spec.tabColor } } : {},
      pageSetup: {
        paperSize: PAPER[page.paper],
        orientation: spec.print.landscape ? 'landscape' : 'portrait',
        fitToPage: spec.print.fitToWidth,
        fitToWidth: 1,
        fitToHeight: 0,
        margins: page.margins,
        ...(spec.print.titleRows
          ? { printTitlesRow: `${spec.print.titleRows[0]}:${spec.print.titleRows[1]}` }
          : {}),
      },
    });
    if (orderNo !== undefined) (ws as Ordered).orderNo = orderNo;
    ws.headerFooter = { oddFooter: `&L${page.footer.left}&R${page.footer.right}` };
    if (spec.frozen.rows || spec.frozen.columns)
      ws.views = [{ state: 'frozen', xSplit: spec.frozen.columns, ySplit: spec.frozen.rows }];
    // A break under the row before (ExcelJS's Row.addPageBreak would create that row, which then
    // reads back as an empty row of the sheet).
    for (const row of spec.print.breaksBefore ?? [])
      (ws as Broken).rowBreaks.push({ id: row - 1, min: 0, max: COLUMN_MAX, man: 1 });
    spec.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    for (const c of spec.hiddenColumns) ws.getColumn(c).hidden = true;
    return ws;
  }
}

/** The values and formulas of the cells outside tables (a table is written with its rows). */
function writeCells(ws: ExcelJS.Worksheet, spec: SheetSpec) {
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
}

/** A table with its header (the spec's cells of its first row) and rows, in the look's style. */
function addTable(ws: ExcelJS.Worksheet, spec: SheetSpec, t: TableSpec) {
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
    // Excel's built-in names (ExcelJS lists them as a type).
    style: {
      theme: spec.look.tableStyle as ExcelJS.TableStyleProperties['theme'],
      showRowStripes: true,
    },
    columns,
    rows,
  });
}

/** The look's font over the used range, then each style on its cells (a later one wins). */
function applyStyles(ws: ExcelJS.Worksheet, spec: SheetSpec) {
  const { look } = spec;
  const used = {
    rows: spec.cells.length,
    columns: Math.max(0, ...spec.cells.map((r) => r.length)),
  };
  for (let r = 1; r <= used.rows; r++)
    for (let c = 1; c <= used.columns; c++) ws.getCell(r, c).font = { ...look.font };
  for (const s of spec.styles)
    for (const { row, column } of cellsOf(s.range)) applyStyle(ws.getCell(row, column), s, look);
}

function applyStyle(cell: ExcelJS.Cell, s: RangeStyle, look: Look) {
  if (s.bold !== undefined || s.italic !== undefined || s.fontSize || s.fontColor)
    cell.font = {
      ...cell.font,
      name: look.font.name,
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
    const thin = { style: 'thin' as const, color: { argb: look.borderColor } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (s.locked !== undefined) cell.protection = { locked: s.locked };
}

/** A date value without a number format would show as a serial number: it gets the date format. */
function formatDates(ws: ExcelJS.Worksheet, spec: SheetSpec) {
  spec.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (typeof cell?.v === 'string' && isIsoShaped(cell.v)) {
        const xc = ws.getCell(r + 1, c + 1);
        if (!xc.numFmt || xc.numFmt === 'General') xc.numFmt = DATE_FORMAT;
      }
    }),
  );
}

/** A validation as ExcelJS stores it on one cell. */
function dataValidation(v: Validation): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop' as const,
    errorTitle: 'Giá trị không hợp lệ',
    error: v.error,
    ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
  };
  if (v.type === 'list')
    return { ...common, type: 'list', formulae: [`"${(v.list ?? []).join(',')}"`] };
  if (v.type === 'date')
    return {
      ...common,
      type: 'date',
      operator: 'greaterThan',
      formulae: [new Date(Date.UTC(1900, 0, 1))],
    };
  return {
    ...common,
    type: v.type,
    operator: v.max === undefined ? 'greaterThanOrEqual' : 'between',
    formulae: v.max === undefined ? [v.min ?? 0] : [v.min ?? 0, v.max],
  };
}

function addDataBar(ws: ExcelJS.Worksheet, bar: DataBar) {
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
}

/** How a sheet is laid out in the file: what a view of it needs besides values and formulas. */
export interface SheetLayout {
  hidden: boolean;
  columnWidths: number[];
  hiddenColumns: number[];
  frozenRows: number;
  tabColor?: string;
  /** One style per cell that has more than the defaults. */
  styles: RangeStyle[];
}

/** The style a view shows for one cell, or undefined when it has only defaults. */
function cellStyle(cell: ExcelJS.Cell): RangeStyle | undefined {
  const s: RangeStyle = { range: cell.address };
  const { font, fill, alignment, numFmt } = cell;
  if (font?.bold) s.bold = true;
  if (font?.italic) s.italic = true;
  if (font?.color?.argb) s.fontColor = font.color.argb;
  if (fill?.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor?.argb)
    s.fill = fill.fgColor.argb;
  if (numFmt && numFmt !== 'General') s.numberFormat = numFmt;
  if (alignment?.wrapText) s.wrap = true;
  const h = alignment?.horizontal;
  if (h === 'left' || h === 'center' || h === 'right') s.hAlign = h;
  return Object.keys(s).length > 1 ? s : undefined;
}

/** The layout of a sheet of an ExcelJS workbook; undefined when there is no such sheet. */
export function sheetLayout(workbook: XlsxWorkbook, name: string): SheetLayout | undefined {
  const ws = workbook.sheet(name);
  if (!ws) return undefined;
  const columnWidths: number[] = [];
  const hiddenColumns: number[] = [];
  for (let c = 1; c <= ws.columnCount; c++) {
    const column = ws.getColumn(c);
    columnWidths.push(column.width ?? 8.43);
    if (column.hidden) hiddenColumns.push(c);
  }
  const styles: RangeStyle[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const s = cellStyle(cell);
      if (s) styles.push(s);
    }),
  );
  const view = ws.views?.[0];
  const tab = (ws.properties as { tabColor?: { argb?: string } }).tabColor?.argb;
  return {
    hidden: ws.state !== 'visible',
    columnWidths,
    hiddenColumns,
    frozenRows: view?.state === 'frozen' ? (view.ySplit ?? 0) : 0,
    ...(tab ? { tabColor: tab } : {}),
    styles,
  };
}

/** An OLE compound file (the container of .xls and of password-protected .xlsx), by its magic. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The name of the stream in which Office keeps an encrypted .xlsx, in UTF-16LE as stored. */
const ENCRYPTED_PACKAGE = new Uint8Array(
  [...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]),
);

function contains(bytes: Uint8Array, part: Uint8Array): boolean {
  outer: for (let i = 0; i + part.length <= bytes.length; i++) {
    for (let j = 0; j < part.length; j++) if (bytes[i + j] !== part[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Why bytes in an OLE container cannot be opened: a workbook with a password to open, or the old
 * .xls format. Undefined for other bytes.
 */
function oleRefusal(bytes: Uint8Array): string | undefined {
  if (bytes.length < OLE_MAGIC.length || OLE_MAGIC.some((b, i) => bytes[i] !== b)) return undefined;
  return contains(bytes, ENCRYPTED_PACKAGE)
    ? 'sổ tính có mật khẩu mở tệp (được mã hóa), không đọc được. Hãy mở tệp bằng Excel, vào Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu, xóa mật khẩu, lưu lại rồi mở lại ở đây.'
    : 'tệp dạng Excel 97–2003 (.xls), không phải .xlsx. Hãy mở bằng Excel (hoặc LibreOffice, WPS), chọn Lưu thành › Sổ làm việc Excel (.xlsx) rồi mở tệp .xlsx đó.';
}

/**
 * Gives every table a style record. A table written without `<tableStyleInfo>` (LibreOffice Calc
 * writes none) loads with no style, and ExcelJS then fails to write the workbook at all
 * ("Cannot read properties of null (reading 'theme')"). An empty record writes the element
 * without a style name: the table stays unstyled, as it was.
 */
function giveTablesAStyle(wb: ExcelJS.Workbook) {
  for (const ws of wb.worksheets)
    for (const table of ws.getTables() as unknown as { table: { style?: object | null } }[])
      table.table.style ??= {};
}

const UNREADABLE =
  'không đọc được sổ tính .xlsx: tệp hỏng, bị cắt cụt (tải về chưa xong?) hoặc không phải tệp Excel .xlsx. Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi thử lại.';

/**
 * Reads .xlsx bytes; a damaged, foreign or hostile file becomes an InputError naming it. Every door
 * opens workbooks here, so the package is checked here before ExcelJS inflates any of it.
 */
export async function openXlsx(bytes: Uint8Array, name: string): Promise<XlsxWorkbook> {
  const refused = (message: string) =>
    new InputError([{ source: name, location: 'tệp', message }], UNOPENED_TITLE);
  if (bytes.length === 0) throw refused('tệp rỗng (0 byte), không phải sổ tính .xlsx.');
  const ole = oleRefusal(bytes);
  if (ole) throw refused(ole);
  const hostile = await packageRefusal(bytes);
  if (hostile) throw refused(hostile.unreadable ? UNREADABLE : hostile.message);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const error = refused(UNREADABLE);
    // The library's own (English) reason would not help a clerk; it stays here for developers.
    error.cause = e;
    throw error;
  }
  giveTablesAStyle(wb);
  const workbook = new XlsxWorkbook(wb);
  for (const [sheet, drawing] of await chartDrawings(bytes)) workbook.drawings.set(sheet, drawing);
  return workbook;
}

/** The workbook as .xlsx bytes (a download in the task pane, a file in the CLI). */
export async function xlsxBytes(workbook: XlsxWorkbook): Promise<Uint8Array> {
  const bytes = new Uint8Array(await workbook.workbook.xlsx.writeBuffer());
  return workbook.drawings.size ? withCharts(bytes, workbook.drawings) : bytes;
}
