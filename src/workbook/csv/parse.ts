import type { InputProblem } from '../problems';

/**
 * Reading CSV text (RFC 4180) the way Vietnamese users produce it: Excel in a Vietnamese locale
 * saves with ';' because ',' is the decimal separator, LibreOffice and English Excel use ',', and
 * "Unicode text" is tab-separated. Pure: the caller reads the file and passes its text.
 */
export interface CsvTable {
  /** Records, every cell NFC-normalised (not trimmed: readers decide). Blank lines are dropped. */
  rows: string[][];
  /** 1-based line of the file where each record starts (a quoted cell may span several lines). */
  lines: number[];
  /** The delimiter used: ',', ';' or a tab. */
  delimiter: string;
  problems: InputProblem[];
}

export interface ParseCsvOptions {
  /** Force a delimiter instead of detecting it from the header line. */
  delimiter?: string;
}

export const DELIMITERS = [',', ';', '\t'] as const;

const SAVE_AS = 'hãy lưu lại dạng CSV UTF-8';

/**
 * What a reader takes: CSV text, or a table already read from elsewhere (a spreadsheet's sheet,
 * with its row numbers as `lines`), so one set of rules reads both.
 */
export type TableSource = string | CsvTable;

export const asTable = (source: TableSource, fileName: string): CsvTable =>
  typeof source === 'string' ? parseCsv(source, fileName) : source;

/** `dòng N`: how every CSV problem names its place. */
export const lineLabel = (line: number): string => `dòng ${line}`;

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

/** Problems that make the text unreadable as CSV at all (encoding, binary, empty). */
function encodingProblem(text: string): { index: number; message: string } | undefined {
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    if (text.startsWith('PK\u0003\u0004'))
      return {
        index: 0,
        message: `đây là tệp Excel (.xlsx) hoặc tệp nén, không phải CSV; trong Excel chọn "Lưu thành" → "CSV UTF-8".`,
      };
    // UTF-16 text (Excel's "Unicode Text") read as UTF-8: every other byte of ASCII is NUL, and
    // two NULs never follow each other (binary files are full of runs of NULs).
    const head = text.slice(0, 400);
    const nuls = head.split('\u0000').length - 1;
    if (nuls * 3 >= head.length && !head.includes('\u0000\u0000'))
      return { index: nul, message: `tệp có vẻ là UTF-16 ("Unicode Text"); ${SAVE_AS}.` };
    return {
      index: nul,
      message: `tệp chứa ký tự NUL: đây là tệp nhị phân, không phải CSV; ${SAVE_AS}.`,
    };
  }
  const bad = text.indexOf('\uFFFD');
  if (bad !== -1) return { index: bad, message: `tệp không phải UTF-8; ${SAVE_AS}.` };
  return undefined;
}

/** Counts each candidate delimiter outside quotes on the first record. */
function detectDelimiter(text: string, start: number): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/**
 * Splits CSV text into records. Strips a UTF-8 BOM, honours Excel's `sep=;` first line, detects
 * the delimiter from the header line (the one with most of ',' ';' tab outside quotes; ',' on a
 * tie), accepts CRLF, LF and CR line ends, and reads quoted cells per RFC 4180 ("" is a quote, a
 * quoted cell may hold delimiters and line breaks). Like Excel it is lenient with a quote inside
 * an unquoted cell (kept as text) and with text after a closing quote (appended).
 *
 * Problems (in Vietnamese, each naming the file and line): an empty file, a binary or UTF-16 file,
 * text that was not UTF-8 (U+FFFD from the decoder), a quote that is never closed.
 */
export function parseCsv(text: string, fileName: string, options: ParseCsvOptions = {}): CsvTable {
  const problems: InputProblem[] = [];
  const fail = (line: number, message: string): CsvTable => {
    problems.push({ source: fileName, location: lineLabel(line), message });
    return { rows: [], lines: [], delimiter: options.delimiter ?? ',', problems };
  };
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const encoding = encodingProblem(text);
  if (encoding) return fail(lineOf(text, encoding.index), encoding.message);
  if (text.trim() === '') return fail(1, 'tệp trống, không có dữ liệu.');

  let pos = 0;
  let line = 1;
  let delimiter = options.delimiter;
  const sep = /^sep=(.)(\r\n|\n|\r|$)/i.exec(text);
  if (sep) {
    delimiter ??= sep[1]!;
    pos = sep[0].length;
    line = 2;
  }
  delimiter ??= detectDelimiter(text, pos);

  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let cell = '';
  let rowLine = line;
  const endCell = () => {
    row.push(cell.normalize('NFC'));
    cell = '';
  };
  const endRow = () => {
    endCell();
    if (!(row.length === 1 && row[0] === '')) {
      rows.push(row);
      lines.push(rowLine);
    }
    row = [];
  };
  const n = text.length;
  while (pos < n) {
    const ch = text[pos]!;
    if (ch === '"' && cell === '') {
      // A quoted cell: runs to the next lone quote, across delimiters and line breaks.
      const openLine = line;
      pos++;
      for (;;) {
        if (pos >= n)
          return fail(
            openLine,
            `dấu ngoặc kép (") mở ở dòng ${openLine} không được đóng: tệp bị cắt cụt hoặc thiếu một dấu ".`,
          );
        const q = text[pos]!;
        if (q === '"') {
          if (text[pos + 1] === '"') {
            cell += '"';
            pos += 2;
            continue;
          }
          pos++;
          break;
        }
        if (q === '\n' || (q === '\r' && text[pos + 1] !== '\n')) line++;
        cell += q;
        pos++;
      }
      // Text between the closing quote and the delimiter is kept, as Excel does.
      continue;
    }
    if (ch === delimiter) {
      endCell();
      pos++;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      pos += ch === '\r' && text[pos + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
    } else {
      cell += ch;
      pos++;
    }
  }
  if (cell !== '' || row.length > 0) endRow();
  if (rows.length === 0) return fail(1, 'tệp trống, không có dữ liệu.');
  return { rows, lines, delimiter, problems };
}
