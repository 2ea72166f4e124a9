/**
 * A write plan as a list of steps for Office.js. Each step queues a few Excel operations on the
 * request context and says how many bytes it adds to the request, so the adapter can cut the list
 * into blocks that each stay well under Excel on the web's 5 MB limit. Order: sheets created, values,
 * formats, tables, validation, data bars, charts, panes, page layout, copies, updates, visibility,
 * protection.
 */
import { thresholdsText } from '../../core/ranking/chart';
import type {
  CellUpdate,
  ChartSpec,
  DataBar,
  RangeStyle,
  SheetSpec,
  TableSpec,
  Validation,
  WritePlan,
} from '../../workbook/grid';
import { columnLetter } from '../../workbook/grid';
import { DATE_FORMAT } from '../../workbook/layout';
import { LOOK, type Look, type ProtectionOptions } from '../../workbook/presentation';
import {
  a1Of,
  clip,
  columns,
  columnWidthPoints,
  constantOf,
  cssColor,
  inputOf,
  isIsoDate,
  jsonBytes,
  numberFormatGrid,
  rectOf,
  rectsOf,
  rows,
  specSize,
  type Rect,
} from './cells';
import { sheetKey } from '../../workbook/layout';
import { isOfficeError, traceMessage, type TracePoint } from './errors';

/** What this Excel supports beyond ExcelApi 1.7 (checked once, at construction). */
export interface Features {
  /** ExcelApi 1.8: data validation. */
  validation: boolean;
  /** ExcelApi 1.9: page layout, indent levels, special cells (errors, dates) when reading. */
  api19: boolean;
  /** ExcelApi 1.13: merged areas when reading. */
  mergedAreas: boolean;
}

/** Told when a write skips data validation (ExcelApi below 1.8). */
export const NO_VALIDATION_NOTE =
  'Excel này chưa hỗ trợ ExcelApi 1.8: các ô nhập không có kiểm tra dữ liệu (danh sách chọn, giới hạn điểm).';
/** Told when a write skips page setup and indents (ExcelApi below 1.9). */
export const NO_PAGE_LAYOUT_NOTE =
  'Excel này chưa hỗ trợ ExcelApi 1.9: chưa đặt khổ in (A4 ngang, vừa một trang ngang, lặp dòng tiêu đề, chân trang) và thụt lề; hãy đặt trong Bố trí trang nếu cần in.';
/** Told when a write skips the criteria's indents (ExcelApi below 1.9; NO_PAGE_LAYOUT_NOTE says it too). */
export const NO_INDENT_NOTE =
  'Excel này chưa hỗ trợ ExcelApi 1.9: nội dung tiêu chí không được thụt lề theo cấp.';

/**
 * What writes on this Excel will leave out, in Vietnamese, as the notes of a write say it: for the
 * task pane to tell once, up front. The page-layout sentence covers the indents; merged areas (1.13)
 * only matter when reading, silently.
 */
export function featureLimits(features: Features): string[] {
  return [
    ...(features.validation ? [] : [NO_VALIDATION_NOTE]),
    ...(features.api19 ? [] : [NO_PAGE_LAYOUT_NOTE]),
  ];
}

/** A look's protection options as Office.js names them. */
export function protectionOptions(p: ProtectionOptions): Excel.WorksheetProtectionOptions {
  return {
    allowFormatColumns: p.formatColumns,
    allowFormatRows: p.formatRows,
    allowAutoFilter: p.autoFilter,
    allowSort: p.sort,
  };
}

/** Inches (a look's margins) → points. */
const points = (inches: number) => Math.round(inches * 7200) / 100;
/** Bytes a queued call adds besides its data: the action and the object paths it names. */
export const CALL_BYTES = 160;
/** Largest 2-D block written in one assignment (bytes of its JSON); larger ones go by rows. */
const CHUNK_BYTES = 512 * 1024;

/** An existing worksheet, as loaded by the write's first sync. */
export interface ExistingSheet {
  ws: Excel.Worksheet;
  position: number;
  visibility: Excel.SheetVisibility | `${Excel.SheetVisibility}`;
}

/** What the first sync learned about a sheet that receives updates. */
export interface UpdateProbe {
  sheet: string;
  /** Loaded: `protection/protected`, `protection/options`. */
  ws: Excel.Worksheet;
  runs: UpdateRun[];
}

export interface UpdateRun {
  rect: Rect;
  /** The cells' values as typed (dates as serials). */
  values: (string | number | boolean)[][];
  /** Cells receiving an ISO date: they get a date format where they have none. */
  dates: boolean[][];
  /** Loaded: `format/protection/locked`, and `numberFormat` when the run holds a date. */
  range: Excel.Range;
}

export interface Env {
  ctx: Excel.RequestContext;
  /** Sheets created or rebuilt by this write, by sheetKey, as they are created. */
  sheets: Map<string, Excel.Worksheet>;
}

