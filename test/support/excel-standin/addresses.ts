// A1 addresses and the 0-based rectangles they name: the geometry every proxy and the model share.

import { fail } from './errors';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

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

export const quoteSheet = (name: string) =>
  /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;

export const cellsOf = (r: Rect) => (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);

export function* each(r: Rect): Generator<[number, number]> {
  for (let i = r.r0; i <= r.r1; i++) for (let j = r.c0; j <= r.c1; j++) yield [i, j];
}

export const intersects = (a: Rect, b: Rect) =>
  a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;

/** Rectangles covering the cells where `test` holds: row runs, stacked when equal (as Excel). */
export function areasOf(rect: Rect, test: (r: number, c: number) => boolean): Rect[] {
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
