// Range formats: alignment, wrap, indent, column widths and row heights, fonts, fills, borders and
// the cells' locked flag. Formats are stored per cell as keys ("font.bold", "border.top.style").

import { cellsOf, each, type Rect } from './addresses';
import { fail } from './errors';
import { guard } from './model';
import { type Getter, Obj } from './proxy';
import type { ProxyContext, RangeTarget } from './types';

/** A property read over several cells: their common value, or null where they differ (as Excel). */
export const uniform = (values: unknown[]) =>
  values.every((v) => JSON.stringify(v) === JSON.stringify(values[0])) ? (values[0] ?? null) : null;

/** Sets a format key on every cell of the range. */
function formatCells(t: RangeTarget, key: string, value: unknown, where: string) {
  guard(t.sheet, 'allowFormatCells', where);
  if (cellsOf(t.rect) > 2_000_000)
    fail('InvalidArgument', 'The range is too large for the stand-in.', where);
  for (const [r, c] of each(t.rect)) t.sheet.cellOrNew(r, c).format[key] = value;
}

export class RangeFormatObj extends Obj<RangeTarget> {
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
    ctx: ProxyContext,
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
    ctx: ProxyContext,
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