export interface Step {
  bytes: number;
  trace?: TracePoint;
  /** A print setting: if Excel refuses it, the write goes on without it (syncBlock). */
  skippable?: boolean;
  apply(env: Env): void;
}

/** Told when Excel refuses a sheet's print setup: the sheet itself is written. */
export const printSetupNote = (sheet: string, code: string) =>
  `Excel không nhận thiết lập trang in của trang "${sheet}" (${code}); dữ liệu vẫn được ghi đủ. Hãy đặt khổ giấy, lề và chân trang trong Bố trí trang nếu cần in.`;

const cost = (calls: number, ...payloads: unknown[]) =>
  calls * CALL_BYTES + payloads.reduce<number>((n, p) => n + jsonBytes(p), 0);

/**
 * Everything that makes two specs' sheets the same apart from their values and row heights (which
 * follow the values: a copy sets those it does not share, in `differenceSteps`).
 */
function signature(spec: SheetSpec): string {
  const { rows: h, columns: w } = specSize(spec);
  return JSON.stringify({
    h,
    w,
    formulas: spec.cells.map((r) => (r ?? []).map((c) => c?.f ?? null)),
    merges: spec.merges,
    columnWidths: spec.columnWidths,
    hiddenColumns: spec.hiddenColumns,
    frozen: spec.frozen,
    styles: spec.styles,
    validations: spec.validations,
    dataBars: spec.dataBars,
    charts: spec.charts,
    protect: spec.protect,
    print: spec.print,
    tabColor: spec.tabColor ?? null,
    role: spec.role,
    look: spec.look,
  });
}

/**
 * Specs that can be made by copying an earlier spec of the same plan (identical except for
 * values): spec name → template. Sheets with tables are never copied (table names are unique in a
 * workbook), nor hidden ones.
 */
export function copyTemplates(plan: readonly SheetSpec[]): Map<string, SheetSpec> {
  const templates = new Map<string, SheetSpec>();
  const out = new Map<string, SheetSpec>();
  for (const spec of plan) {
    if (spec.tables.length || spec.hidden || spec.cells.length === 0) continue;
    const sig = signature(spec);
    const template = templates.get(sig);
    if (template) out.set(spec.name, template);
    else templates.set(sig, spec);
  }
  return out;
}

/** Rows of a 2-D block, cut so that each piece's JSON stays under CHUNK_BYTES. */
function chunks<T>(grid: T[][], rect: Rect): { rect: Rect; grid: T[][] }[] {
  const out: { rect: Rect; grid: T[][] }[] = [];
  let start = 0;
  let bytes = 0;
  grid.forEach((row, i) => {
    const b = jsonBytes(row);
    if (i > start && bytes + b > CHUNK_BYTES) {
      out.push({
        rect: { ...rect, r0: rect.r0 + start, r1: rect.r0 + i - 1 },
        grid: grid.slice(start, i),
      });
      start = i;
      bytes = 0;
    }
    bytes += b;
  });
  if (start < grid.length)
    out.push({ rect: { ...rect, r0: rect.r0 + start }, grid: grid.slice(start) });
  return out;
}

/** Consecutive indexes with the same key, as [first, last, key]. */
function groups<K>(keys: readonly K[]): [number, number, K][] {
  const out: [number, number, K][] = [];
  keys.forEach((k, i) => {
    const last = out[out.length - 1];
    if (last && last[1] === i - 1 && last[2] === k) last[1] = i;
    else out.push([i, i, k]);
  });
  return out;
}

/** Values by 1-based row as runs of consecutive rows with one value: [first, last, value]. */
function rowRuns<K>(byRow: Readonly<Record<number, K>>): [number, number, K][] {
  const rows = Object.keys(byRow).map(Number);
  const dense = Array.from({ length: Math.max(0, ...rows) }, (_, i) => byRow[i + 1]);
  return groups(dense).flatMap(([a, b, k]) => (k === undefined ? [] : [[a + 1, b + 1, k]]));
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;
type Edge =
  'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';
const EDGES: readonly Edge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];

function validationRule(v: Validation): Excel.DataValidationRule {
  switch (v.type) {
    case 'list':
      return { list: { inCellDropDown: true, source: (v.list ?? []).join(',') } };
    case 'date':
      return { date: { formula1: '1900-01-01', operator: 'GreaterThan' } };
    default: {
      const basic: Excel.BasicDataValidation =
        v.max === undefined
          ? { formula1: v.min ?? 0, operator: 'GreaterThanOrEqualTo' }
          : { formula1: v.min ?? 0, formula2: v.max, operator: 'Between' };
      return v.type === 'whole' ? { wholeNumber: basic } : { decimal: basic };
    }
  }
}

export interface StepInput {
  plan: WritePlan;
  /** Existing sheets by sheetKey (as loaded by the first sync). */
  existing: ReadonlyMap<string, ExistingSheet>;
  probes: readonly UpdateProbe[];
  features: Features;
  note(message: string): void;
}

