// Ranges: values, formulas and number formats (with Excel's shape checks and typing), column
// visibility, merges, and the multi-area results (special cells, merged areas).

import {
  areasOf,
  cellsOf,
  each,
  intersects,
  quoteSheet,
  rectAddress,
  type Rect,
} from './addresses';
import { typeInto } from './cell-input';
import { fail } from './errors';
import { RangeFormatObj, uniform } from './format';
import { guard, type StandinCell, type StandinValue } from './model';
import { bound, type Getter, NULL, Obj } from './proxy';
import type { AreasTarget, RangeTarget } from './types';
import { ConditionalFormatsObj, DataValidationObj } from './validation';

/**
 * The grid a set of values, formulas or formats writes. A single value (not an array) goes into
 * every cell: the reference types these as any[][], but Excel accepts one value for a whole range
 * (Microsoft 365 Developer Platform idea 4211172, "Allow passing a single value to the Range object
 * Values and Formulas", whose comment of 12 Aug 2024 shows `range.formulas = "=B1"` on A1:A10
 * running; whether relative references then shift cell by cell is not said, so the stand-in
 * writes the text as given). A grid of another size is refused.
 */
function checkShape(grid: unknown, rect: Rect, where: string): unknown[][] {
  const rows = rect.r1 - rect.r0 + 1;
  const cols = rect.c1 - rect.c0 + 1;
  if (!Array.isArray(grid))
    return Array.from({ length: rows }, () => Array.from({ length: cols }, () => grid));
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

export class RangeObj extends Obj<RangeTarget> {
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

  private _grid(t: RangeTarget, f: (c: StandinCell | undefined) => unknown): unknown[][] | null {
    // Gets are limited to five million cells on every platform (resource limits reference).
    if (cellsOf(t.rect) > 5_000_000) {
      if (this._ctx._s.overLimitRead === 'null') return null;
      fail(
        'RangeExceedsLimit',
        'The cell count in the range has exceeded the maximum supported number.',
        'Range.load',
      );
    }
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
          // As Excel warns when merging: only the upper-left value is kept.
          for (const [r, c] of each(rect)) {
            const cell = t.sheet.cell(r, c);
            if ((r !== rect.r0 || c !== rect.c0) && cell) {
              cell.value = null;
              cell.formula = undefined;
              cell.quotePrefix = undefined;
            }
          }
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
