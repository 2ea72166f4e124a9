/**
 * An in-memory stand-in for the subset of the Excel JavaScript API the adapter uses
 * (src/io/excel/), faithful where it matters (design.md, "Testing"):
 *
 * - proxies only queue operations; they run, in order, at `context.sync()`;
 * - reading a property that was not loaded and synced throws PropertyNotLoaded, and so does
 *   `isNullObject` before a load; loaded values appear only after a successful sync;
 * - every sync is counted; the JSON of each request and response is measured in UTF-8 bytes (in
 *   the shape office.js sends: actions plus object paths) and refused over 5 MB, as Excel on the web
 *   does (RequestPayloadSizeLimitExceeded, ResponsePayloadSizeLimitExceeded);
 * - a failing operation stops the batch; those before it stay applied (Excel does not roll back),
 *   and the error carries code, debugInfo.errorLocation and the trace messages run before it;
 * - assigning values, formulas or number formats whose dimensions differ from the range throws
 *   InvalidArgument; strings are typed as Excel types them ("1.10" becomes 1.1, "2025-02-01" a date,
 *   "=…" a formula, "'…" text); null entries leave the cell as it is;
 * - protected sheets refuse writes into locked cells, formats without the matching permission,
 *   merges, tables and validation (AccessDenied); protect() on a protected sheet and unprotect() on
 *   an unprotected one throw (InvalidOperation), as recent Excel builds do;
 * - `*OrNullObject` return null objects, and what is reached through a null object is null too;
 * - members above the configured ExcelApi version throw ApiNotFound, and
 *   `isSetSupported` answers from the same version.
 *
 * There is no calculation engine: a formula cell reads back the value `calculate` gives (none by
 * default, so it reads as empty). Formula results are checked against LibreOffice elsewhere.
 */

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

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

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
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

// Excel's error literals, typed as errors on input. Kept apart from the adapter's ERROR_TEXTS
// (src/io/excel/excel-workbook.ts) on purpose: the stand-in is an independent model of Excel,
// importing nothing from src/, so that an entry missing from the adapter's list shows as a failure.
const ERROR_LITERALS = [
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
];

/** An Excel error as office.js gives it (OfficeExtension.Error: name "RichApi.Error"). */
export class StandinError extends Error {
  override name = 'RichApi.Error';
  debugInfo: { code: string; message: string; errorLocation: string };
  traceMessages: string[] = [];
  constructor(
    readonly code: string,
    message: string,
    errorLocation = '',
  ) {
    super(message);
    this.debugInfo = { code, message, errorLocation };
  }
}

const fail = (code: string, message: string, where = ''): never => {
  throw new StandinError(code, message, where);
};

// ---------------------------------------------------------------------------------------------
// The workbook model.

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

class Book {
  sheets: SheetModel[] = [];
  tables: StandinTable[] = [];
  nextId = 1;
}

// ---------------------------------------------------------------------------------------------
// Addresses and typing.

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function columnName(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "A1", "B2:D7", "A:C" (whole columns), "5:5" (whole rows) → 0-based rectangle. */
export function parseRect(address: string, where = 'Worksheet.getRange'): Rect {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const parts = bare.replace(/\$/g, '').toUpperCase().split(':');
  if (parts.length > 2 || parts.some((p) => p === ''))
    fail(
      'InvalidArgument',
      `The argument is invalid or missing or has an incorrect format.`,
      where,
    );
  const point = (p: string) => {
    let m = /^([A-Z]{1,3})(\d+)$/.exec(p);
    if (m) return { row: Number(m[2]) - 1, col: columnNumber(m[1]!) - 1, kind: 'cell' as const };
    m = /^([A-Z]{1,3})$/.exec(p);
    if (m) return { row: -1, col: columnNumber(m[1]!) - 1, kind: 'col' as const };
    m = /^(\d+)$/.exec(p);
    if (m) return { row: Number(m[1]) - 1, col: -1, kind: 'row' as const };
    return fail(
      'InvalidArgument',
      `The argument is invalid or missing or has an incorrect format.`,
      where,
    );
  };
  const a = point(parts[0]!);
  const b = point(parts[1] ?? parts[0]!);
  if (a.kind !== b.kind)
    fail(
      'InvalidArgument',
      `The argument is invalid or missing or has an incorrect format.`,
      where,
    );
  const rect =
    a.kind === 'col'
      ? { r0: 0, r1: MAX_ROWS - 1, c0: Math.min(a.col, b.col), c1: Math.max(a.col, b.col) }
      : a.kind === 'row'
        ? { c0: 0, c1: MAX_COLUMNS - 1, r0: Math.min(a.row, b.row), r1: Math.max(a.row, b.row) }
        : {
            r0: Math.min(a.row, b.row),
            c0: Math.min(a.col, b.col),
            r1: Math.max(a.row, b.row),
            c1: Math.max(a.col, b.col),
          };
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLUMNS)
    fail(
      'InvalidArgument',
      `The argument is invalid or missing or has an incorrect format.`,
      where,
    );
  return rect;
}

export function rectAddress(r: Rect): string {
  const a = `${columnName(r.c0)}${r.r0 + 1}`;
  const b = `${columnName(r.c1)}${r.r1 + 1}`;
  return a === b ? a : `${a}:${b}`;
}

const quoteSheet = (name: string) =>
  /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;

const cellsOf = (r: Rect) => (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);

function* each(r: Rect): Generator<[number, number]> {
  for (let i = r.r0; i <= r.r1; i++) for (let j = r.c0; j <= r.c1; j++) yield [i, j];
}

const intersects = (a: Rect, b: Rect) =>
  a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;

/** Rectangles covering the cells where `test` holds: row runs, stacked when equal (as Excel). */
function areasOf(rect: Rect, test: (r: number, c: number) => boolean): Rect[] {
  const out: Rect[] = [];
  let open: Rect[] = [];
  for (let r = rect.r0; r <= rect.r1; r++) {
    const next: Rect[] = [];
    let c = rect.c0;
    while (c <= rect.c1) {
      if (!test(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c + 1 <= rect.c1 && test(r, c + 1)) c++;
      const above = open.find((o) => o.c0 === start && o.c1 === c);
      if (above) {
        above.r1 = r;
        next.push(above);
      } else {
        const run = { r0: r, c0: start, r1: r, c1: c };
        out.push(run);
        next.push(run);
      }
      c++;
    }
    open = next;
  }
  return out;
}

/** Excel serial of an ISO date or m/d/yyyy (en-US), as typing it would give. */
function dateSerial(s: string): number | undefined {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
    if (!m) return undefined;
    [mo, d, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const ms = Date.UTC(y, mo - 1, d);
  const date = new Date(ms);
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return Math.round(ms / 86_400_000) + 25_569;
}

/** What typing `input` into a cell gives (Range.values / Range.formulas assignment). */
function typeInto(
  cell: StandinCell,
  input: unknown,
  calc: (formula: string) => StandinValue,
  where: string,
) {
  cell.formula = undefined;
  cell.quotePrefix = undefined;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) fail('InvalidArgument', 'The argument is invalid.', where);
    cell.value = input;
    return;
  }
  if (typeof input === 'boolean') {
    cell.value = input;
    return;
  }
  if (typeof input !== 'string')
    return fail(
      'InvalidArgument',
      `The argument is invalid or missing or has an incorrect format.`,
      where,
    );
  const s = input;
  if (s === '') {
    cell.value = null;
    return;
  }
  if (s.startsWith("'")) {
    cell.value = s.slice(1) === '' ? null : s.slice(1);
    cell.quotePrefix = true;
    return;
  }
  const t = s.trim();
  if (ERROR_LITERALS.includes(t.toUpperCase())) {
    cell.value = { error: t.toUpperCase() };
    return;
  }
  if (/^(true|false)$/i.test(t)) {
    cell.value = t.toLowerCase() === 'true';
    return;
  }
  const num = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?(%?)$/.exec(t.replace(/^\((.*)\)$/, '-$1'));
  if (num) {
    const n = Number(num[0].replace('%', ''));
    cell.value = num[4] ? n / 100 : t.startsWith('(') ? -Math.abs(n) : n;
    if (num[4] && cell.numberFormat === 'General') cell.numberFormat = '0%';
    return;
  }
  const serial = dateSerial(t);
  if (serial !== undefined) {
    cell.value = serial;
    if (cell.numberFormat === 'General') cell.numberFormat = 'm/d/yyyy';
    return;
  }
  if (s.startsWith('=') || s.startsWith('+') || s.startsWith('-')) {
    cell.formula = s.startsWith('=') ? s : `=${s}`;
    cell.value = calc(cell.formula);
    return;
  }
  cell.value = s;
}