const sheetOf = (env: Env, name: string) => env.sheets.get(sheetKey(name))!;

/** The steps of a write, in the order of this file's header. */
export function writeSteps(input: StepInput): Step[] {
  const { plan, features, note } = input;
  const copies = copyTemplates(plan.replace);
  const direct = plan.replace.filter((s) => !copies.has(s.name));
  const oldOf = (name: string) => input.existing.get(sheetKey(name));
  const tempName = tempNames(input.existing);
  return [
    // 1. Sheets created (a rebuilt sheet takes its predecessor's place among the tabs).
    ...direct.map((spec) => createSheetStep(spec, oldOf(spec.name), tempName)),
    // 2. Values: one `formulas` assignment per sheet (per row chunk of a very large sheet).
    ...direct.flatMap((spec) => valueSteps(spec)),
    // 3. Formats.
    ...direct.flatMap((spec) => formatSteps(spec, features, note)),
    // 4. Tables on the written ranges, validation, data bars, frozen panes, page layout.
    ...direct.flatMap((spec) => sheetSetupSteps(spec, features, note)),
    // 5. Copies of a finished sheet, then the cells in which each copy differs.
    ...copySteps(plan.replace, copies, oldOf),
    // 6. Updates of input cells: of sheets this write makes, then of sheets already there.
    ...writtenSheetUpdateSteps(plan),
    ...input.probes.flatMap((probe) => probeSteps(probe)),
    // 7. Visibility and protection, last: nothing can be written into a protected sheet.
    ...plan.replace.flatMap((spec) => finishSteps(spec)),
  ];
}

/** Names for a sheet made before its predecessor goes: thidua~1, thidua~2… not yet taken. */
function tempNames(existing: ReadonlyMap<string, unknown>): () => string {
  let temp = 0;
  return () => {
    let n: string;
    do n = `thidua~${++temp}`;
    while (existing.has(sheetKey(n)));
    return n;
  };
}

/**
 * Deletes a sheet being replaced. Excel refuses to delete a very hidden sheet by design (it exists
 * so that a sheet is not deleted by accident: OfficeDev/office-js#365), so it is made Hidden first.
 */
function deleteOld(old: ExistingSheet): void {
  if (old.visibility === 'VeryHidden') old.ws.visibility = 'Hidden';
  old.ws.delete();
}

function createSheetStep(
  spec: SheetSpec,
  old: ExistingSheet | undefined,
  tempName: () => string,
): Step {
  const tmp = old ? tempName() : '';
  return {
    bytes: cost(5, spec.name, tmp),
    trace: { sheet: spec.name, step: old ? 'tạo lại trang' : 'tạo trang' },
    apply(env) {
      const all = env.ctx.workbook.worksheets;
      let ws: Excel.Worksheet;
      if (old) {
        ws = all.add(tmp);
        deleteOld(old);
        ws.name = spec.name;
        ws.position = old.position;
      } else ws = all.add(spec.name);
      if (spec.tabColor) ws.tabColor = cssColor(spec.tabColor);
      env.sheets.set(sheetKey(spec.name), ws);
    },
  };
}

function valueSteps(spec: SheetSpec): Step[] {
  const { rows: h, columns: w } = specSize(spec);
  if (!h || !w) return [];
  const grid = spec.cells.map((row) => Array.from({ length: w }, (_, c) => inputOf(row?.[c])));
  const rect = { r0: 0, c0: 0, r1: h - 1, c1: w - 1 };
  return gridSteps(spec.name, 'formulas', grid, rect, 'ghi giá trị và công thức');
}

/** Assignments of a 2-D block to `formulas` or `numberFormat`, by rows of at most CHUNK_BYTES. */
function gridSteps<T>(
  sheet: string,
  property: 'formulas' | 'numberFormat',
  grid: T[][],
  rect: Rect,
  step: string,
): Step[] {
  return chunks(grid, rect).map((chunk) => {
    const address = a1Of(chunk.rect);
    return {
      bytes: cost(2, chunk.grid, address),
      trace: { sheet, address, step },
      apply(env: Env) {
        sheetOf(env, sheet).getRange(address)[property] = chunk.grid;
      },
    };
  });
}

/** Tables, validation, data bars, frozen panes and page layout of a sheet written in full. */
function sheetSetupSteps(spec: SheetSpec, features: Features, note: (m: string) => void): Step[] {
  return [
    ...spec.tables.map((t) => tableStep(spec, t)),
    ...validationSteps(spec, features, note),
    ...spec.dataBars.map((bar) => dataBarStep(spec.name, bar)),
    ...spec.charts.map((chart) => chartStep(spec.name, chart)),
    ...freezeSteps(spec),
    ...pageLayoutSteps(spec, features, note),
  ];
}

function tableStep(spec: SheetSpec, t: TableSpec): Step {
  return {
    bytes: cost(4, t),
    trace: { sheet: spec.name, address: t.range, step: `tạo bảng ${t.name}` },
    apply(env) {
      const ws = sheetOf(env, spec.name);
      const table = ws.tables.add(ws.getRange(t.range), true);
      table.name = t.name;
      table.style = spec.look.tableStyle;
    },
  };
}

