// Worksheets: the collection (getItem, add…), the worksheet (name, position, visibility, ranges,
// delete, copy) and its protection, which the model's guard then enforces.

import { MAX_COLUMNS, MAX_ROWS, parseRect } from './addresses';
import { ChartCollectionObj } from './charts';
import { fail } from './errors';
import { type Book, SheetModel } from './model';
import { bound, type Getter, type Maybe, NULL, Obj } from './proxy';
import { RangeObj } from './range';
import { FreezePanesObj, PageBreakCollectionObj, PageLayoutObj } from './sheet-layout';
import { TableCollectionObj } from './tables';

function validSheetName(name: unknown, book: Book, self: SheetModel | undefined, where: string) {
  if (
    typeof name !== 'string' ||
    name.length === 0 ||
    name.length > 31 ||
    /[[\]:*?/\\]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    // Excel keeps "History" for the change history of shared workbooks.
    name.toLowerCase() === 'history'
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

/**
 * Workbook structure protection (Review › Protect Workbook) forbids adding, deleting, renaming,
 * moving, hiding and copying sheets. The code Excel returns is not documented; AccessDenied is the
 * documented "you cannot perform the requested operation".
 */
function guardStructure(book: Book, where: string) {
  if (book.structureProtected)
    fail('AccessDenied', 'The workbook structure is protected: sheets cannot be changed.', where);
}

export class WorksheetCollectionObj extends Obj<Book> {
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
        guardStructure(book, where);
        validSheetName(n, book, undefined, where);
        const sheet = new SheetModel(book.nextId++, n);
        book.sheets.push(sheet);
        ws._bind(sheet);
        const calls = this._ctx._s.stats.calls;
        calls[where] = (calls[where] ?? 0) + 1;
      },
    });
    return ws;
  }
}

export class WorksheetObj extends Obj<SheetModel> {
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
      if (s.name !== v) guardStructure(this._book(), 'Worksheet.name');
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
      if (sheets.indexOf(s) !== v) guardStructure(this._book(), 'Worksheet.position');
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
        if (s.visibility !== v) guardStructure(this._book(), 'Worksheet.visibility');
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
  get charts(): ChartCollectionObj {
    return this._child(
      'charts',
      () =>
        new ChartCollectionObj(
          this._ctx,
          this,
          'ChartCollection',
          { kind: 4, name: 'Charts' },
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
  get horizontalPageBreaks(): PageBreakCollectionObj {
    return this._child(
      'horizontalPageBreaks',
      () =>
        new PageBreakCollectionObj(
          this._ctx,
          this,
          'PageBreakCollection',
          { kind: 4, name: 'HorizontalPageBreaks' },
          (s) => s as SheetModel,
          '1.9',
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
        charts: () => this.charts,
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
      guardStructure(book, 'Worksheet.delete');
      // By design a very hidden sheet cannot be deleted: make it Hidden or Visible first
      // (OfficeDev/office-js#365, answered by the Excel team).
      if (s.visibility === 'VeryHidden')
        fail(
          'GeneralException',
          'There was an internal error while processing the request.',
          'Worksheet.delete',
        );
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
        guardStructure(book, where);
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
        // Recent builds answer AccessDenied here, older ones InvalidOperation (OfficeDev/office-js#6784).
        if (s.protected)
          fail(
            'AccessDenied',
            'You cannot perform the requested operation (the worksheet is already protected).',
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
            'AccessDenied',
            'You cannot perform the requested operation (the worksheet is not protected).',
            'WorksheetProtection.unprotect',
          );
        if (s.password !== undefined && s.password !== password)
          fail(
            'BadPassword',
            'The password you supplied is incorrect.',
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
