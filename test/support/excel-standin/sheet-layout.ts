// How a sheet shows and prints: frozen panes, page layout, headers and footers, page breaks.

import { parseRect } from './addresses';
import { fail } from './errors';
import type { SheetModel } from './model';
import { Obj } from './proxy';
import type { RangeObj } from './range';
import type { ProxyContext } from './types';

export class FreezePanesObj extends Obj<SheetModel> {
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

/**
 * PageLayoutZoomOptions as documented: `scale` from 10 to 400, or a number of pages to fit
 * horizontally and/or vertically. 0 ("automatic" in the file format's fitToHeight) is not documented
 * for Office.js, so the stand-in refuses it, as it refuses any other value outside the reference.
 */
function checkZoom(v: Record<string, unknown>) {
  const where = 'PageLayout.zoom';
  const { scale, horizontalFitToPages: h, verticalFitToPages: w, ...rest } = v;
  const pages = (n: unknown) =>
    n === undefined || n === null || (Number.isInteger(n) && (n as number) >= 1);
  if (
    Object.keys(rest).length ||
    !pages(h) ||
    !pages(w) ||
    (scale !== undefined &&
      scale !== null &&
      !(typeof scale === 'number' && scale >= 10 && scale <= 400))
  )
    fail(
      'InvalidArgument',
      'The argument is invalid or missing or has an incorrect format.',
      where,
    );
  return { ...v };
}

export class PageLayoutObj extends Obj<SheetModel> {
  protected _props = {};
  constructor(
    ctx: ProxyContext,
    parent: Obj<unknown>,
    type: string,
    path: { kind: number; name: string },
    resolver: (p: unknown) => SheetModel,
    version: string,
  ) {
    super(ctx, parent, type, path, resolver, version);
    Object.defineProperty(this, 'zoom', {
      get: () => this._get('zoom'),
      set: (v: Record<string, unknown>) =>
        this._set('zoom', v, (s) => (s.pageLayout.zoom = checkZoom(v)), '1.9'),
    });
    for (const k of [
      'orientation',
      'paperSize',
      'leftMargin',
      'rightMargin',
      'topMargin',
      'bottomMargin',
      'headerMargin',
      'footerMargin',
      'centerHorizontally',
    ])
      Object.defineProperty(this, k, {
        get: () => this._get(k),
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
          get: () => o._get(k),
          set: (v: unknown) => o._set(k, v, (s) => (s.pageLayout[k] = v), '1.9'),
        });
      return o;
    });
  }
}

export class PageBreakCollectionObj extends Obj<SheetModel> {
  protected _props = {};
  /** A manual break above the range's first row (a column break is not modelled). */
  add(pageBreakRange: string | RangeObj) {
    const where = 'PageBreakCollection.add';
    this._call(
      'Add',
      [pageBreakRange],
      (s) => {
        const rect =
          typeof pageBreakRange === 'string'
            ? parseRect(pageBreakRange, where)
            : pageBreakRange._nonNull(where).rect;
        if (rect.r0 === 0) fail('InvalidArgument', 'There is no page break above row 1.', where);
        if (!s.pageBreaks.includes(rect.r0)) s.pageBreaks.push(rect.r0);
      },
      '1.9',
      typeof pageBreakRange === 'string' ? [] : [pageBreakRange],
    );
  }
}