function validationSteps(spec: SheetSpec, features: Features, note: (m: string) => void): Step[] {
  if (spec.validations.length && !features.validation) note(NO_VALIDATION_NOTE);
  if (!features.validation) return [];
  return spec.validations.map((v) => {
    const rule = validationRule(v);
    const errorAlert: Excel.DataValidationErrorAlert = {
      message: clip(v.error, 225),
      showAlert: true,
      style: 'Stop',
      title: 'Giá trị không hợp lệ',
    };
    const prompt: Excel.DataValidationPrompt | undefined = v.prompt
      ? { message: clip(v.prompt, 255), showPrompt: true, title: 'Hướng dẫn nhập' }
      : undefined;
    return {
      bytes: cost(prompt ? 6 : 5, rule, errorAlert, prompt ?? null, v.range),
      trace: { sheet: spec.name, address: v.range, step: 'kiểm tra dữ liệu' },
      apply(env: Env) {
        const dv = sheetOf(env, spec.name).getRange(v.range).dataValidation;
        dv.ignoreBlanks = true;
        dv.rule = rule;
        dv.errorAlert = errorAlert;
        if (prompt) dv.prompt = prompt;
      },
    };
  });
}

function dataBarStep(sheet: string, bar: DataBar): Step {
  return {
    bytes: cost(7, bar),
    trace: { sheet, address: bar.range, step: 'thanh dữ liệu' },
    apply(env) {
      const cf = sheetOf(env, sheet).getRange(bar.range).conditionalFormats.add('DataBar');
      cf.dataBar.positiveFormat.fillColor = cssColor(bar.color);
      cf.dataBar.positiveFormat.gradientFill = true;
      cf.dataBar.lowerBoundRule = { type: 'Number', formula: '0' };
      cf.dataBar.upperBoundRule = { type: 'HighestValue' };
    },
  };
}

/**
 * A clustered bar chart over the values (their header names the series) with the labels as its
 * categories, the first at the top, each bar in its class's colour: ExcelApi 1.1, and 1.7 for the
 * categories and the order. It lives on the sheet, so a rebuilt sheet comes with a new chart.
 */
function chartStep(sheet: string, spec: ChartSpec): Step {
  const { chart } = spec;
  const [from, to] = spec.anchor.split(':') as [string, string];
  const title = [chart.title, thresholdsText(chart)].filter(Boolean).join('\n');
  const colors = chart.bars.map((b) => cssColor(b.color));
  return {
    bytes: cost(
      14 + colors.length * 4,
      spec.values,
      spec.categories,
      spec.seriesName,
      title,
      colors,
    ),
    trace: { sheet, address: spec.anchor, step: 'biểu đồ xếp hạng' },
    apply(env) {
      const ws = sheetOf(env, sheet);
      // The values with the cell above them: Excel names the series after that header.
      const source = `${spec.seriesName}:${spec.values.split(':')[1]}`;
      const c = ws.charts.add('BarClustered', ws.getRange(source), 'Columns');
      const series = c.series.getItemAt(0);
      series.setXAxisValues(ws.getRange(spec.categories));
      c.title.text = title;
      c.axes.categoryAxis.title.text = chart.categoryTitle;
      c.axes.categoryAxis.reversePlotOrder = true;
      c.axes.valueAxis.title.text = chart.valueTitle;
      c.axes.valueAxis.minimum = 0;
      c.legend.visible = false;
      c.dataLabels.showValue = true;
      colors.forEach((color, i) => series.points.getItemAt(i).format.fill.setSolidColor(color));
      c.setPosition(from, to);
    },
  };
}

function freezeSteps(spec: SheetSpec): Step[] {
  const { rows: fr, columns: fc } = spec.frozen;
  if (!fr && !fc) return [];
  return [
    {
      bytes: cost(3),
      trace: { sheet: spec.name, step: 'cố định dòng/cột tiêu đề' },
      apply(env) {
        const panes = sheetOf(env, spec.name).freezePanes;
        if (fr && fc) panes.freezeAt(`A1:${columnLetter(fc)}${fr}`);
        else if (fr) panes.freezeRows(fr);
        else panes.freezeColumns(fc);
      },
    },
  ];
}

function pageLayoutSteps(spec: SheetSpec, features: Features, note: (m: string) => void): Step[] {
  if (features.api19) return [pageLayoutStep(spec)];
  note(NO_PAGE_LAYOUT_NOTE);
  return [];
}

