// Tables: adding one over a range (header row made unique text, overlaps and merges refused) and
// its name, style and banding.

import { intersects, MAX_COLUMNS, MAX_ROWS, parseRect, type Rect } from './addresses';
import { fail } from './errors';
import { guard, type SheetModel, type StandinTable } from './model';
import { type Getter, Obj } from './proxy';
import type { RangeObj } from './range';

/** Inserts an empty row above `rect` in its columns: their cells from `rect.r0` down move by one. */
function shiftDown(sheet: SheetModel, rect: Rect) {
  const moved = [...sheet.cells]
    .map(([key, cell]) => ({ r: Math.floor(key / MAX_COLUMNS), c: key % MAX_COLUMNS, cell }))
    .filter(({ r, c }) => r >= rect.r0 && c >= rect.c0 && c <= rect.c1);
  if (moved.some(({ r }) => r === MAX_ROWS - 1))
    fail('NonBlankCellOffSheet', 'Excel can\u2019t insert new cells here.', 'TableCollection.add');
  for (const { r, c } of moved) sheet.cells.delete(r * MAX_COLUMNS + c);
  for (const { r, c, cell } of moved) sheet.cells.set((r + 1) * MAX_COLUMNS + c, cell);
}

export class TableCollectionObj extends Obj<SheetModel> {
  protected _props = {};
  add(address: string | RangeObj, hasHeaders: boolean): TableObj {
    const table = new TableObj(this._ctx, this, 'Table', { kind: 3, name: 'Add' }, undefined);
    const where = 'TableCollection.add';
    this._call(
      'Add',
      [address, hasHeaders],
      (sheet) => {
        let rect =
          typeof address === 'string' ? parseRect(address, where) : address._nonNull(where).rect;
        if (typeof address !== 'string' && address._nonNull(where).sheet !== sheet)
          fail('InvalidArgument', 'The range is on another worksheet.', where);
        guard(sheet, null, where);
        const book = this._ctx._s.book;
        // The documented code and message for both (Excel's error-handling reference).
        if (
          book.tables.some((t) => t.sheet === sheet && intersects(t.rect, rect)) ||
          sheet.merges.some((m) => intersects(m, rect))
        )
          fail(
            'MergedRangeConflict',
            'Cannot complete the operation. A table can\u2019t overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.',
            where,
          );
        // Without headers, Excel generates a header row "shifting the data down by one row"
        // (TableCollection.add): the cells of the table's columns from its first row move down.
        if (!hasHeaders) {
          shiftDown(sheet, rect);
          rect = { ...rect, r1: rect.r1 + 1 };
        }
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
      // A Range argument is ExcelApi 1.3; an address string 1.1.
      typeof address === 'string' ? '1.1' : '1.3',
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
      // Names like cell references (A1, R1C1) and R, C (R1C1 row/column shortcuts) are refused.
      if (
        !/^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/.test(v) ||
        /^[A-Za-z]{1,3}\d+$/.test(v) ||
        /^(r|c|r\d*c\d*)$/i.test(v)
      )
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