// ---------------------------------------------------------------------------------------------
// Proxies.

const NULL = Symbol('null object');
type Maybe<T> = T | typeof NULL;

interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

interface AreasTarget {
  sheet: SheetModel;
  rects: Rect[];
}

interface Exec {
  traces: string[];
  commits: (() => void)[];
  results: unknown[];
}

interface Action {
  json: Record<string, unknown>;
  obj: Obj<unknown> | undefined;
  /** Objects passed as arguments: their paths travel with the request. */
  args?: Obj<unknown>[];
  run(exec: Exec): void;
}

const versionValue = (v: string) => {
  const [a, b] = v.split('.').map(Number);
  return (a ?? 0) * 1000 + (b ?? 0);
};

type Getter<T> = (t: T) => unknown;
/** Getters of any proxy type (a getter taking `never` accepts every target type). */
type Getters = Record<string, Getter<never>>;

/** A proxy: a path from the context to an object of the workbook, resolved at sync time. */
abstract class Obj<T> {
  readonly _id: number;
  protected _bound = false;
  protected _target: Maybe<T> | undefined;
  readonly _loaded = new Map<string, unknown>();
  _nullKnown: boolean | undefined;
  private readonly _children = new Map<string, Obj<unknown>>();
  /** Scalar properties that can be loaded. */
  protected abstract readonly _props: Getters;

  constructor(
    readonly _ctx: Ctx,
    readonly _parent: Obj<unknown> | undefined,
    readonly _type: string,
    readonly _path: { kind: number; name: string; args?: unknown[] },
    private readonly _resolver: ((parent: unknown) => Maybe<T>) | undefined,
    readonly _version = '1.1',
  ) {
    this._id = _ctx._nextId++;
  }

  _bind(target: Maybe<T>) {
    this._bound = true;
    this._target = target;
  }

  /** The object this proxy stands for (resolved once, then kept, as Excel binds object paths). */
  _resolve(): Maybe<T> {
    this._ctx._api(this._version, this._type);
    if (this._bound) return this._target!;
    const parent = this._parent ? this._parent._resolve() : undefined;
    if (parent === NULL) {
      this._bind(NULL);
      return NULL;
    }
    const t = this._resolver!(parent);
    this._bind(t);
    return t;
  }

  _nonNull(where: string): T {
    const t = this._resolve();
    if (t === NULL)
      fail('ItemNotFound', 'The requested resource doesn\u2019t exist (null object).', where);
    if (t instanceof SheetModel && t.deleted)
      fail(
        'InvalidObjectPath',
        'The object path isn\u2019t working: the worksheet was deleted.',
        where,
      );
    if (
      typeof t === 'object' &&
      t !== null &&
      'sheet' in t &&
      (t as { sheet: SheetModel }).sheet.deleted
    )
      fail(
        'InvalidObjectPath',
        'The object path isn\u2019t working: the worksheet was deleted.',
        where,
      );
    return t as T;
  }

  /** A navigation property: always the same proxy. */
  protected _child<C extends Obj<unknown>>(name: string, make: () => C): C {
    let c = this._children.get(name);
    if (!c) {
      c = make();
      this._children.set(name, c);
    }
    return c as C;
  }

  /** Navigation properties by name (for loads like "format/protection/locked"). */
  protected _nav(name: string): Obj<unknown> | undefined {
    void name;
    return undefined;
  }

  /** Items of a collection (for loads like "items/name"). */
  protected _items(t: T): Obj<unknown>[] | undefined {
    void t;
    return undefined;
  }

  get isNullObject(): boolean {
    if (this._nullKnown === undefined)
      throw new StandinError(
        'PropertyNotLoaded',
        `The property 'isNullObject' is not available on ${this._type}. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
        `${this._type}.isNullObject`,
      );
    return this._nullKnown;
  }

  protected _get<V>(name: string): V {
    if (this._nullKnown === true)
      throw new StandinError(
        'PropertyNotLoaded',
        `The property '${name}' is not available: ${this._type} is a null object (check isNullObject first).`,
        `${this._type}.${name}`,
      );
    if (!this._loaded.has(name))
      throw new StandinError(
        'PropertyNotLoaded',
        `The property '${name}' is not available on ${this._type}. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
        `${this._type}.${name}`,
      );
    return this._loaded.get(name) as V;
  }

  protected _set(name: string, value: unknown, apply: (t: T) => void, version = '1.1') {
    const where = `${this._type}.${name}`;
    this._ctx._queue.push({
      json: { ActionType: 4, Name: name, ArgumentInfo: { Arguments: [value] } },
      obj: this,
      run: () => {
        this._ctx._api(version, where);
        apply(this._nonNull(where));
      },
    });
  }

  protected _call(
    name: string,
    args: unknown[],
    apply: (t: T) => void,
    version = '1.1',
    objArgs: Obj<unknown>[] = [],
  ) {
    const where = `${this._type}.${name}`;
    this._ctx._queue.push({
      json: {
        ActionType: 3,
        Name: name,
        ArgumentInfo: { Arguments: args.map((a) => (a instanceof Obj ? { _Id: a._id } : a)) },
      },
      obj: this,
      args: objArgs,
      run: () => {
        this._ctx._api(version, where);
        apply(this._nonNull(where));
        const calls = this._ctx._s.stats.calls;
        calls[where] = (calls[where] ?? 0) + 1;
      },
    });
  }

  load(arg?: string | string[] | { select?: string; expand?: string }): this {
    const paths =
      arg === undefined
        ? Object.keys(this._props)
        : typeof arg === 'string'
          ? arg.split(',')
          : Array.isArray(arg)
            ? arg
            : [...(arg.select?.split(',') ?? []), ...(arg.expand?.split(',') ?? [])];
    const clean = paths.map((p) => p.trim()).filter(Boolean);
    this._ctx._queue.push({
      json: { ActionType: 2, Name: '', QueryInfo: { Select: clean } },
      obj: this,
      run: (exec) => this._query(clean, exec),
    });
    return this;
  }

