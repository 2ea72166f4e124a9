import type { Finding } from '../core/finding';
import { validateTemplate } from '../core/template/compile';
import type { Caps, Criterion, CriterionKind, Template } from '../core/template/types';
import { formatDecimal, nfc, normalizeCode, parseDecimal } from '../core/text/vietnamese';
import { foldKey } from './csv/table';
import { columnLetter } from './grid';
import type { InputProblem } from './problems';

/**
 * A criteria table pasted into the task pane: cells copied from an Excel sheet (tab-separated,
 * Excel's quoting), from a Word table (tab-separated) or typed as "STT | Nội dung | …". Real
 * sheets share one shape (docs/scoring-rules.md, docs/csv-formats.md):
 *
 *   STT | Nội dung | Điểm chuẩn | Thưởng | Trừ | Ghi chú
 *
 * What is inferred, each inference written into the row's `reading` for the user to confirm:
 * - the tree, from the STT codes: roman numerals are parts; otherwise the parent is the nearest
 *   open row whose code is a prefix of this one ("a1" under "a", "a.7.1" under "a.7", "C1.2"
 *   under "C1"); a code of the same shape as an open row is its sibling ("b" after "a"); any
 *   other code opens a level below the last row ("1" under "I", "a" under "1");
 * - kinds: a row with children is a group (or a base item when its children are only
 *   bonus/penalty rows); a leaf with base points is a base item; a number in Thưởng/Trừ, or a
 *   sentence "… trừ 0,5 điểm" / "+0,2 điểm mỗi bài", is a per-case bonus/penalty with that rate;
 *   on a row that also has base points, that rule becomes a rule row of its own below it;
 * - caps, from "không quá X điểm" / "tối đa X điểm": on the row the sentence names ("của mục a1")
 *   or else on the row itself; a penalty cap when the sentence speaks of trừ, a bonus cap for
 *   cộng/thưởng, a net cap when it speaks of both;
 * - the declared total, from a "Tổng cộng" row without STT (else 100).
 * Pure: text in, template or problems out.
 */

/** Where problems of a pasted table say they are. */
export const PASTE_SOURCE = 'Bảng dán';

/** A row as understood: the criterion it becomes, with where it came from and how it was read. */
export interface PastedRow extends Pick<
  Criterion,
  'parent' | 'text' | 'kind' | 'base' | 'rate' | 'caps' | 'note'
> {
  /** 1-based line of the pasted text where the row starts (0 for a rule row made from a sentence). */
  line: number;
  /** The STT as written. */
  written: string;
  /** The code in the template (the STT, made unique when the sheet repeats it). */
  code: string;
  /** What was inferred, in Vietnamese, for the user to confirm. */
  reading: string[];
  /** True for a rule row made from a sentence or a Thưởng/Trừ cell of another row. */
  derived?: boolean;
}

export interface PasteOptions {
  /** Title when the paste has no title line above the header. */
  title?: string;
  /** Declared total when the paste has no "Tổng cộng" row; default 100. */
  declaredTotal?: number;
}

export interface PasteResult {
  /** Present only when there is no problem. */
  template?: Template;
  /** The rows as understood (also when there are problems, to help find them). */
  understood: PastedRow[];
  /** Refusals: nothing can be created until they are fixed. */
  problems: InputProblem[];
  /** Warnings of `validateTemplate` (base sums, declared total) and unclear sentences. */
  warnings: Finding[];
}

// ---------------------------------------------------------------------------------------------
// Splitting the text into records
// ---------------------------------------------------------------------------------------------

interface Record_ {
  line: number;
  cells: string[];
}