/** Each copy made from its template (after the sheet before it), then its own cells. */
function copySteps(
  replace: readonly SheetSpec[],
  copies: ReadonlyMap<string, SheetSpec>,
  oldOf: (name: string) => ExistingSheet | undefined,
): Step[] {
  return replace.flatMap((spec, i) => {
    const template = copies.get(spec.name);
    if (!template) return [];
    const previous = replace[i - 1]!.name;
    const old = oldOf(spec.name);
    const copy: Step = {
      bytes: cost(4, spec.name),
      trace: { sheet: spec.name, step: `tạo trang (chép từ trang ${template.name})` },
      apply(env) {
        const ws = sheetOf(env, template.name).copy('After', old ? old.ws : sheetOf(env, previous));
        if (old) deleteOld(old);
        ws.name = spec.name;
        env.sheets.set(sheetKey(spec.name), ws);
      },
    };
    return [copy, ...differenceSteps(template, spec)];
  });
}

/** Updates of sheets this write makes: their number formats are the spec's. */
function writtenSheetUpdateSteps(plan: WritePlan): Step[] {
  const replaced = new Map(plan.replace.map((s) => [sheetKey(s.name), s]));
  const written = plan.update.filter((u) => replaced.has(sheetKey(u.sheet)));
  return groupUpdates(written).flatMap((u) => {
    const grid = numberFormatGrid(replaced.get(sheetKey(u.sheet))!);
    const formats = (i: number) => {
      const r = u.runs[i]!.rect;
      return Array.from({ length: rows(r) }, (_, a) =>
        Array.from({ length: columns(r) }, (_, b) => grid[r.r0 + a]?.[r.c0 + b] ?? 'General'),
      );
    };
    return updateRunSteps(u.sheet, u.runs, (env) => sheetOf(env, u.sheet), formats);
  });
}

/** Hiding and protecting a sheet this write made. */
function finishSteps(spec: SheetSpec): Step[] {
  if (!spec.hidden && !spec.protect) return [];
  const options = protectionOptions(spec.look.protection);
  return [
    {
      bytes: cost(3, options),
      trace: { sheet: spec.name, step: spec.protect ? 'bảo vệ trang' : 'ẩn trang' },
      apply(env) {
        const ws = sheetOf(env, spec.name);
        if (spec.hidden) ws.visibility = 'Hidden';
        // A sheet made by this write is not protected yet: protect() is safe.
        if (spec.protect) ws.protection.protect(options);
      },
    },
  ];
}

function formatSteps(spec: SheetSpec, features: Features, note: (m: string) => void): Step[] {
  return [
    ...fontSteps(spec),
    ...spec.styles.flatMap((s) => styleSteps(spec, s, features, note)),
    ...numberFormatSteps(spec),
    layoutStep(spec),
  ];
}

/** The look's font over the used range. */
function fontSteps(spec: SheetSpec): Step[] {
  const { rows: h, columns: w } = specSize(spec);
  if (!h || !w) return [];
  const used = a1Of({ r0: 0, c0: 0, r1: h - 1, c1: w - 1 });
  const font = spec.look.font;
  return [
    {
      bytes: cost(3, used, font.name),
      trace: { sheet: spec.name, address: used, step: 'phông chữ' },
      apply(env) {
        const f = sheetOf(env, spec.name).getRange(used).format.font;
        f.name = font.name;
        f.size = font.size;
      },
    },
  ];
}

/** Calls a style queues (the range and each property; a border 12), numberFormat aside. */
function styleCalls(s: RangeStyle): number {
  let calls = 1;
  if (s.bold !== undefined) calls++;
  if (s.italic !== undefined) calls++;
  if (s.fontSize) calls++;
  if (s.fontColor) calls++;
  if (s.fill) calls++;
  if (s.wrap !== undefined) calls++;
  if (s.hAlign || s.indent) calls++;
  if (s.vAlign) calls++;
  if (s.indent) calls++;
  if (s.border) calls += 12;
  if (s.locked !== undefined) calls++;
  return calls;
}

function styleSteps(
  spec: SheetSpec,
  s: RangeStyle,
  features: Features,
  note: (m: string) => void,
): Step[] {
  const calls = styleCalls(s);
  if (calls === 1) return []; // numberFormat only: written with the grid (numberFormatSteps).
  if (s.indent && !features.api19) note(NO_INDENT_NOTE);
  const r = rectOf(s.range);
  return [
    {
      bytes: cost(calls, s),
      trace: { sheet: spec.name, address: s.range, step: 'định dạng' },
      apply(env) {
        const f = sheetOf(env, spec.name).getRange(s.range).format;
        applyStyle(f, s, r, spec.look, features);
      },
    },
  ];
}