  /** Runs a load: values captured now, visible after the sync succeeds. */
  _query(paths: string[], exec: Exec) {
    const t = this._resolve();
    if (t === NULL) {
      exec.commits.push(() => (this._nullKnown = true));
      exec.results.push({ _Id: this._id, IsNullObject: true });
      return;
    }
    const where = `${this._type}.load`;
    this._nonNull(where);
    const own: Record<string, unknown> = {};
    const nested = new Map<string, string[]>();
    for (const path of paths) {
      const [head, ...rest] = path.split('/');
      if (rest.length) {
        nested.set(head!, [...(nested.get(head!) ?? []), rest.join('/')]);
        continue;
      }
      const getter = this._props[head!];
      if (!getter) fail('InvalidArgument', `Cannot load '${head}' on ${this._type}.`, where);
      own[head!] = getter!(t as never);
    }
    exec.commits.push(() => {
      this._nullKnown = false;
      for (const [k, v] of Object.entries(own)) this._loaded.set(k, v);
    });
    exec.results.push({ _Id: this._id, ...own });
    for (const [head, rest] of nested) {
      if (head === 'items') {
        const items = this._items(t);
        if (!items) fail('InvalidArgument', `${this._type} has no items.`, where);
        for (const item of items!) item._query(rest, exec);
        exec.commits.push(() => {
          this._nullKnown = false;
          this._loaded.set('items', items);
        });
        continue;
      }
      const child = this._nav(head);
      if (!child) fail('InvalidArgument', `Cannot load '${head}' on ${this._type}.`, where);
      child!._query(rest, exec);
    }
  }

  toJSON() {
    return Object.fromEntries(this._loaded);
  }
}

/** A collection's item, made from a known target. */
function bound<O extends Obj<T>, T>(obj: O, target: T): O {
  obj._bind(target);
  return obj;
}

class Ctx {
  _nextId = 1;
  _queue: Action[] = [];
  readonly workbook: WorkbookObj;
  constructor(readonly _s: StandinState) {
    this.workbook = new WorkbookObj(
      this,
      undefined,
      'Workbook',
      { kind: 1, name: 'Workbook' },
      () => _s.book,
    );
  }

  _api(version: string, where: string) {
    if (versionValue(version) > versionValue(this._s.apiVersion))
      fail(
        'ApiNotFound',
        `The API you are trying to use could not be found. It may be available in a newer version of Excel (${where} needs ExcelApi ${version}).`,
        where,
      );
  }

  trace(message: string) {
    this._queue.push({
      json: { ActionType: 5, Name: 'Trace', ArgumentInfo: { Arguments: [message] } },
      obj: undefined,
      run: (exec) => exec.traces.push(message),
    });
  }

  /** The request as office.js would post it: its actions and the object paths they use. */
  private _request(queue: readonly Action[]): string {
    const paths = new Map<number, unknown>();
    const addPath = (o: Obj<unknown> | undefined) => {
      for (let p = o; p && !paths.has(p._id); p = p._parent)
        paths.set(p._id, {
          Id: p._id,
          ObjectPathType: p._path.kind,
          Name: p._path.name,
          ...(p._parent ? { ParentObjectPathId: p._parent._id } : {}),
          ...(p._path.args ? { ArgumentInfo: { Arguments: p._path.args } } : {}),
        });
    };
    const actions = queue.map((a, i) => {
      addPath(a.obj);
      a.args?.forEach(addPath);
      return { Id: i + 1, ...(a.obj ? { ObjectPathId: a.obj._id } : {}), ...a.json };
    });
    return JSON.stringify({ Actions: actions, ObjectPaths: Object.fromEntries(paths) });
  }

  async sync(): Promise<void> {
    await Promise.resolve();
    const queue = this._queue;
    this._queue = [];
    const s = this._s;
    s.stats.syncs++;
    const requestBytes = Buffer.byteLength(this._request(queue), 'utf8');
    s.stats.requestBytes.push(requestBytes);
    if (requestBytes > s.payloadLimit)
      fail(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size has exceeded the limit (${requestBytes} bytes).`,
        'RequestContext.sync',
      );
    const exec: Exec = { traces: [], commits: [], results: [] };
    for (const action of queue) {
      try {
        action.run(exec);
      } catch (e) {
        if (e instanceof StandinError) e.traceMessages = [...exec.traces];
        throw e;
      }
    }
    const responseBytes = Buffer.byteLength(JSON.stringify({ Results: exec.results }), 'utf8');
    s.stats.responseBytes.push(responseBytes);
    if (responseBytes > s.payloadLimit) {
      const e = new StandinError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size has exceeded the limit (${responseBytes} bytes).`,
        'RequestContext.sync',
      );
      e.traceMessages = [...exec.traces];
      throw e;
    }
    for (const commit of exec.commits) commit();
  }
}

class WorkbookObj extends Obj<Book> {
  protected _props = {};
  get worksheets(): WorksheetCollectionObj {
    return this._child(
      'worksheets',
      () =>
        new WorksheetCollectionObj(
          this._ctx,
          this,
          'WorksheetCollection',
          { kind: 4, name: 'Worksheets' },
          (b) => b as Book,
        ),
    );
  }
  protected override _nav(name: string) {
    return name === 'worksheets' ? this.worksheets : undefined;
  }
}

function validSheetName(name: unknown, book: Book, self: SheetModel | undefined, where: string) {
  if (
    typeof name !== 'string' ||
    name.length === 0 ||
    name.length > 31 ||
    /[[\]:*?/\\]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'")
  )
    fail(
      'InvalidArgument',
      `The argument is invalid or missing or has an incorrect format (sheet name "${String(name)}").`,
      where,
    );
  if (
    book.sheets.some((s) => s !== self && s.name.toLowerCase() === (name as string).toLowerCase())
  )
    fail(
      'ItemAlreadyExists',
      `A resource with the same name or identifier already exists ("${String(name)}").`,
      where,
    );
}

class WorksheetCollectionObj extends Obj<Book> {
  protected _props = {};
  get items(): WorksheetObj[] {
    return this._get('items');
  }
  protected override _items(book: Book) {
    return book.sheets.map((s) =>
      bound(
        this._sheetProxy('items', () => s),
        s,
      ),
    );
  }
  private _sheetProxy(
    name: string,
    find: (b: Book) => Maybe<SheetModel>,
    args?: unknown[],
    version = '1.1',
  ) {
    return new WorksheetObj(
      this._ctx,
      this,
      'Worksheet',
      { kind: 3, name, ...(args ? { args } : {}) },
      (b) => find(b as Book),
      version,
    );
  }
  getItem(key: string): WorksheetObj {
    return this._sheetProxy(
      'GetItem',
      (b) => {
        const s = b.sheets.find((x) => x.name.toLowerCase() === key.toLowerCase());
        return (
          s ??
          fail(
            'ItemNotFound',
            `The requested resource doesn't exist ("${key}").`,
            'WorksheetCollection.getItem',
          )
        );
      },
      [key],
    );
  }
  getItemOrNullObject(key: string): WorksheetObj {
    return this._sheetProxy(
      'GetItemOrNullObject',
      (b) => b.sheets.find((x) => x.name.toLowerCase() === key.toLowerCase()) ?? NULL,
      [key],
      '1.4',
    );
  }
  add(name?: string): WorksheetObj {
    const ws = new WorksheetObj(
      this._ctx,
      this,
      'Worksheet',
      { kind: 3, name: 'Add', args: [name] },
      undefined,
    );
    const where = 'WorksheetCollection.add';
    this._ctx._queue.push({
      json: { ActionType: 1, Name: 'Add', ArgumentInfo: { Arguments: [name] } },
      obj: this,
      run: () => {
        const book = this._nonNull(where);
        let n = name;
        if (n === undefined) {
          let i = book.sheets.length + 1;
          while (book.sheets.some((s) => s.name.toLowerCase() === `sheet${i}`)) i++;
          n = `Sheet${i}`;
        }
        validSheetName(n, book, undefined, where);
        const sheet = new SheetModel(book.nextId++, n);
        book.sheets.push(sheet);
        ws._bind(sheet);
      },
    });
    return ws;
  }
}

