import { formatDecimal } from '../../core/text/vietnamese';

export type CsvCell = string | number | null;

export interface ToCsvOptions {
  /** Start with a UTF-8 byte order mark, which Excel needs to read Vietnamese letters (default false). */
  bom?: boolean;
  /** ',' (default), ';' (Vietnamese-locale Excel) or a tab. */
  delimiter?: string;
}

/** Characters that make a spreadsheet read a text cell as a formula (OWASP, CSV injection). */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Rows → CSV text for exports: RFC 4180 quoting (a cell holding a delimiter, a quote or a line
 * break is quoted, quotes doubled), CRLF line ends (the last line too), numbers with a decimal
 * comma when the delimiter is ';' and a point otherwise (no thousands grouping, up to 10 decimals),
 * null as an empty cell, text in NFC. A text cell starting with = + - @, a tab or CR gets a leading apostrophe
 * so that no spreadsheet runs it as a formula; numbers are never changed, so −1 stays a number.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: ToCsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || /["\r\n]/.test(delimiter))
    throw new RangeError(`Invalid CSV delimiter ${JSON.stringify(delimiter)}`);
  const decimalComma = delimiter === ';';
  const cell = (v: CsvCell): string => {
    if (v === null) return '';
    let s: string;
    if (typeof v === 'number') {
      const n = formatDecimal(v, { decimals: 10 });
      s = decimalComma ? n : n.replace(',', '.');
    } else {
      const t = v.normalize('NFC');
      s = FORMULA_START.test(t) ? `'${t}` : t;
    }
    return s.includes(delimiter) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const body = rows.map((r) => r.map(cell).join(delimiter) + '\r\n').join('');
  return (options.bom ? '\uFEFF' : '') + body;
}
