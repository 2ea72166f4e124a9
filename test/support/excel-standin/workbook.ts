// The workbook proxy: the root of every object path, reached as context.workbook.

import type { Book } from './model';
import { Obj } from './proxy';
import { WorksheetCollectionObj } from './worksheet';

export class WorkbookObj extends Obj<Book> {
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