class WorksheetObj extends Obj<SheetModel> {
  protected _props: Record<string, Getter<SheetModel>> = {
    name: (s) => s.name,
    id: (s) => `{${s.id}}`,
    position: (s) => this._book().sheets.indexOf(s),
    visibility: (s) => s.visibility,
    tabColor: (s) => s.tabColor,
  };
  private _book(): Book {
    return this._ctx._s.book;
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v, (s) => {
      validSheetName(v, this._book(), s, 'Worksheet.name');
      s.name = v;
    });
  }
  get position(): number {
    return this._get('position');
  }
  set position(v: number) {
    this._set('position', v, (s) => {
      const sheets = this._book().sheets;
      if (!Number.isInteger(v) || v < 0 || v >= sheets.length)
        fail(
          'InvalidArgument',
          'The argument is invalid or missing or has an incorrect format.',
          'Worksheet.position',
        );
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(v, 0, s);
    });
  }
  get visibility(): string {
    return this._get('visibility');
  }
  set visibility(v: 'Visible' | 'Hidden' | 'VeryHidden') {
    this._set(
      'visibility',
      v,
      (s) => {
        if (
          v !== 'Visible' &&
          !this._book().sheets.some((x) => x !== s && x.visibility === 'Visible')
        )
          fail(
            'InvalidOperation',
            'A workbook must contain at least one visible worksheet.',
            'Worksheet.visibility',
          );
        s.visibility = v;
      },
      '1.2',
    );
  }
  get tabColor(): string {
    return this._get('tabColor');
  }
  set tabColor(v: string) {
    this._set('tabColor', v, (s) => (s.tabColor = v), '1.7');
  }
  get protection(): ProtectionObj {
    return this._child(
      'protection',
      () =>
        new ProtectionObj(
          this._ctx,
          this,
          'WorksheetProtection',
          { kind: 4, name: 'Protection' },
          (s) => s as SheetModel,
          '1.2',
        ),
    );
  }
  get tables(): TableCollectionObj {
    return this._child(
      'tables',
      () =>
        new TableCollectionObj(
          this._ctx,
          this,
          'TableCollection',
          { kind: 4, name: 'Tables' },
          (s) => s as SheetModel,
        ),
    );
  }
  get freezePanes(): FreezePanesObj {
    return this._child(
      'freezePanes',
      () =>
        new FreezePanesObj(
          this._ctx,
          this,
          'WorksheetFreezePanes',
          { kind: 4, name: 'FreezePanes' },
          (s) => s as SheetModel,
          '1.7',
        ),
    );
  }
  get pageLayout(): PageLayoutObj {
    return this._child(
      'pageLayout',
      () =>
        new PageLayoutObj(
          this._ctx,
          this,
          'PageLayout',
          { kind: 4, name: 'PageLayout' },
          (s) => s as SheetModel,
          '1.9',
        ),
    );
  }
  protected override _nav(name: string) {
    return (
      {
        protection: () => this.protection,
        tables: () => this.tables,
        freezePanes: () => this.freezePanes,
        pageLayout: () => this.pageLayout,
      } as Record<string, () => Obj<unknown>>
    )[name]?.();
  }
  getRange(address?: string): RangeObj {
    return new RangeObj(
      this._ctx,
      this,
      'Range',
      { kind: 3, name: 'GetRange', args: [address] },
      (s) => ({
        sheet: s as SheetModel,
        rect: address
          ? parseRect(address)
          : { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 },
      }),
    );
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeObj {
    return new RangeObj(
      this._ctx,
      this,
      'Range',
      { kind: 3, name: 'GetUsedRangeOrNullObject', args: [valuesOnly] },
      (s) => {
        const sheet = s as SheetModel;
        const rect = sheet.usedRect(valuesOnly);
        return rect ? { sheet, rect } : NULL;
      },
      '1.4',
    );
  }
  delete() {
    this._call('Delete', [], (s) => {
      const book = this._book();
      if (
        s.visibility === 'Visible' &&
        !book.sheets.some((x) => x !== s && x.visibility === 'Visible')
      )
        fail(
          'InvalidOperation',
          'A workbook must contain at least one visible worksheet.',
          'Worksheet.delete',
        );
      book.sheets.splice(book.sheets.indexOf(s), 1);
      book.tables = book.tables.filter((t) => t.sheet !== s);
      s.deleted = true;
    });
  }
  copy(positionType: string = 'None', relativeTo?: WorksheetObj): WorksheetObj {
    const copy = new WorksheetObj(
      this._ctx,
      this,
      'Worksheet',
      { kind: 3, name: 'Copy', args: [positionType] },
      undefined,
    );
    const where = 'Worksheet.copy';
    this._call(
      'Copy',
      [positionType, ...(relativeTo ? [relativeTo] : [])],
      (s) => {
        const book = this._book();
        let k = 2;
        const base = s.name.slice(0, 25);
        while (book.sheets.some((x) => x.name.toLowerCase() === `${base} (${k})`.toLowerCase()))
          k++;
        const c = s.clone(book.nextId++, `${base} (${k})`);
        const anchor = relativeTo ? relativeTo._nonNull(where) : undefined;
        const at =
          positionType === 'After'
            ? book.sheets.indexOf(
                anchor ?? fail('InvalidArgument', 'relativeTo is required.', where),
              ) + 1
            : positionType === 'Before'
              ? book.sheets.indexOf(
                  anchor ?? fail('InvalidArgument', 'relativeTo is required.', where),
                )
              : positionType === 'End'
                ? book.sheets.length
                : 0;
        book.sheets.splice(at, 0, c);
        for (const t of book.tables.filter((x) => x.sheet === s)) {
          let n = 1;
          while (book.tables.some((x) => x.name.toLowerCase() === `${t.name}${n}`.toLowerCase()))
            n++;
          book.tables.push({ ...t, sheet: c, name: `${t.name}${n}`, rect: { ...t.rect } });
        }
        copy._bind(c);
      },
      '1.7',
      relativeTo ? [relativeTo] : [],
    );
    return copy;
  }
}

class ProtectionObj extends Obj<SheetModel> {
  protected _props: Record<string, Getter<SheetModel>> = {
    protected: (s) => s.protected,
    options: (s) => ({ ...s.protectionOptions }),
  };
  get protected(): boolean {
    return this._get('protected');
  }
  get options(): Record<string, unknown> {
    return this._get('options');
  }
  protect(options?: Record<string, unknown>, password?: string) {
    this._call(
      'Protect',
      [options ?? null, password ?? null],
      (s) => {
        if (s.protected)
          fail(
            'InvalidOperation',
            'The worksheet is already protected.',
            'WorksheetProtection.protect',
          );
        s.protected = true;
        s.protectionOptions = { ...(options ?? {}) };
        s.password = password;
      },
      '1.2',
    );
  }
  unprotect(password?: string) {
    this._call(
      'Unprotect',
      [password ?? null],
      (s) => {
        if (!s.protected)
          fail(
            'InvalidOperation',
            'The worksheet is not protected.',
            'WorksheetProtection.unprotect',
          );
        if (s.password !== undefined && s.password !== password)
          fail(
            'InvalidArgument',
            'The password you supplied is not correct.',
            'WorksheetProtection.unprotect',
          );
        s.protected = false;
        s.protectionOptions = {};
        s.password = undefined;
      },
      '1.2',
    );
  }
}