function applyStyle(f: Excel.RangeFormat, s: RangeStyle, r: Rect, look: Look, features: Features) {
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.italic !== undefined) f.font.italic = s.italic;
  if (s.fontSize) f.font.size = s.fontSize;
  if (s.fontColor) f.font.color = cssColor(s.fontColor);
  if (s.fill) f.fill.color = cssColor(s.fill);
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  // Excel indents only left- (or right-) aligned text, as the file adapter assumes.
  if (s.hAlign || s.indent) f.horizontalAlignment = H_ALIGN[s.hAlign ?? 'left'];
  if (s.vAlign) f.verticalAlignment = V_ALIGN[s.vAlign];
  if (s.indent && features.api19) f.indentLevel = s.indent;
  if (s.border) {
    const edges: Edge[] = [...EDGES];
    if (columns(r) > 1) edges.push('InsideVertical');
    if (rows(r) > 1) edges.push('InsideHorizontal');
    for (const e of edges) {
      const b = f.borders.getItem(e);
      b.style = 'Continuous';
      b.weight = 'Thin';
      b.color = cssColor(look.borderColor);
    }
  }
  if (s.locked !== undefined) f.protection.locked = s.locked;
}

/** Number formats: one assignment over the block of cells that are not General. */
function numberFormatSteps(spec: SheetSpec): Step[] {
  const { rows: h, columns: w } = specSize(spec);
  const grid = numberFormatGrid(spec);
  const bounds = { r0: h, c0: w, r1: -1, c1: -1 };
  grid.forEach((row, r) =>
    row.forEach((fmt, c) => {
      if (fmt === 'General') return;
      bounds.r0 = Math.min(bounds.r0, r);
      bounds.c0 = Math.min(bounds.c0, c);
      bounds.r1 = Math.max(bounds.r1, r);
      bounds.c1 = Math.max(bounds.c1, c);
    }),
  );
  if (bounds.r1 < 0) return [];
  const block = grid.slice(bounds.r0, bounds.r1 + 1).map((r) => r.slice(bounds.c0, bounds.c1 + 1));
  return gridSteps(spec.name, 'numberFormat', block, bounds, 'định dạng số');
}

/** Merges, column widths, hidden columns and row heights, in one step. */
function layoutStep(spec: SheetSpec): Step {
  const { rows: h, columns: w } = specSize(spec);
  const merges = spec.merges;
  const widths = groups(spec.columnWidths);
  const hidden = groups(
    Array.from({ length: Math.max(0, ...spec.hiddenColumns) }, (_, i) =>
      spec.hiddenColumns.includes(i + 1),
    ),
  ).filter(([, , k]) => k);
  const heights = rowRuns(spec.rowHeights);
  return {
    bytes: cost(
      merges.length + widths.length + hidden.length + heights.length * 2 + 2,
      merges,
      widths,
      hidden,
      heights,
    ),
    trace: { sheet: spec.name, step: 'gộp ô, độ rộng cột, chiều cao dòng' },
    apply(env) {
      const ws = sheetOf(env, spec.name);
      for (const m of merges) ws.getRange(m).merge(false);
      for (const [a, b, width] of widths)
        ws.getRange(`${columnLetter(a + 1)}1:${columnLetter(b + 1)}1`).format.columnWidth =
          columnWidthPoints(width);
      for (const [a, b] of hidden)
        ws.getRange(`${columnLetter(a + 1)}1:${columnLetter(b + 1)}1`).columnHidden = true;
      // Excel fits the rows to their text, then the spec's heights replace its fit where they
      // are given: the rows of merged cells, which autofit ignores, and the file's heights elsewhere.
      if (h && w) ws.getRange(a1Of({ r0: 0, c0: 0, r1: h - 1, c1: w - 1 })).format.autofitRows();
      for (const [a, b, height] of heights) ws.getRange(`A${a}:A${b}`).format.rowHeight = height;
    },
  };
}

function pageLayoutStep(spec: SheetSpec): Step {
  const titles = spec.print.titleRows;
  const breaks = spec.print.breaksBefore ?? [];
  return {
    bytes: cost(14 + breaks.length, titles ?? null, breaks),
    trace: { sheet: spec.name, step: 'thiết lập trang in' },
    skippable: true,
    apply(env) {
      const page = spec.look.page;
      const layout = sheetOf(env, spec.name).pageLayout;
      layout.orientation = spec.print.landscape ? 'Landscape' : 'Portrait';
      layout.paperSize = page.paper;
      // One page wide. PageLayoutZoomOptions documents a number of pages, not 0 for "automatic"
      // (as fitToHeight is in the file format), so the height is left out (OfficeDev/office-js#1860
      // sets the width alone the same way).
      if (spec.print.fitToWidth) layout.zoom = { horizontalFitToPages: 1 };
      layout.leftMargin = points(page.margins.left);
      layout.rightMargin = points(page.margins.right);
      layout.topMargin = points(page.margins.top);
      layout.bottomMargin = points(page.margins.bottom);
      layout.headerMargin = points(page.margins.header);
      layout.footerMargin = points(page.margins.footer);
      if (titles) layout.setPrintTitleRows(`$${titles[0]}:$${titles[1]}`);
      for (const row of breaks) sheetOf(env, spec.name).horizontalPageBreaks.add(`A${row}`);
      const footer = layout.headersFooters.defaultForAllPages;
      footer.leftFooter = page.footer.left;
      footer.rightFooter = page.footer.right;
    },
  };
}

