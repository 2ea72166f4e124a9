// What typing into a cell gives (Range.values and Range.formulas assignments): Excel's typing of
// strings, which the adapter relies on and must not be surprised by.

import { fail } from './errors';
import type { StandinCell, StandinValue } from './model';

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
export function typeInto(
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
