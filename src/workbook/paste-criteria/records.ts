import { nfc } from '../../core/text/vietnamese';

/** One line of the paste cut into cells (a quoted cell may span several lines). */
export interface PastedRecord {
  /** 1-based line where the record starts. */
  line: number;
  cells: string[];
}

/** Tab-separated text with Excel's quoting ("a cell""with quotes", cells spanning lines). */
function splitTabbed(text: string): PastedRecord[] {
  const records: PastedRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let start = 1;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    records.push({ line: start, cells });
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && cell === '') {
      const quoted = quotedCell(text, i);
      if (quoted) {
        cell = quoted.value;
        line += quoted.lines;
        i = quoted.end;
        continue;
      }
    }
    if (ch === '\t') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else cell += ch;
    i++;
  }
  if (cell !== '' || cells.length) endRecord();
  return records;
}

/**
 * The quoted cell opening at `open`: its value, the line breaks inside it and the index after
 * its closing quote. Undefined when the closing quote does not end the cell: then the quote is
 * text.
 */
function quotedCell(
  text: string,
  open: number,
): { value: string; lines: number; end: number } | undefined {
  let j = open + 1;
  let value = '';
  let lines = 0;
  for (; j < text.length; j++) {
    if (text[j] === '"') {
      if (text[j + 1] === '"') {
        value += '"';
        j++;
      } else break;
    } else {
      if (text[j] === '\n') lines++;
      value += text[j];
    }
  }
  const after = text[j + 1];
  const endsCell = after === undefined || after === '\t' || after === '\n' || after === '\r';
  return j < text.length && endsCell ? { value, lines, end: j + 1 } : undefined;
}

/** "| STT | Nội dung | … |" lines; separator lines ("|---|---|") are skipped. */
function splitPiped(text: string): PastedRecord[] {
  return text.split(/\r\n|\r|\n/).flatMap((raw, i) => {
    if (/^[\s|:-]+$/.test(raw)) return [];
    if (!raw.includes('|')) return [{ line: i + 1, cells: [raw] }];
    const cells = raw.split('|');
    if (cells[0]!.trim() === '') cells.shift();
    if (cells.length && cells[cells.length - 1]!.trim() === '') cells.pop();
    return [{ line: i + 1, cells }];
  });
}

/** The non-empty records of the paste, tab-separated when it holds a tab, else piped. */
export function splitRecords(text: string): { records: PastedRecord[]; tabbed: boolean } {
  const tabbed = text.includes('\t');
  const records = (tabbed ? splitTabbed(text) : splitPiped(text))
    .map((r) => ({ line: r.line, cells: r.cells.map((c) => nfc(c)) }))
    .filter((r) => r.cells.some((c) => c !== ''));
  return { records, tabbed };
}

/**
 * Joins the pieces of a row broken by a cell of several paragraphs (Word pastes them as line
 * breaks without quotes): a record of one cell continues the previous record's last cell, and
 * so does a record that follows a tab-separated record shorter than the header.
 */
export function stitch(
  records: readonly PastedRecord[],
  width: number,
  tabbed: boolean,
): PastedRecord[] {
  const out: PastedRecord[] = [];
  for (const rec of records) {
    const last = out[out.length - 1];
    if (last && (rec.cells.length === 1 || (tabbed && last.cells.length < width))) {
      const end = last.cells.length - 1;
      last.cells[end] = `${last.cells[end]} ${rec.cells[0]}`.trim();
      last.cells.push(...rec.cells.slice(1));
    } else out.push({ line: rec.line, cells: [...rec.cells] });
  }
  return out;
}