/** Refuses to change a protected sheet unless the protection allows it. */
function guard(sheet: SheetModel, allow: string | null, where: string, rect?: Rect) {
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

function checkShape(grid: unknown, rect: Rect, where: string): unknown[][] {
  const rows = rect.r1 - rect.r0 + 1;
  const cols = rect.c1 - rect.c0 + 1;
  if (
    !Array.isArray(grid) ||
    grid.length !== rows ||
    grid.some((row) => !Array.isArray(row) || row.length !== cols)
  )
    fail(
      'InvalidArgument',
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      where,
    );
  return grid as unknown[][];
}

const uniform = (values: unknown[]) =>
  values.every((v) => JSON.stringify(v) === JSON.stringify(values[0])) ? (values[0] ?? null) : null;

class RangeObj extends Obj<RangeTarget> {
  protected _props: Record<string, Getter<RangeTarget>> = {
    values: (t) =>
      this._grid(t, (c) =>
        c?.value === null || c?.value === undefined
          ? ''
          : typeof c.value === 'object'
            ? c.value.error
            : c.value,
      ),
    valueTypes: (t) =>
      this._grid(t, (c) => {
        const v = c?.value ?? null;
        if (v === null) return 'Empty';
        if (typeof v === 'object') return 'Error';
        return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
      }),
    formulas: (t) =>
      this._grid(
        t,
        (c) =>
          c?.formula ??
          (c?.value === null || c?.value === undefined
            ? ''
            : typeof c.value === 'object'
              ? c.value.error
              : c.value),
      ),
    numberFormat: (t) => this._grid(t, (c) => c?.numberFormat ?? 'General'),
    rowIndex: (t) => t.rect.r0,
    columnIndex: (t) => t.rect.c0,
    rowCount: (t) => t.rect.r1 - t.rect.r0 + 1,
    columnCount: (t) => t.rect.c1 - t.rect.c0 + 1,
    address: (t) => `${quoteSheet(t.sheet.name)}!${rectAddress(t.rect)}`,
    columnHidden: (t) => {
      const all = [] as boolean[];
      for (let c = t.rect.c0; c <= t.rect.c1; c++) all.push(t.sheet.hiddenColumns.has(c));
      return uniform(all);
    },
  };

  private _grid(t: RangeTarget, f: (c: StandinCell | undefined) => unknown): unknown[][] {
    if (cellsOf(t.rect) > 5_000_000)
      fail('ResponsePayloadSizeLimitExceeded', 'The range is too large to load.', 'Range.load');
    const out: unknown[][] = [];
    for (let r = t.rect.r0; r <= t.rect.r1; r++) {
      const row: unknown[] = [];
      for (let c = t.rect.c0; c <= t.rect.c1; c++) row.push(f(t.sheet.cell(r, c)));
      out.push(row);
    }
    return out;
  }

  get values(): unknown[][] {
    return this._get('values');
  }
  set values(v: unknown[][]) {
    this._setCells('values', v);
  }
  get formulas(): unknown[][] {
    return this._get('formulas');
  }
  set formulas(v: unknown[][]) {
    this._setCells('formulas', v);
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }
  get numberFormat(): unknown[][] {
    return this._get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this._set('numberFormat', v, (t) => {
      const where = 'Range.numberFormat';
      const grid = checkShape(v, t.rect, where);
      guard(t.sheet, 'allowFormatCells', where);
      for (const [r, c] of each(t.rect)) {
        const f = grid[r - t.rect.r0]![c - t.rect.c0];
        if (f === null || f === undefined) continue;
        if (typeof f !== 'string') fail('InvalidArgument', 'A number format must be text.', where);
        t.sheet.cellOrNew(r, c).numberFormat = f === '' ? 'General' : (f as string);
      }
    });
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get address(): string {
    return this._get('address');
  }
  get columnHidden(): boolean | null {
    return this._get('columnHidden');
  }
  set columnHidden(v: boolean) {
    this._set(
      'columnHidden',
      v,
      (t) => {
        guard(t.sheet, 'allowFormatColumns', 'Range.columnHidden');
        for (let c = t.rect.c0; c <= t.rect.c1; c++)
          if (v) t.sheet.hiddenColumns.add(c);
          else t.sheet.hiddenColumns.delete(c);
      },
      '1.2',
    );
  }

  private _setCells(name: 'values' | 'formulas', v: unknown[][]) {
    this._set(name, v, (t) => {
      const where = `Range.${name}`;
      const grid = checkShape(v, t.rect, where);
      guard(t.sheet, 'locked', where, t.rect);
      for (const [r, c] of each(t.rect)) {
        const input = grid[r - t.rect.r0]![c - t.rect.c0];
        if (input === null || input === undefined) continue; // null leaves the cell unchanged
        typeInto(
          t.sheet.cellOrNew(r, c),
          input,
          (f) => this._ctx._s.calc(t.sheet.name, rectAddress({ r0: r, c0: c, r1: r, c1: c }), f),
          where,
        );
      }
    });
  }

  get format(): RangeFormatObj {
    return this._child(
      'format',
      () =>
        new RangeFormatObj(
          this._ctx,
          this,
          'RangeFormat',
          { kind: 4, name: 'Format' },
          (t) => t as RangeTarget,
        ),
    );
  }
  get dataValidation(): DataValidationObj {
    return this._child(
      'dataValidation',
      () =>
        new DataValidationObj(
          this._ctx,
          this,
          'DataValidation',
          { kind: 4, name: 'DataValidation' },
          (t) => t as RangeTarget,
          '1.8',
        ),
    );
  }
  get conditionalFormats(): ConditionalFormatsObj {
    return this._child(
      'conditionalFormats',
      () =>
        new ConditionalFormatsObj(
          this._ctx,
          this,
          'ConditionalFormatCollection',
          { kind: 4, name: 'ConditionalFormats' },
          (t) => t as RangeTarget,
          '1.6',
        ),
    );
  }
  protected override _nav(name: string) {
    return (
      {
        format: () => this.format,
        dataValidation: () => this.dataValidation,
        conditionalFormats: () => this.conditionalFormats,
      } as Record<string, () => Obj<unknown>>
    )[name]?.();
  }

  merge(across = false) {
    this._call(
      'Merge',
      [across],
      (t) => {
        guard(t.sheet, null, 'Range.merge');
        const rects = across
          ? Array.from({ length: t.rect.r1 - t.rect.r0 + 1 }, (_, i) => ({
              ...t.rect,
              r0: t.rect.r0 + i,
              r1: t.rect.r0 + i,
            }))
          : [t.rect];
        for (const rect of rects) {
          if (cellsOf(rect) < 2) continue;
          t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, rect));
          t.sheet.merges.push({ ...rect });
        }
      },
      '1.2',
    );
  }

  getSpecialCellsOrNullObject(cellType: string, valueType = 'All'): RangeAreasObj {
    return new RangeAreasObj(
      this._ctx,
      this,
      'RangeAreas',
      { kind: 3, name: 'GetSpecialCellsOrNullObject', args: [cellType, valueType] },
      (p) => {
        const t = p as RangeTarget;
        const kinds = valueType === 'All' ? ['Errors', 'Logical', 'Numbers', 'Text'] : [valueType];
        const ofType = (v: StandinValue) =>
          (kinds.some((k) => k.includes('Errors')) && typeof v === 'object' && v !== null) ||
          (kinds.some((k) => k.includes('Logical')) && typeof v === 'boolean') ||
          (kinds.some((k) => k.includes('Number')) && typeof v === 'number') ||
          (kinds.some((k) => k.includes('Text')) && typeof v === 'string');
        const test = (r: number, c: number) => {
          const cell = t.sheet.cell(r, c);
          if (!cell) return false;
          if (cellType === 'Formulas') return cell.formula !== undefined && ofType(cell.value);
          if (cellType === 'Constants')
            return cell.formula === undefined && cell.value !== null && ofType(cell.value);
          if (cellType === 'Blanks') return cell.value === null && cell.formula === undefined;
          return fail(
            'NotImplemented',
            `Special cells "${cellType}" are not in the stand-in.`,
            'Range.getSpecialCellsOrNullObject',
          );
        };
        const rects = areasOf(t.rect, test);
        return rects.length ? { sheet: t.sheet, rects } : NULL;
      },
      '1.9',
    );
  }

  getMergedAreasOrNullObject(): RangeAreasObj {
    return new RangeAreasObj(
      this._ctx,
      this,
      'RangeAreas',
      { kind: 3, name: 'GetMergedAreasOrNullObject' },
      (p) => {
        const t = p as RangeTarget;
        const rects = t.sheet.merges.filter((m) => intersects(m, t.rect)).map((m) => ({ ...m }));
        if (rects.length > 512)
          fail(
            'GeneralException',
            'More than 512 merged areas.',
            'Range.getMergedAreasOrNullObject',
          );
        return rects.length ? { sheet: t.sheet, rects } : NULL;
      },
      '1.13',
    );
  }
}