/** The cells (and number formats) in which a copy differs from its template. */
function differenceSteps(template: SheetSpec, spec: SheetSpec): Step[] {
  const { rows: h, columns: w } = specSize(spec);
  const bounds = { r0: 0, c0: 0, r1: h - 1, c1: w - 1 };
  const mine = (r: number, c: number) => inputOf(spec.cells[r]?.[c]);
  const theirs = (r: number, c: number) => inputOf(template.cells[r]?.[c]);
  const formats = numberFormatGrid(spec);
  const templateFormats = numberFormatGrid(template);
  const steps: Step[] = [];
  const valueRects = rectsOf((r, c) => mine(r, c) !== theirs(r, c), bounds);
  const formatRects = rectsOf((r, c) => formats[r]?.[c] !== templateFormats[r]?.[c], bounds);
  for (const rect of valueRects) {
    const grid = Array.from({ length: rows(rect) }, (_, i) =>
      Array.from({ length: columns(rect) }, (_, j) => mine(rect.r0 + i, rect.c0 + j)),
    );
    steps.push(...gridSteps(spec.name, 'formulas', grid, rect, 'ghi giá trị'));
  }
  for (const rect of formatRects) {
    const grid = Array.from({ length: rows(rect) }, (_, i) =>
      Array.from({ length: columns(rect) }, (_, j) => formats[rect.r0 + i]![rect.c0 + j]!),
    );
    const address = a1Of(rect);
    steps.push({
      bytes: cost(2, grid, address),
      trace: { sheet: spec.name, address, step: 'định dạng số' },
      apply(env) {
        sheetOf(env, spec.name).getRange(address).numberFormat = grid;
      },
    });
  }
  const heights = heightDifferences(template, spec);
  if (heights.length)
    steps.push({
      bytes: cost(heights.length * 2, heights),
      trace: { sheet: spec.name, step: 'chiều cao dòng' },
      apply(env) {
        const ws = sheetOf(env, spec.name);
        for (const [a, b, height] of heights)
          if (height === 'auto') ws.getRange(`A${a}:${columnLetter(w)}${b}`).format.autofitRows();
          else ws.getRange(`A${a}:A${b}`).format.rowHeight = height;
      },
    });
  return steps;
}

/**
 * The rows whose height in a copy is not its template's, as runs [first, last, height]: the spec's
 * height, or 'auto' where only the template has one (Excel fits the row to the copy's text).
 */
function heightDifferences(
  template: SheetSpec,
  spec: SheetSpec,
): [number, number, number | 'auto'][] {
  const differ: Record<number, number | 'auto'> = {};
  for (const row of new Set([
    ...Object.keys(spec.rowHeights),
    ...Object.keys(template.rowHeights),
  ])) {
    const r = Number(row);
    if (spec.rowHeights[r] !== template.rowHeights[r]) differ[r] = spec.rowHeights[r] ?? 'auto';
  }
  return rowRuns(differ);
}

export interface UpdateGroup {
  sheet: string;
  runs: { rect: Rect; values: (string | number | boolean)[][]; dates: boolean[][] }[];
}

/** Updates by sheet, as rectangles of cells (the last update of a cell wins). */
export function groupUpdates(updates: readonly CellUpdate[]): UpdateGroup[] {
  const bySheet = new Map<string, Map<string, CellUpdate>>();
  for (const u of updates) {
    const r = rectOf(u.address);
    const cells = bySheet.get(u.sheet) ?? new Map<string, CellUpdate>();
    cells.set(`${r.r0}:${r.c0}`, u);
    bySheet.set(u.sheet, cells);
  }
  return [...bySheet].map(([sheet, cells]) => {
    const points = [...cells.keys()].map((k) => k.split(':').map(Number) as [number, number]);
    const bounds = {
      r0: Math.min(...points.map((p) => p[0])),
      c0: Math.min(...points.map((p) => p[1])),
      r1: Math.max(...points.map((p) => p[0])),
      c1: Math.max(...points.map((p) => p[1])),
    };
    const runs = rectsOf((r, c) => cells.has(`${r}:${c}`), bounds).map((rect) => {
      const at = (i: number, j: number) => cells.get(`${rect.r0 + i}:${rect.c0 + j}`)!.value;
      return {
        rect,
        values: Array.from({ length: rows(rect) }, (_, i) =>
          Array.from({ length: columns(rect) }, (_, j) => constantOf(at(i, j))),
        ),
        dates: Array.from({ length: rows(rect) }, (_, i) =>
          Array.from({ length: columns(rect) }, (_, j) => isIsoDate(at(i, j))),
        ),
      };
    });
    return { sheet, runs };
  });
}