/** Tab-separated text with Excel's quoting ("a cell""with quotes", cells spanning lines). */
function splitTabbed(text: string): Record_[] {
  const records: Record_[] = [];
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
      // Quoted only when the closing quote ends the cell; otherwise the quote is text.
      let j = i + 1;
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
      if (
        j < text.length &&
        (after === undefined || after === '\t' || after === '\n' || after === '\r')
      ) {
        cell = value;
        line += lines;
        i = j + 1;
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

/** "| STT | Nội dung | … |" lines; separator lines ("|---|---|") are skipped. */
function splitPiped(text: string): Record_[] {
  return text.split(/\r\n|\r|\n/).flatMap((raw, i) => {
    if (/^[\s|:-]+$/.test(raw)) return [];
    if (!raw.includes('|')) return [{ line: i + 1, cells: [raw] }];
    const cells = raw.split('|');
    if (cells[0]!.trim() === '') cells.shift();
    if (cells.length && cells[cells.length - 1]!.trim() === '') cells.pop();
    return [{ line: i + 1, cells }];
  });
}

function splitRecords(text: string): { records: Record_[]; tabbed: boolean } {
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
function stitch(records: readonly Record_[], width: number, tabbed: boolean): Record_[] {
  const out: Record_[] = [];
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

// ---------------------------------------------------------------------------------------------
// Header
// ---------------------------------------------------------------------------------------------

type Column = 'code' | 'text' | 'base' | 'bonus' | 'penalty' | 'note';

const COLUMN_LABELS: Readonly<Record<Column, string>> = {
  code: 'STT',
  text: 'Nội dung',
  base: 'Điểm chuẩn',
  bonus: 'Thưởng',
  penalty: 'Trừ',
  note: 'Ghi chú',
};

/** The column a header cell names (folded: no case, no diacritics, no punctuation). */
function headerColumn(cell: string, subHeader = false): Column | undefined {
  const k = foldKey(cell);
  if (!k) return undefined;
  if (['stt', 'tt', 'sott', 'so', 'ma', 'maso', 'matieuchi', 'mamuc'].includes(k)) return 'code';
  if (/^(noidung|tieuchi|tieuchuan|cactieuchi)/.test(k)) return 'text';
  if (/^(diemthuong|diemcong|thuong|cong$|congdiem)/.test(k)) return 'bonus';
  if (/^(diemtru|tru$|trudiem)/.test(k)) return 'penalty';
  if (/^(diemchuan|diemtoida|thangdiem|sodiem|diemquydinh|diem$|diemchuantoida)/.test(k))
    return 'base';
  if (subHeader && /^(chuan|toida)/.test(k)) return 'base';
  if (/^(ghichu|cachcham|cachtinh|huongdan)/.test(k)) return 'note';
  return undefined;
}

interface Header {
  /** Index of the header record. */
  at: number;
  /** Index of the first data record. */
  dataFrom: number;
  columns: Map<Column, number>;
  labels: Map<number, string>;
}

function mapHeader(cells: readonly string[], subHeader = false): Map<Column, number> {
  const columns = new Map<Column, number>();
  cells.forEach((c, i) => {
    const col = headerColumn(c, subHeader);
    if (col && !columns.has(col)) columns.set(col, i);
  });
  return columns;
}

const POINT_COLUMNS: readonly Column[] = ['base', 'bonus', 'penalty'];

/** The header among the first records: a row naming STT and Nội dung, maybe over a sub-header row. */
function findHeader(records: readonly Record_[]): Header | undefined {
  for (let at = 0; at < Math.min(records.length, 15); at++) {
    const cells = records[at]!.cells;
    const columns = mapHeader(cells);
    if (!columns.has('code') || !columns.has('text')) continue;
    const labels = new Map<number, string>(cells.map((c, i) => [i, c]));
    let dataFrom = at + 1;
    // A merged "Điểm" over "Chuẩn | Thưởng | Trừ" on the next row.
    const next = records[at + 1]?.cells;
    if (next && !next[columns.get('code')!] && !next[columns.get('text')!]) {
      const sub = mapHeader(next, true);
      const points = POINT_COLUMNS.filter((c) => sub.has(c));
      if (points.length) {
        for (const c of points) {
          const i = sub.get(c)!;
          columns.set(c, i);
          labels.set(i, [cells[i], next[i]].filter(Boolean).join(' '));
        }
        dataFrom = at + 2;
      }
    }
    return { at, dataFrom, columns, labels };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Sentences: rates and caps
// ---------------------------------------------------------------------------------------------

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const POINTS = String.raw`\s*(?:điểm|đ)(?![\p{L}\p{N}])`;
const SIDE_WORD = String.raw`(?:trừ|cộng|thưởng)`;
/** "không quá 1,5 điểm", "tối đa 1 điểm", "tổng trừ không quá 3 điểm", "trừ tối đa 2 điểm". */
const CAP = new RegExp(
  String.raw`(?:(?:tổng\s+)?(?:điểm\s+)?${SIDE_WORD}\s+)?(?:không\s+(?:được\s+)?(?:vượt\s+)?quá|tối\s+đa(?:\s+(?:là|không\s+quá))?)\s*(?:${SIDE_WORD}\s+)?${NUMBER}${POINTS}`,
  'giu',
);
const PENALTY_RATE = new RegExp(String.raw`(?:trừ\s*|(?:^|\s)[-−])${NUMBER}${POINTS}`, 'giu');
const BONUS_RATE = new RegExp(String.raw`(?:(?:cộng|thưởng)\s*|\+)${NUMBER}${POINTS}`, 'giu');
/** "… không liên quan đến điểm cộng": the cap leaves that side out. */
const EXCLUDED_SIDE =
  /không\s+(?:liên\s+quan\s+(?:đến|tới)|tính|bao\s+gồm)\s+(?:điểm\s+)?(cộng|thưởng|trừ)/giu;
/** Words that name a code: "của mục a1", "đối với d2", "tiêu chí 1.2". */
const NAMED_CODE =
  /(?:mục|tiêu\s+chí|tiêu\s+chuẩn|nội\s+dung|đối\s+với|của)\s+(?:mục\s+|tiêu\s+chí\s+)?([\p{L}\p{N}][\p{L}\p{N}.]*)/giu;

const num = (s: string): number => {
  const p = parseDecimal(s);
  return p.ok ? p.value : NaN;
};

/** Sentences of a cell: split on ';', line breaks and full stops (never on a decimal comma). */
function sentences(text: string): string[] {
  return text
    .split(/[;\n]|\.(?=\s|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

type Side = 'bonus' | 'penalty' | 'net';

interface CapSentence {
  value: number;
  /** The sentence when short, else its cap phrase ("…tổng trừ không quá 2 điểm"). */
  quote: string;
  side?: Side;
  /** The code the sentence names, as written. */
  named: string[];
  sentence: string;
}

function mentions(sentence: string): { bonus: boolean; penalty: boolean } {
  const lower = sentence.toLowerCase();
  const excluded = [...lower.matchAll(EXCLUDED_SIDE)].map((m) => m[1]);
  const rest = lower.replace(EXCLUDED_SIDE, ' ');
  return {
    bonus: /cộng|thưởng|\+\d/u.test(rest) && !excluded.some((e) => e === 'cộng' || e === 'thưởng'),
    penalty: /trừ|(?:^|\s)[-−]\d/u.test(rest) && !excluded.includes('trừ'),
  };
}

function capsIn(sentence: string): CapSentence[] {
  const lower = sentence.toLowerCase();
  const caps = [...lower.matchAll(CAP)];
  if (!caps.length) return [];
  const m = mentions(lower);
  const side: Side | undefined =
    m.bonus && m.penalty ? 'net' : m.bonus ? 'bonus' : m.penalty ? 'penalty' : undefined;
  const named = [...sentence.matchAll(NAMED_CODE)].map((n) => n[1]!.replace(/\.$/, ''));
  return caps.map((c) => ({
    value: num(c[1]!),
    quote:
      sentence.length <= 60
        ? sentence
        : `…${sentence.slice(c.index!, c.index! + c[0].length).trim()}`,
    ...(side ? { side } : {}),
    named,
    sentence,
  }));
}

function ratesIn(sentence: string, re: RegExp): number[] {
  const withoutCaps = sentence.replace(CAP, ' ');
  return [...withoutCaps.matchAll(re)].map((m) => num(m[1]!));
}

// ---------------------------------------------------------------------------------------------
// Codes and the tree
// ---------------------------------------------------------------------------------------------

const ROMAN = /^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$/;
const PART_WORDS = /^(?:phần|tiêu\s*chuẩn)\s*/iu;
const ITEM_WORDS = /^(?:mục|tiêu\s*chí)\s*/iu;

/** The code of an STT cell and whether it names a part ("I.", "Phần II", "Tiêu chuẩn 1"). */
function readCode(cell: string): { code: string; part: boolean } {
  let t = cell.trim();
  const partWord = PART_WORDS.test(t);
  t = t.replace(PART_WORDS, '').replace(ITEM_WORDS, '');
  const code = normalizeCode(t)
    .replace(/^\((.*)\)$/, '$1')
    .replace(/[.):]+$/, '');
  // "KXL", "TC1": a code that opens with several letters is a part of its own.
  return { code, part: partWord || ROMAN.test(code) || /^\p{L}{2,}/u.test(code) };
}

const charClass = (ch: string) => (/\d/.test(ch) ? 'digit' : /\p{L}/u.test(ch) ? 'letter' : 'sep');

/** "a" is a prefix of "a1", "1" of "1.2", "a.7" of "a.7.1"; "1" is not a prefix of "12". */
function isPrefix(p: string, code: string): boolean {
  if (code.length <= p.length || !code.startsWith(p)) return false;
  const next = code[p.length]!;
  return charClass(next) === 'sep' || charClass(next) !== charClass(p[p.length - 1]!);
}

/** The shape of a code: "a" and "b" alike, "1.2" and "3.4" alike, "a1" and "b2" alike. */
function shape(code: string): string {
  return code
    .replace(/\d+/g, '9')
    .replace(/\p{Ll}+/gu, 'a')
    .replace(/\p{Lu}+/gu, 'A');
}

interface Node {
  line: number;
  written: string;
  code: string;
  part: boolean;
  parent?: Node;
  children: Node[];
  text: string;
  note: string;
  /** Sentences that came from a line without STT below the row, with that line. */
  looseLines: Map<string, number>;
  base?: number;
  bonusRate?: number;
  penaltyRate?: number;
  /** Caps written in the Thưởng/Trừ cells ("tối đa 2"). */
  cellCaps: Caps;
  /** A points cell could not be read (reported already). */
  failed: boolean;
  reading: string[];
}

// ---------------------------------------------------------------------------------------------
// The parser
// ---------------------------------------------------------------------------------------------

export function parsePastedCriteria(text: string, options: PasteOptions = {}): PasteResult {
  const problems: InputProblem[] = [];
  const warnings: Finding[] = [];
  const { records, tabbed } = splitRecords(text);
  if (!records.length)
    return {
      understood: [],
      warnings,
      problems: [
        {
          source: PASTE_SOURCE,
          location: 'dòng 1',
          message:
            'chưa có nội dung: hãy dán bảng chấm điểm (chọn các ô trong Excel hoặc bảng trong Word, sao chép rồi dán vào đây).',
        },
      ],
    };
  const header = findHeader(records);
  if (!header)
    return {
      understood: [],
      warnings,
      problems: [
        {
          source: PASTE_SOURCE,
          location: `dòng ${records[0]!.line}`,
          message:
            'không nhận ra dòng tiêu đề của bảng: cần các cột "STT" và "Nội dung", có thể thêm "Điểm chuẩn", "Thưởng", "Trừ", "Ghi chú". Hãy sao chép cả dòng tiêu đề.',
        },
      ],
    };

  const where = (line: number, column: Column) => {
    const i = header.columns.get(column)!;
    return `dòng ${line}, cột ${columnLetter(i + 1)} (${header.labels.get(i) || COLUMN_LABELS[column]})`;
  };
  const title =
    records
      .slice(0, header.at)
      .map((r) => r.cells.filter(Boolean).join(' '))
      .find(Boolean) ??
    options.title ??
    'Bảng chấm điểm thi đua';
  let declaredTotal = options.declaredTotal ?? 100;

  const nodes: Node[] = [];
  const byWritten = new Map<string, Node[]>();
  const used = new Set<string>();
  let stack: Node[] = [];

  const width = records[header.at]!.cells.length;
  for (const rec of stitch(records.slice(header.dataFrom), width, tabbed)) {
    const cell = (c: Column) => {
      const i = header.columns.get(c);
      return i === undefined ? '' : (rec.cells[i] ?? '');
    };
    const { code: written, part } = readCode(cell('code'));
    const rowText = cell('text');
    const points = readPoints(rec.line, cell, where, problems);

    if (!written) {
      const hasPoints =
        points.base !== undefined || points.bonus !== undefined || points.penalty !== undefined;
      if (
        /^tong(cong|diem|so|$)/.test(foldKey(rowText)) &&
        !/^tongdiem(tru|cong|thuong)/.test(foldKey(rowText))
      ) {
        if (points.base !== undefined) declaredTotal = points.base;
        continue;
      }
      if (hasPoints) {
        problems.push({
          source: PASTE_SOURCE,
          location: where(rec.line, 'code'),
          message: `dòng "${short(rowText)}" có điểm nhưng không có STT; hãy ghi STT (mã tiêu chí) cho dòng này.`,
        });
        continue;
      }
      const prev = nodes[nodes.length - 1];
      const extra = [rowText, cell('note')].filter(Boolean).join('. ');
      if (prev && extra) {
        prev.note = [prev.note, extra].filter(Boolean).join('. ');
        for (const sentence of sentences(extra)) prev.looseLines.set(sentence, rec.line);
        prev.reading.push(`dòng ${rec.line} (không có STT) được đọc như ghi chú của mục này`);
      }
      continue;
    }

    if (!rowText)
      problems.push({
        source: PASTE_SOURCE,
        location: where(rec.line, 'text'),
        code: written,
        message: `mục ${written} không có nội dung.`,
      });

    const node: Node = {
      line: rec.line,
      written,
      code: written,
      part,
      children: [],
      text: rowText,
      note: cell('note'),
      looseLines: new Map(),
      ...(points.base !== undefined ? { base: points.base } : {}),
      ...(points.bonus !== undefined ? { bonusRate: points.bonus } : {}),
      ...(points.penalty !== undefined ? { penaltyRate: points.penalty } : {}),
      cellCaps: points.caps,
      failed: points.failed === true,
      reading: [],
    };

    // Place the node in the tree.
    if (part) stack = [];
    else {
      const prefixAt = findLastIndex(stack, (n) => isPrefix(n.written, written));
      const sameShapeAt = findLastIndex(
        stack,
        (n) => !n.part && shape(n.written) === shape(written),
      );
      if (prefixAt >= 0) stack = stack.slice(0, prefixAt + 1);
      else if (sameShapeAt >= 0) stack = stack.slice(0, sameShapeAt);
    }
    const parent = stack[stack.length - 1];
    if (parent) {
      node.parent = parent;
      parent.children.push(node);
    }
    stack.push(node);

    // A sheet that restarts its numbering under each part repeats codes: qualify them.
    const parentRenamed = parent !== undefined && parent.code !== parent.written;
    if (used.has(written) || (parentRenamed && isPrefix(parent.written, written))) {
      const base = parent
        ? isPrefix(parent.written, written)
          ? parent.code + written.slice(parent.written.length)
          : `${parent.code}.${written}`
        : written;
      let code = base;
      for (let n = 2; used.has(code); n++) code = `${base}_${n}`;
      node.code = code;
      const first = byWritten.get(written)?.[0];
      node.reading.push(
        first
          ? `STT "${written}" đã có ở dòng ${first.line}: dùng mã ${code}`
          : `mục cha được đổi mã: dùng mã ${code}`,
      );
    }
    used.add(node.code);
    byWritten.set(written, [...(byWritten.get(written) ?? []), node]);
    nodes.push(node);
  }

  if (!nodes.length && !problems.length)
    problems.push({
      source: PASTE_SOURCE,
      location: `dòng ${records[header.at]!.line}`,
      message: 'bảng chỉ có dòng tiêu đề, chưa có dòng tiêu chí nào có STT.',
    });

  const understood = buildRows(nodes, byWritten, problems, warnings);
  const criteria: Criterion[] = understood.map(toCriterion);
  const template: Template = { title, declaredTotal, criteria };
  if (!problems.length) {
    const lineOf = new Map(understood.map((r) => [r.code, r.line]));
    for (const f of validateTemplate(template)) {
      if (f.severity === 'error')
        problems.push({
          source: PASTE_SOURCE,
          location: f.code && lineOf.get(f.code) ? `dòng ${lineOf.get(f.code)}` : 'cả bảng',
          ...(f.code ? { code: f.code } : {}),
          message: f.message,
        });
      else warnings.push(f);
    }
  }
  return problems.length
    ? { understood, problems, warnings }
    : { template, understood, problems, warnings };
}

function findLastIndex<T>(items: readonly T[], test: (t: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}…` : s);

/** A Thưởng/Trừ cell holding a maximum rather than a rate: "tối đa 2", "không quá 1,5 điểm". */
const CELL_CAP = new RegExp(
  String.raw`^(?:tối\s+đa|không\s+(?:vượt\s+)?quá)\s*${NUMBER}(?:\s*(?:điểm|đ))?$`,
  'iu',
);

interface Points {
  /** A cell could not be read (already reported). */
  failed?: boolean;
  base?: number;
  bonus?: number;
  penalty?: number;
  caps: Caps;
}

/** The numbers of the Điểm chuẩn, Thưởng and Trừ cells ("4", "0,5", "-1", "4 điểm", "tối đa 2"). */
function readPoints(
  line: number,
  cell: (c: Column) => string,
  where: (line: number, c: Column) => string,
  problems: InputProblem[],
): Points {
  const out: Points = { caps: {} };
  for (const column of POINT_COLUMNS) {
    const raw = cell(column);
    if (!raw) continue;
    const capMatch = CELL_CAP.exec(raw);
    if (capMatch && column !== 'base') {
      out.caps[column === 'bonus' ? 'bonus' : 'penalty'] = num(capMatch[1]!);
      continue;
    }
    const cleaned = raw
      .replace(/\s*(?:điểm|đ)\s*$/iu, '')
      .replace(/^(?:tối\s+đa|không\s+quá)\s*/iu, '')
      .trim();
    const p = parseDecimal(cleaned);
    if (!p.ok) {
      problems.push({
        source: PASTE_SOURCE,
        location: where(line, column),
        message: `"${raw}" không phải là số điểm (ví dụ hợp lệ: 0,5).`,
      });
      out.failed = true;
      continue;
    }
    // A penalty is often written "-1"; a base or bonus below zero is a mistake.
    if (p.value < 0 && column !== 'penalty') {
      problems.push({
        source: PASTE_SOURCE,
        location: where(line, column),
        message: `điểm không được âm (${raw}).`,
      });
      out.failed = true;
      continue;
    }
    const value = Math.abs(p.value);
    if (column === 'base') out.base = value;
    else if (value > 0) out[column as 'bonus' | 'penalty'] = value;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Kinds, rule rows and caps
// ---------------------------------------------------------------------------------------------

const pts = (n: number) => formatDecimal(n);

function buildRows(
  nodes: readonly Node[],
  byWritten: ReadonlyMap<string, Node[]>,
  problems: InputProblem[],
  warnings: Finding[],
): PastedRow[] {
  const rows = new Map<Node, PastedRow>();
  const derived = new Map<Node, PastedRow[]>();
  const capsOf = new Map<Node, Caps>();

  const addCap = (target: Node, side: Side, value: number, why: string) => {
    const caps = capsOf.get(target) ?? {};
    const old = caps[side];
    if (old !== undefined && old !== value)
      warnings.push({
        kind: 'paste-two-caps',
        severity: 'warning',
        code: target.code,
        message: `Mục ${target.code} có hai trần điểm ${SIDE_LABEL[side]} (${pts(old)} và ${pts(value)}); dùng ${pts(Math.min(old, value))}.`,
      });
    caps[side] = old === undefined ? value : Math.min(old, value);
    capsOf.set(target, caps);
    target.reading.push(`trần điểm ${SIDE_LABEL[side]} ${pts(value)} (${why})`);
  };

  // Children before parents, so that a parent knows its children's kinds.
  const order: Node[] = [];
  const visit = (n: Node) => {
    n.children.forEach(visit);
    order.push(n);
  };
  nodes.filter((n) => !n.parent).forEach(visit);

  for (const node of order) {
    const reading = node.reading;
    const allText = [node.text, node.note].filter(Boolean).join('. ');
    const said = sentences(allText);
    const textBonus = said.flatMap((s) =>
      ratesIn(s.toLowerCase(), BONUS_RATE).map((rate) => ({ rate, s })),
    );
    const textPenalty = said.flatMap((s) =>
      ratesIn(s.toLowerCase(), PENALTY_RATE).map((rate) => ({ rate, s })),
    );
    const rates: { bonus?: { rate: number; s: string }; penalty?: { rate: number; s: string } } =
      {};
    for (const [side, column, found] of [
      ['bonus', node.bonusRate, textBonus],
      ['penalty', node.penaltyRate, textPenalty],
    ] as const) {
      if (column !== undefined) {
        rates[side] = { rate: column, s: '' };
      } else if (found.length) {
        rates[side] = found[0]!;
        if (new Set(found.map((f) => f.rate)).size > 1)
          warnings.push({
            kind: 'paste-several-rates',
            severity: 'warning',
            code: node.code,
            message: `Mục ${node.code} ghi nhiều mức ${SIDE_LABEL[side]} (${found.map((f) => pts(f.rate)).join('; ')}); đã dùng ${pts(found[0]!.rate)}. Nếu là các mức theo kết quả, hãy tách thành các dòng riêng.`,
          });
      }
    }

    const fromText = new Set(sentences(node.text));
    const origin = (side: 'bonus' | 'penalty') =>
      rates[side]!.s === ''
        ? `cột ${side === 'bonus' ? 'Thưởng' : 'Trừ'}`
        : `đọc từ ${fromText.has(rates[side]!.s) ? 'nội dung' : 'ghi chú'}`;
    const childRows = node.children.map((c) => rows.get(c)!);
    const onlyRules = childRows.every((r) => RULE.has(r.kind) && !r.base);
    let kind: CriterionKind;
    const extra: PastedRow[] = [];
    const derive = (side: 'bonus' | 'penalty') => {
      const r = rates[side]!;
      const code = `${node.code}.${side === 'bonus' ? 'cong' : 'tru'}`;
      extra.push({
        line: 0,
        written: '',
        code,
        parent: node.code,
        text: r.s || `Mỗi trường hợp ${side === 'bonus' ? 'cộng' : 'trừ'} ${pts(r.rate)} điểm`,
        kind: side,
        rate: r.rate,
        reading: [`dòng ${SIDE_LABEL[side]} tạo từ mục ${node.code}`],
        derived: true,
      });
      reading.push(
        `tạo dòng ${code}: ${SIDE_LABEL[side]} ${pts(r.rate)} điểm mỗi trường hợp (${origin(side)})`,
      );
    };

    if (node.children.length) {
      if (node.base !== undefined && onlyRules) {
        kind = 'base';
      } else {
        kind = 'group';
      }
      if (rates.bonus) derive('bonus');
      if (rates.penalty) derive('penalty');
    } else if (node.base !== undefined) {
      kind = 'base';
      if (rates.bonus) derive('bonus');
      if (rates.penalty) derive('penalty');
    } else if (rates.bonus && rates.penalty) {
      kind = 'group';
      derive('bonus');
      derive('penalty');
    } else if (rates.bonus || rates.penalty) {
      kind = rates.bonus ? 'bonus' : 'penalty';
      if (rates[kind]!.s)
        reading.push(
          `${SIDE_LABEL[kind]} ${pts(rates[kind]!.rate)} điểm mỗi trường hợp (${origin(kind)})`,
        );
    } else {
      const m = mentions(allText.toLowerCase());
      if (/không\s+xếp\s+loại/iu.test(allText)) {
        kind = 'knockout';
        reading.push('điều kiện "không xếp loại"');
      } else if (node.cellCaps.bonus !== undefined || (m.bonus && !m.penalty)) {
        kind = 'bonus';
        reading.push('điểm cộng do khối đánh giá (không có mức mỗi trường hợp)');
      } else if (node.cellCaps.penalty !== undefined || (m.penalty && !m.bonus)) {
        kind = 'penalty';
        reading.push('điểm trừ do khối đánh giá (không có mức mỗi trường hợp)');
      } else {
        kind = 'base';
        if (!node.failed)
          problems.push({
            source: PASTE_SOURCE,
            location: `dòng ${node.line}`,
            code: node.code,
            message: `mục ${node.written} không có mục con, không ghi điểm chuẩn, điểm thưởng hay điểm trừ: hãy ghi số điểm vào cột Điểm chuẩn, Thưởng hoặc Trừ.`,
          });
      }
    }

    const row: PastedRow = {
      line: node.line,
      written: node.written,
      code: node.code,
      ...(node.parent ? { parent: node.parent.code } : {}),
      text: node.text,
      kind,
      ...(node.base !== undefined ? { base: node.base } : {}),
      ...((kind === 'bonus' || kind === 'penalty') && rates[kind]
        ? { rate: rates[kind]!.rate }
        : {}),
      ...(node.note ? { note: node.note } : {}),
      reading,
    };
    rows.set(node, row);
    derived.set(node, extra);

    for (const [side, value] of Object.entries(node.cellCaps) as [Side, number][])
      addCap(node, side, value, `ô ${side === 'bonus' ? 'Thưởng' : 'Trừ'}`);

    // Caps stated in the row's sentences.
    for (const s of said)
      for (const cap of capsIn(s)) {
        const target = namedTarget(cap.named, node, byWritten) ?? node;
        const side = cap.side ?? sideOfRow(row, [...childRows, ...extra]);
        if (!side) {
          if (target.base !== undefined && cap.value === target.base) continue;
          warnings.push({
            kind: 'paste-unclear-cap',
            severity: 'warning',
            code: node.code,
            message: `Mục ${node.code}: "${short(s)}" không nói rõ là trần điểm cộng hay điểm trừ; chưa áp dụng. Hãy ghi "tổng điểm trừ không quá …" hoặc "tổng điểm cộng không quá …".`,
          });
          continue;
        }
        const loose = node.looseLines.get(s);
        const where =
          loose !== undefined
            ? `dòng ${loose}`
            : target === node
              ? 'câu'
              : `câu ở mục ${node.code}`;
        addCap(target, side, cap.value, `${where} "${cap.quote}"`);
      }
  }

  return nodes.flatMap((n) => {
    const caps = capsOf.get(n);
    const row = rows.get(n)!;
    return [caps ? { ...row, caps } : row, ...derived.get(n)!];
  });
}

const RULE = new Set<CriterionKind>(['bonus', 'penalty', 'knockout']);
const SIDE_LABEL: Readonly<Record<Side, string>> = {
  bonus: 'cộng',
  penalty: 'trừ',
  net: 'cộng/trừ gộp',
};

/** The row a cap sentence names: the nearest row with that STT at or before this one. */
function namedTarget(
  named: readonly string[],
  at: Node,
  byWritten: ReadonlyMap<string, Node[]>,
): Node | undefined {
  for (const w of named) {
    const candidates = byWritten.get(normalizeCode(w));
    if (!candidates) continue;
    const before = candidates.filter((c) => c.line <= at.line);
    return before[before.length - 1] ?? candidates[0];
  }
  return undefined;
}

/** When a cap sentence names no side: a bonus/penalty row caps its own side, a row with rule rows of one side caps that side. */
function sideOfRow(row: PastedRow, below: readonly PastedRow[]): Side | undefined {
  if (row.kind === 'bonus' || row.kind === 'penalty') return row.kind;
  const sides = new Set(below.map((e) => e.kind));
  if ([...sides].some((k) => k !== 'bonus' && k !== 'penalty')) return undefined;
  if (sides.size === 1) return [...sides][0] as Side;
  return undefined;
}

function toCriterion(r: PastedRow): Criterion {
  return {
    code: r.code,
    ...(r.parent ? { parent: r.parent } : {}),
    text: r.text,
    kind: r.kind,
    ...(r.base !== undefined ? { base: r.base } : {}),
    ...(r.rate !== undefined ? { rate: r.rate } : {}),
    ...(r.caps ? { caps: r.caps } : {}),
    ...(r.note ? { note: r.note } : {}),
  };
}