/** Sets a format key on every cell of the range. */
function formatCells(t: RangeTarget, key: string, value: unknown, where: string) {
  guard(t.sheet, 'allowFormatCells', where);
  if (cellsOf(t.rect) > 2_000_000)
    fail('InvalidArgument', 'The range is too large for the stand-in.', where);
  for (const [r, c] of each(t.rect)) t.sheet.cellOrNew(r, c).format[key] = value;
}

class RangeFormatObj extends Obj<RangeTarget> {
  protected _props: Record<string, Getter<RangeTarget>> = {
    wrapText: (t) =>
      uniform([...each(t.rect)].map(([r, c]) => t.sheet.cell(r, c)?.format.wrapText ?? false)),
  };
  set horizontalAlignment(v: string) {
    this._set('horizontalAlignment', v, (t) =>
      formatCells(t, 'horizontalAlignment', v, 'RangeFormat.horizontalAlignment'),
    );
  }
  set verticalAlignment(v: string) {
    this._set('verticalAlignment', v, (t) =>
      formatCells(t, 'verticalAlignment', v, 'RangeFormat.verticalAlignment'),
    );
  }
  set wrapText(v: boolean) {
    this._set('wrapText', v, (t) => formatCells(t, 'wrapText', v, 'RangeFormat.wrapText'));
  }
  set indentLevel(v: number) {
    this._set(
      'indentLevel',
      v,
      (t) => formatCells(t, 'indentLevel', v, 'RangeFormat.indentLevel'),
      '1.9',
    );
  }
  set columnWidth(v: number) {
    this._set(
      'columnWidth',
      v,
      (t) => {
        guard(t.sheet, 'allowFormatColumns', 'RangeFormat.columnWidth');
        if (!(v >= 0 && v <= 1_800))
          fail('InvalidArgument', 'The column width is out of range.', 'RangeFormat.columnWidth');
        for (let c = t.rect.c0; c <= t.rect.c1; c++) t.sheet.columnWidths.set(c, v);
      },
      '1.2',
    );
  }
  set rowHeight(v: number) {
    this._set(
      'rowHeight',
      v,
      (t) => {
        guard(t.sheet, 'allowFormatRows', 'RangeFormat.rowHeight');
        if (!(v >= 0 && v <= 409))
          fail('InvalidArgument', 'The row height is out of range.', 'RangeFormat.rowHeight');
        for (let r = t.rect.r0; r <= t.rect.r1; r++) t.sheet.rowHeights.set(r, v);
      },
      '1.2',
    );
  }
  autofitRows() {
    this._call(
      'AutofitRows',
      [],
      (t) => {
        guard(t.sheet, 'allowFormatRows', 'RangeFormat.autofitRows');
        t.sheet.autofitRows.push({ ...t.rect });
      },
      '1.2',
    );
  }
  get font(): KeyedObj {
    return this._child(
      'font',
      () =>
        new KeyedObj(
          this._ctx,
          this,
          'RangeFont',
          { kind: 4, name: 'Font' },
          (t) => t as RangeTarget,
          'font',
          ['name', 'size', 'bold', 'italic', 'color'],
        ),
    );
  }
  get fill(): KeyedObj {
    return this._child(
      'fill',
      () =>
        new KeyedObj(
          this._ctx,
          this,
          'RangeFill',
          { kind: 4, name: 'Fill' },
          (t) => t as RangeTarget,
          'fill',
          ['color'],
        ),
    );
  }
  get borders(): BordersObj {
    return this._child(
      'borders',
      () =>
        new BordersObj(
          this._ctx,
          this,
          'RangeBorderCollection',
          { kind: 4, name: 'Borders' },
          (t) => t as RangeTarget,
        ),
    );
  }
  get protection(): FormatProtectionObj {
    return this._child(
      'protection',
      () =>
        new FormatProtectionObj(
          this._ctx,
          this,
          'FormatProtection',
          { kind: 4, name: 'Protection' },
          (t) => t as RangeTarget,
          '1.2',
        ),
    );
  }
  protected override _nav(name: string) {
    return (
      {
        font: () => this.font,
        fill: () => this.fill,
        borders: () => this.borders,
        protection: () => this.protection,
      } as Record<string, () => Obj<unknown>>
    )[name]?.();
  }
}

/** Font and fill: properties stored as format keys of each cell ("font.bold", "fill.color"). */
class KeyedObj extends Obj<RangeTarget> {
  protected _props: Record<string, Getter<RangeTarget>>;
  constructor(
    ctx: Ctx,
    parent: Obj<unknown>,
    type: string,
    path: { kind: number; name: string },
    resolver: (p: unknown) => RangeTarget,
    prefix: string,
    keys: string[],
  ) {
    super(ctx, parent, type, path, resolver);
    this._props = Object.fromEntries(
      keys.map((k) => [
        k,
        (t: RangeTarget) =>
          uniform(
            [...each(t.rect)].map(([r, c]) => t.sheet.cell(r, c)?.format[`${prefix}.${k}`] ?? null),
          ),
      ]),
    );
    for (const k of keys)
      Object.defineProperty(this, k, {
        get: () => this._get(k),
        set: (v: unknown) =>
          this._set(k, v, (t) => formatCells(t, `${prefix}.${k}`, v, `${type}.${k}`)),
      });
  }
}

const BORDER_SIDES: Record<string, (rect: Rect, r: number, c: number) => string[]> = {
  EdgeTop: (rect, r) => (r === rect.r0 ? ['top'] : []),
  EdgeBottom: (rect, r) => (r === rect.r1 ? ['bottom'] : []),
  EdgeLeft: (rect, _r, c) => (c === rect.c0 ? ['left'] : []),
  EdgeRight: (rect, _r, c) => (c === rect.c1 ? ['right'] : []),
  InsideHorizontal: (rect, r) => [
    ...(r > rect.r0 ? ['top'] : []),
    ...(r < rect.r1 ? ['bottom'] : []),
  ],
  InsideVertical: (rect, _r, c) => [
    ...(c > rect.c0 ? ['left'] : []),
    ...(c < rect.c1 ? ['right'] : []),
  ],
};