/** Writes of update runs; `formats` gives the cells' number formats where a date is written. */
function updateRunSteps(
  sheet: string,
  runs: UpdateGroup['runs'],
  ws: (env: Env) => Excel.Worksheet,
  formats: (i: number) => string[][] | undefined,
): Step[] {
  return runs.flatMap((run, i) => {
    const address = a1Of(run.rect);
    const current = formats(i);
    // A date gets a date format where the cell shows numbers in General (as the file adapter).
    const general = (r: number, c: number) => (current?.[r]?.[c] ?? 'General') === 'General';
    const needsFormat = run.dates.some((row, r) => row.some((d, c) => d && general(r, c)));
    const numberFormat = needsFormat
      ? run.dates.map((row, r) => row.map((d, c) => (d && general(r, c) ? DATE_FORMAT : null)))
      : undefined;
    return [
      {
        bytes: cost(numberFormat ? 3 : 2, run.values, numberFormat ?? null, address),
        trace: { sheet, address, step: 'ghi ô nhập' },
        apply(env: Env) {
          const range = ws(env).getRange(address);
          range.values = run.values;
          // null in a 2-D array leaves that cell's format as it is.
          if (numberFormat) range.numberFormat = numberFormat as unknown as string[][];
        },
      },
    ];
  });
}

/** Updates of an existing sheet: unprotected only when a locked cell or a format is written. */
function probeSteps(probe: UpdateProbe): Step[] {
  const sheet = probe.sheet;
  const protectedNow = probe.ws.protection.protected;
  const options = protectedNow ? probe.ws.protection.options : undefined;
  const formats = (i: number) => {
    const run = probe.runs[i]!;
    return run.dates.some((row) => row.some(Boolean))
      ? (run.range.numberFormat as string[][])
      : undefined;
  };
  const writes = updateRunSteps(sheet, probe.runs, () => probe.ws, formats);
  const needsFormat = probe.runs.some((run, i) => {
    const f = formats(i);
    return run.dates.some((row, r) => row.some((d, c) => d && f?.[r]?.[c] === 'General'));
  });
  const locked = probe.runs.some((run) => run.range.format.protection.locked !== false);
  const unprotect = protectedNow && (locked || (needsFormat && !options?.allowFormatCells));
  if (!unprotect) return writes;
  return [
    {
      bytes: cost(2),
      trace: { sheet, step: 'bỏ bảo vệ trang để ghi ô bị khóa' },
      apply() {
        // Checked by the first sync: the sheet is protected, so unprotect() is valid.
        probe.ws.protection.unprotect();
      },
    },
    ...writes,
    {
      bytes: cost(2, options ?? null),
      trace: { sheet, step: 'bảo vệ lại trang' },
      apply() {
        probe.ws.protection.protect(options ?? protectionOptions(LOOK.protection));
      },
    },
  ];
}

/** Steps cut into blocks of at most `limit` bytes (a step larger than that gets a block alone). */
export function blocksOf(steps: readonly Step[], limit: number): Step[][] {
  const blocks: Step[][] = [];
  let current: Step[] = [];
  let bytes = 0;
  for (const step of steps) {
    const b = step.bytes + (step.trace ? CALL_BYTES : 0);
    if (current.length && bytes + b > limit) {
      blocks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(step);
    bytes += b;
  }
  if (current.length) blocks.push(current);
  return blocks;
}

/** Queues a block: each step behind a trace naming its sheet and cells. */
function queueBlock(env: Env, block: readonly Step[]): void {
  for (const step of block) {
    if (step.trace) env.ctx.trace(traceMessage(step.trace));
    step.apply(env);
  }
}

/**
 * Queues and syncs a block. A print setting never aborts a write: when Excel refuses one, it has
 * run the steps before it (Excel does not roll back), so the rest of the block is queued again
 * without print settings, and the user is told. Only a failure costs the extra sync.
 */
export async function syncBlock(
  env: Env,
  block: readonly Step[],
  note: (message: string) => void,
  partlyWritten: () => void,
): Promise<void> {
  let pending = block;
  while (pending.length) {
    queueBlock(env, pending);
    try {
      await env.ctx.sync();
      return;
    } catch (e) {
      const failed = failedStep(e, pending);
      if (!failed?.skippable || !isOfficeError(e)) throw e;
      note(printSetupNote(failed.trace!.sheet, e.code));
      partlyWritten();
      pending = pending.slice(pending.indexOf(failed) + 1).filter((s) => !s.skippable);
      // Proxies made by a failed request are not reused: the sheets are found again by name
      // (getItem ignores case, as the keys do).
      const sheets = env.ctx.workbook.worksheets;
      for (const key of env.sheets.keys()) env.sheets.set(key, sheets.getItem(key));
    }
  }
}

/** The step Excel failed in: the last one whose trace Excel ran. */
function failedStep(e: unknown, steps: readonly Step[]): Step | undefined {
  const traces = isOfficeError(e) ? (e.traceMessages ?? []) : [];
  const last = traces[traces.length - 1];
  if (last === undefined) return undefined;
  for (let i = steps.length - 1; i >= 0; i--) {
    const trace = steps[i]!.trace;
    if (trace && traceMessage(trace) === last) return steps[i];
  }
  return undefined;
}
