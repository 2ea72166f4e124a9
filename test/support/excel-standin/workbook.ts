// The workbook proxy: the root of every object path, reached as context.workbook, and its
// structure protection.

import { fail } from './errors';
import type { Book } from './model';
import { type Getter, Obj } from './proxy';
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
  get protection(): WorkbookProtectionObj {
    return this._child(
      'protection',
      () =>
        new WorkbookProtectionObj(
          this._ctx,
          this,
          'WorkbookProtection',
          { kind: 4, name: 'Protection' },
          (b) => b as Book,
          '1.7',
        ),
    );
  }
  protected override _nav(name: string) {
    if (name === 'worksheets') return this.worksheets;
    return name === 'protection' ? this.protection : undefined;
  }
}

/** Workbook.protection (ExcelApi 1.7): `protected`, protect() and unprotect(). */
class WorkbookProtectionObj extends Obj<Book> {
  protected _props: Record<string, Getter<Book>> = { protected: (b) => b.structureProtected };
  get protected(): boolean {
    return this._get('protected');
  }
  protect(password?: string) {
    this._call(
      'Protect',
      [password ?? null],
      (b) => {
        if (b.structureProtected)
          fail('AccessDenied', 'The workbook is already protected.', 'WorkbookProtection.protect');
        b.structureProtected = true;
        b.structurePassword = password;
      },
      '1.7',
    );
  }
  unprotect(password?: string) {
    this._call(
      'Unprotect',
      [password ?? null],
      (b) => {
        if (b.structurePassword !== undefined && b.structurePassword !== password)
          fail(
            'BadPassword',
            'The password you supplied is incorrect.',
            'WorkbookProtection.unprotect',
          );
        b.structureProtected = false;
        b.structurePassword = undefined;
      },
      '1.7',
    );
  }
}