class BordersObj extends Obj<RangeTarget> {
  protected _props = {};
  getItem(index: string): BorderObj {
    if (!BORDER_SIDES[index])
      fail('InvalidArgument', `Unknown border "${index}".`, 'RangeBorderCollection.getItem');
    return new BorderObj(
      this._ctx,
      this,
      'RangeBorder',
      { kind: 3, name: 'GetItem', args: [index] },
      (t) => t as RangeTarget,
      index,
    );
  }
}

class BorderObj extends Obj<RangeTarget> {
  protected _props = {};
  constructor(
    ctx: Ctx,
    parent: Obj<unknown>,
    type: string,
    path: { kind: number; name: string; args?: unknown[] },
    resolver: (p: unknown) => RangeTarget,
    readonly index: string,
  ) {
    super(ctx, parent, type, path, resolver);
  }
  private _side(prop: string, v: unknown) {
    this._set(prop, v, (t) => {
      guard(t.sheet, 'allowFormatCells', `RangeBorder.${prop}`);
      for (const [r, c] of each(t.rect))
        for (const side of BORDER_SIDES[this.index]!(t.rect, r, c))
          t.sheet.cellOrNew(r, c).format[`border.${side}.${prop}`] = v;
    });
  }
  set style(v: string) {
    this._side('style', v);
  }
  set weight(v: string) {
    this._side('weight', v);
  }
  set color(v: string) {
    this._side('color', v);
  }
}

class FormatProtectionObj extends Obj<RangeTarget> {
  protected _props: Record<string, Getter<RangeTarget>> = {
    locked: (t) => uniform([...each(t.rect)].map(([r, c]) => t.sheet.cell(r, c)?.locked ?? true)),
  };
  get locked(): boolean | null {
    return this._get('locked');
  }
  set locked(v: boolean) {
    this._set(
      'locked',
      v,
      (t) => {
        guard(t.sheet, null, 'FormatProtection.locked');
        for (const [r, c] of each(t.rect)) t.sheet.cellOrNew(r, c).locked = v;
      },
      '1.2',
    );
  }
}

class RangeAreasObj extends Obj<AreasTarget> {
  protected _props: Record<string, Getter<AreasTarget>> = {
    address: (t) => t.rects.map((r) => `${quoteSheet(t.sheet.name)}!${rectAddress(r)}`).join(','),
    areaCount: (t) => t.rects.length,
  };
  get areas(): RangeCollectionObj {
    return this._child(
      'areas',
      () =>
        new RangeCollectionObj(
          this._ctx,
          this,
          'RangeCollection',
          { kind: 4, name: 'Areas' },
          (t) => t as AreasTarget,
          '1.9',
        ),
    );
  }
  protected override _nav(name: string) {
    return name === 'areas' ? this.areas : undefined;
  }
}

class RangeCollectionObj extends Obj<AreasTarget> {
  protected _props = {};
  get items(): RangeObj[] {
    return this._get('items');
  }
  protected override _items(t: AreasTarget) {
    return t.rects.map((rect) =>
      bound(new RangeObj(this._ctx, this, 'Range', { kind: 4, name: 'Items' }, undefined), {
        sheet: t.sheet,
        rect,
      }),
    );
  }
}

class TableCollectionObj extends Obj<SheetModel> {
  protected _props = {};
  add(address: string | RangeObj, hasHeaders: boolean): TableObj {
    const table = new TableObj(this._ctx, this, 'Table', { kind: 3, name: 'Add' }, undefined);
    const where = 'TableCollection.add';
    this._call(
      'Add',
      [address, hasHeaders],
      (sheet) => {
        const rect =
          typeof address === 'string' ? parseRect(address, where) : address._nonNull(where).rect;
        if (typeof address !== 'string' && address._nonNull(where).sheet !== sheet)
          fail('InvalidArgument', 'The range is on another worksheet.', where);
        guard(sheet, null, where);
        const book = this._ctx._s.book;
        if (book.tables.some((t) => t.sheet === sheet && intersects(t.rect, rect)))
          fail('InvalidArgument', 'A table can\u2019t overlap another table.', where);
        if (sheet.merges.some((m) => intersects(m, rect)))
          fail('InvalidArgument', 'A table can\u2019t contain merged cells.', where);
        // The header row becomes text; blank or repeated names are made unique, as Excel does.
        const seen = new Set<string>();
        for (let c = rect.c0; c <= rect.c1; c++) {
          const cell = sheet.cellOrNew(rect.r0, c);
          let name =
            hasHeaders && cell.value !== null && typeof cell.value !== 'object'
              ? String(cell.value)
              : '';
          if (name === '') name = `Column${c - rect.c0 + 1}`;
          let unique = name;
          for (let k = 2; seen.has(unique.toLowerCase()); k++) unique = `${name}${k}`;
          seen.add(unique.toLowerCase());
          cell.value = unique;
          cell.formula = undefined;
        }
        let n = 1;
        while (book.tables.some((t) => t.name.toLowerCase() === `table${n}`)) n++;
        const model: StandinTable = {
          name: `Table${n}`,
          sheet,
          rect: { ...rect },
          style: 'TableStyleMedium2',
          showBandedRows: true,
        };
        book.tables.push(model);
        table._bind(model);
      },
      '1.1',
      typeof address === 'string' ? [] : [address],
    );
    return table;
  }
}

class TableObj extends Obj<StandinTable> {
  protected _props: Record<string, Getter<StandinTable>> = {
    name: (t) => t.name,
    style: (t) => t.style,
  };
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v, (t) => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/.test(v) || /^[A-Za-z]{1,3}\d+$/.test(v))
        fail('InvalidArgument', `The table name "${v}" is not valid.`, 'Table.name');
      if (this._ctx._s.book.tables.some((x) => x !== t && x.name.toLowerCase() === v.toLowerCase()))
        fail('ItemAlreadyExists', `A table named "${v}" already exists.`, 'Table.name');
      t.name = v;
    });
  }
  set style(v: string) {
    this._set('style', v, (t) => (t.style = v));
  }
  set showBandedRows(v: boolean) {
    this._set('showBandedRows', v, (t) => (t.showBandedRows = v), '1.3');
  }
}

class DataValidationObj extends Obj<RangeTarget> {
  protected _props = {};
  private _entry(t: RangeTarget): StandinValidation {
    guard(t.sheet, null, 'DataValidation');
    let v = t.sheet.validations.find((x) => JSON.stringify(x.rect) === JSON.stringify(t.rect));
    if (!v) {
      t.sheet.validations = t.sheet.validations.filter((x) => !intersects(x.rect, t.rect));
      v = { rect: { ...t.rect } };
      t.sheet.validations.push(v);
    }
    return v;
  }
  set rule(rule: Record<string, unknown>) {
    this._set(
      'rule',
      rule,
      (t) => {
        const where = 'DataValidation.rule';
        const kinds = Object.keys(rule).filter((k) => rule[k] !== undefined);
        if (kinds.length !== 1)
          fail('InvalidArgument', 'A data validation rule has exactly one type.', where);
        const list = rule.list as { source?: unknown } | undefined;
        if (list && (typeof list.source !== 'string' || list.source.length > 255))
          fail('InvalidArgument', 'The list source is longer than 255 characters.', where);
        this._entry(t).rule = rule;
      },
      '1.8',
    );
  }
  set errorAlert(alert: Record<string, unknown>) {
    this._set(
      'errorAlert',
      alert,
      (t) => {
        if (String(alert.message ?? '').length > 225 || String(alert.title ?? '').length > 32)
          fail('InvalidArgument', 'The error alert is too long.', 'DataValidation.errorAlert');
        this._entry(t).errorAlert = alert;
      },
      '1.8',
    );
  }
  set prompt(prompt: Record<string, unknown>) {
    this._set(
      'prompt',
      prompt,
      (t) => {
        if (String(prompt.message ?? '').length > 255 || String(prompt.title ?? '').length > 32)
          fail('InvalidArgument', 'The prompt is too long.', 'DataValidation.prompt');
        this._entry(t).prompt = prompt;
      },
      '1.8',
    );
  }
  set ignoreBlanks(v: boolean) {
    this._set('ignoreBlanks', v, (t) => (this._entry(t).ignoreBlanks = v), '1.8');
  }
}

class ConditionalFormatsObj extends Obj<RangeTarget> {
  protected _props = {};
  add(type: string): ConditionalFormatObj {
    const cf = new ConditionalFormatObj(
      this._ctx,
      this,
      'ConditionalFormat',
      { kind: 3, name: 'Add', args: [type] },
      undefined,
    );
    this._call(
      'Add',
      [type],
      (t) => {
        guard(t.sheet, null, 'ConditionalFormatCollection.add');
        const model: StandinConditionalFormat = { rect: { ...t.rect }, type, dataBar: {} };
        t.sheet.conditionalFormats.push(model);
        cf._bind(model);
      },
      '1.6',
    );
    return cf;
  }
}

class ConditionalFormatObj extends Obj<StandinConditionalFormat> {
  protected _props = {};
  get dataBar(): DataBarObj {
    return this._child(
      'dataBar',
      () =>
        new DataBarObj(
          this._ctx,
          this,
          'DataBarConditionalFormat',
          { kind: 4, name: 'DataBar' },
          (m) => {
            const model = m as StandinConditionalFormat;
            return model.type === 'DataBar'
              ? model
              : fail('InvalidArgument', 'Not a data bar.', 'ConditionalFormat.dataBar');
          },
        ),
    );
  }
}

class DataBarObj extends Obj<StandinConditionalFormat> {
  protected _props = {};
  set lowerBoundRule(v: unknown) {
    this._set('lowerBoundRule', v, (m) => (m.dataBar.lowerBoundRule = v));
  }
  set upperBoundRule(v: unknown) {
    this._set('upperBoundRule', v, (m) => (m.dataBar.upperBoundRule = v));
  }
  set barDirection(v: unknown) {
    this._set('barDirection', v, (m) => (m.dataBar.barDirection = v));
  }
  get positiveFormat(): PositiveFormatObj {
    return this._child(
      'positiveFormat',
      () =>
        new PositiveFormatObj(
          this._ctx,
          this,
          'ConditionalDataBarPositiveFormat',
          { kind: 4, name: 'PositiveFormat' },
          (m) => m as StandinConditionalFormat,
        ),
    );
  }
}

class PositiveFormatObj extends Obj<StandinConditionalFormat> {
  protected _props = {};
  set fillColor(v: string) {
    this._set('fillColor', v, (m) => (m.dataBar.fillColor = v));
  }
  set gradientFill(v: boolean) {
    this._set('gradientFill', v, (m) => (m.dataBar.gradientFill = v));
  }
  set borderColor(v: string) {
    this._set('borderColor', v, (m) => (m.dataBar.borderColor = v));
  }
}

class FreezePanesObj extends Obj<SheetModel> {
  protected _props = {};
  freezeRows(count = 1) {
    this._call('FreezeRows', [count], (s) => (s.freeze = { rows: count, columns: 0 }), '1.7');
  }
  freezeColumns(count = 1) {
    this._call('FreezeColumns', [count], (s) => (s.freeze = { rows: 0, columns: count }), '1.7');
  }
  freezeAt(range: string | RangeObj) {
    this._call(
      'FreezeAt',
      [range],
      (s) => {
        const rect =
          typeof range === 'string'
            ? parseRect(range, 'WorksheetFreezePanes.freezeAt')
            : range._nonNull('WorksheetFreezePanes.freezeAt').rect;
        if (rect.r0 !== 0 || rect.c0 !== 0)
          fail(
            'InvalidArgument',
            'The frozen range must start at A1.',
            'WorksheetFreezePanes.freezeAt',
          );
        s.freeze = { rows: rect.r1 + 1, columns: rect.c1 + 1 };
      },
      '1.7',
      typeof range === 'string' ? [] : [range],
    );
  }
}

class PageLayoutObj extends Obj<SheetModel> {
  protected _props = {};
  constructor(
    ctx: Ctx,
    parent: Obj<unknown>,
    type: string,
    path: { kind: number; name: string },
    resolver: (p: unknown) => SheetModel,
    version: string,
  ) {
    super(ctx, parent, type, path, resolver, version);
    for (const k of [
      'orientation',
      'paperSize',
      'zoom',
      'leftMargin',
      'rightMargin',
      'topMargin',
      'bottomMargin',
      'headerMargin',
      'footerMargin',
      'centerHorizontally',
    ])
      Object.defineProperty(this, k, {
        set: (v: unknown) => this._set(k, v, (s) => (s.pageLayout[k] = v), '1.9'),
      });
  }
  setPrintTitleRows(rows: string) {
    this._call(
      'SetPrintTitleRows',
      [rows],
      (s) => {
        if (!/^\$?\d+:\$?\d+$/.test(rows))
          fail(
            'InvalidArgument',
            'Print title rows must be whole rows.',
            'PageLayout.setPrintTitleRows',
          );
        s.pageLayout.printTitleRows = rows;
      },
      '1.9',
    );
  }
  get headersFooters(): HeaderFooterObj {
    return this._child(
      'headersFooters',
      () =>
        new HeaderFooterObj(
          this._ctx,
          this,
          'HeaderFooterGroup',
          { kind: 4, name: 'HeadersFooters' },
          (s) => s as SheetModel,
          '1.9',
        ),
    );
  }
}

class HeaderFooterObj extends Obj<SheetModel> {
  protected _props = {};
  get defaultForAllPages(): HeaderFooterObj {
    return this._child('defaultForAllPages', () => {
      const o = new HeaderFooterObj(
        this._ctx,
        this,
        'HeaderFooter',
        { kind: 4, name: 'DefaultForAllPages' },
        (s) => s as SheetModel,
        '1.9',
      );
      for (const k of [
        'leftHeader',
        'centerHeader',
        'rightHeader',
        'leftFooter',
        'centerFooter',
        'rightFooter',
      ])
        Object.defineProperty(o, k, {
          set: (v: unknown) => o._set(k, v, (s) => (s.pageLayout[k] = v), '1.9'),
        });
      return o;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The stand-in.

interface StandinState {
  book: Book;
  apiVersion: string;
  payloadLimit: number;
  stats: ExcelStandin['stats'];
  calc(sheet: string, address: string, formula: string): StandinValue;
}

export interface StandinOptions {
  /** Sheets of the new workbook (Excel starts with one). */
  sheets?: string[];
  /** Highest ExcelApi requirement set the host supports (default 1.17). */
  apiVersion?: string;
  /** The value of a formula cell (there is no calculation engine). */
  calculate?: (sheet: string, address: string, formula: string) => StandinValue;
  payloadLimit?: number;
}

export interface ExcelStandin {
  /** Like Excel.run: a fresh context; queued operations left at the end are synced. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  stats: {
    runs: number;
    syncs: number;
    requestBytes: number[];
    responseBytes: number[];
    /** Methods run, by "Type.Method" (Worksheet.Copy, WorksheetProtection.Unprotect…). */
    calls: Record<string, number>;
  };
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
