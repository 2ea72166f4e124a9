import type { Unit } from '../../core/bloc';
import { fromUnits } from '../../core/decimal';
import type { EntryValue, ItemEntry, UnitSheet } from '../../core/scoring/types';
import { leafAlternativeUnits, type Side } from '../../core/scoring/score';
import type { CompiledTemplate } from '../../core/template/compile';
import type { Template } from '../../core/template/types';
import { formatDateVi } from '../../core/text/dates';
import { formatDecimal, nfc, normalizeCode, parseDecimal } from '../../core/text/vietnamese';
import type { InputProblem } from '../problems';
import { bandSource, hasBands } from '../unit-sheet/layout';
import { lineLabel, type TableSource } from './parse';
import {
  unstorableText,
  looksLikeDate,
  openCsv,
  readCount,
  readDate,
  readNonNegative,
  readYesNo,
  unitLookup,
  type ColumnSpec,
  type ReadResult,
} from './table';
import { toCsv, type ToCsvOptions } from './write';

/** One line of a scores file: what a unit (self) and the bloc (verified) entered for one item. */
export interface ScoreRow {
  /** 1-based line in the file. */
  line: number;
  unitCode: string;
  /** Criterion code as in the template. */
  code: string;
  self?: EntryValue;
  verified?: EntryValue;
  evidence?: string;
  reason?: string;
}

export interface ScoresContext {
  units: readonly Unit[];
  compiled: CompiledTemplate;
}

export const SCORE_COLUMNS = [
  {
    key: 'don_vi',
    aliases: ['đơn vị', 'mã đơn vị', 'ma_don_vi', 'tên đơn vị', 'ten_don_vi'],
    required: true,
  },
  { key: 'ma', aliases: ['mã', 'mã tiêu chí', 'ma_tieu_chi', 'stt'], required: true },
  { key: 'tu_cham', aliases: ['tự chấm', 'đơn vị tự chấm'], required: true },
  {
    key: 'khoi_cham',
    aliases: ['khối chấm', 'khối thẩm định', 'thẩm định', 'thống nhất đạt'],
    required: true,
  },
  {
    key: 'minh_chung',
    aliases: ['minh chứng', 'tài liệu kiểm chứng', 'minh chứng / giải trình'],
    required: true,
  },
  { key: 'ly_do', aliases: ['lý do', 'lý do khối chấm', 'ghi chú / lý do khối chấm'] },
] as const satisfies readonly ColumnSpec<string>[];
type ScoreColumn = (typeof SCORE_COLUMNS)[number]['key'];

const pts = (n: number) => formatDecimal(n);

/** A measured value: a date, or a number (a trailing % is allowed; negative values are kept). */
function readMeasured(text: string, want: 'number' | 'date' | 'any'): ReadResult<number | string> {
  if (looksLikeDate(text)) {
    if (want === 'number')
      return { ok: false, message: `cần một số (ví dụ 97,5), không phải ngày "${text}".` };
    return readDate(text);
  }
  const p = parseDecimal(text.replace(/\s*%$/, ''));
  if (!p.ok) return want === 'date' ? readDate(text) : p;
  if (want === 'date')
    return { ok: false, message: `cần một ngày (dd/mm/yyyy, ví dụ 10/01/2025), không phải số.` };
  return p;
}

/** Why criterion i takes no value in a scores file, else undefined. */
function noValueReason(c: CompiledTemplate, i: number): string | undefined {
  const node = c.criteria[i]!;
  if (node.kind === 'group')
    return `mục nhóm không nhập điểm; điểm của nhóm ${node.code} là tổng các mục con.`;
  const p = c.parent[i]!;
  if (c.leafAlternative[i] === 1 && p >= 0 && hasBands(c, p)) {
    const source = c.criteria[bandSource(c, p)]!.code;
    return `"${node.code}" là phương án của mục chọn ${c.criteria[p]!.code}, được chọn theo số liệu: hãy ghi số liệu vào dòng của mục ${source}.`;
  }
  if (node.kind === 'choice' && c.input[i]! >= 0)
    return `mục chọn ${node.code} chọn phương án theo số liệu của mục ${c.criteria[c.input[i]!]!.code}; hãy ghi số liệu vào dòng của mục đó.`;
  return undefined;
}

/** The choice whose alternative criterion i is, when a mark on i's row chooses it, else -1. */
function markedChoice(c: CompiledTemplate, i: number): number {
  const p = c.parent[i]!;
  return c.leafAlternative[i] === 1 && p >= 0 && !hasBands(c, p) ? p : -1;
}

/**
 * A mark on an alternative's own row, as a clerk copying a paper sheet writes it: x (or có), 1, or
 * the points the alternative gives; blank, 0 or không marks nothing. Other points are a mistake.
 */
function readMark(text: string, what: string, c: CompiledTemplate, i: number): ReadResult<boolean> {
  const word = readYesNo(text);
  if (word.ok) return { ok: true, value: word.value ?? false };
  const points = fromUnits(leafAlternativeUnits(c, i));
  const hint = `ghi ${pts(Math.abs(points))}, 1 hoặc x để chọn phương án ${c.criteria[i]!.code}`;
  const p = parseDecimal(text);
  if (!p.ok) return { ok: false, message: `${what}: "${nfc(text)}" không phải dấu chọn; ${hint}.` };
  if (p.value === 0) return { ok: true, value: false };
  if (p.value === 1 || p.value === points || p.value === Math.abs(points))
    return { ok: true, value: true };
  return {
    ok: false,
    message: `${what}: phương án ${c.criteria[i]!.code} cho ${pts(points)} điểm, không phải ${pts(p.value)}; ${hint}.`,
  };
}

/** Reads one value for criterion i by its kind (docs/csv-formats.md, "Giá trị theo loại"). */
function readEntry(
  text: string,
  what: string,
  c: CompiledTemplate,
  i: number,
): ReadResult<EntryValue> {
  const node = c.criteria[i]!;
  const kids = c.children[i]!;
  const prefix = (r: ReadResult<EntryValue>): ReadResult<EntryValue> =>
    r.ok || r.message.startsWith(what) ? r : { ok: false, message: `${what}: ${r.message}` };
  switch (node.kind) {
    case 'base': {
      const p = readNonNegative(text, what);
      if (!p.ok) return p;
      const max = fromUnits(c.maxBase[i]!);
      if (p.value > max)
        return {
          ok: false,
          message: `${what}: ${pts(p.value)} điểm vượt điểm chuẩn ${pts(max)} của mục ${node.code}.`,
        };
      return p;
    }
    case 'bonus':
    case 'penalty': {
      if (node.rate !== undefined && node.rate > 0)
        return readCount(text, `${what} (số trường hợp)`);
      const p = readNonNegative(text, what);
      if (!p.ok) return p;
      const cap = node.kind === 'bonus' ? node.caps?.bonus : node.caps?.penalty;
      if (cap !== undefined && p.value > cap)
        return {
          ok: false,
          message: `${what}: ${pts(p.value)} điểm vượt trần ${pts(cap)} điểm của mục ${node.code}.`,
        };
      return p;
    }
    case 'choice': {
      const bands = kids.flatMap((k) => {
        const b = c.criteria[k]!.band;
        return b ? [b.from, b.to].filter((v) => v !== undefined) : [];
      });
      if (bands.length) {
        const want = bands.every((v) => typeof v === 'string')
          ? 'date'
          : bands.every((v) => typeof v === 'number')
            ? 'number'
            : 'any';
        return prefix(readMeasured(text, want));
      }
      const wanted = normalizeCode(text);
      const codes = kids.map((k) => c.criteria[k]!.code);
      const found =
        codes.find((code) => code === wanted) ??
        codes.find((code) => code.toLowerCase() === wanted.toLowerCase()) ??
        codes.find((code) => code.toLowerCase() === `${node.code}.${wanted}`.toLowerCase());
      if (found) return { ok: true, value: found };
      return {
        ok: false,
        message: `${what}: phương án "${nfc(text)}" không có trong mục chọn ${node.code} (dùng: ${codes.join(', ')}).`,
      };
    }
    case 'knockout': {
      const p = readYesNo(text);
      return p.ok ? { ok: true, value: p.value ?? false } : prefix(p);
    }
    case 'measure':
      return prefix(readMeasured(text, 'any'));
    default:
      return { ok: false, message: `mục ${node.code} không nhập điểm.` };
  }
}

/** A suggestion for a code that is not in the template, or ''. */
function nearCode(c: CompiledTemplate, code: string): string {
  const lower = code.toLowerCase().replace(/\.+$/, '');
  const near = c.criteria.find((x) => x.code.toLowerCase() === lower);
  return near ? ` (có phải "${near.code}"?)` : '';
}

/** A unit's criterion: one value per side in a scores file. */
const rowKey = (unitCode: string, code: string) => `${unitCode}\u0000${code}`;

/** Adds the evidence and reason of `from` to those of `into`, one after the other. */
function joinNotes(into: ScoreRow, from: ScoreRow) {
  for (const field of ['evidence', 'reason'] as const)
    if (from[field]) into[field] = into[field] ? `${into[field]}; ${from[field]}` : from[field];
}

/** A mark met on an alternative's row, per side: which alternative, on which line. */
interface Mark {
  code: string;
  line: number;
}

/**
 * Folds the marks on alternatives' rows into the rows of their choices (the choice's cell is where
 * the workbook keeps what was chosen): one alternative per choice and side, and the same as the
 * code written on the choice's own line, if any. Returns the problems of conflicting marks.
 */
class MarkedChoices {
  private readonly byChoice = new Map<
    string,
    { row: ScoreRow; marks: Partial<Record<Side, Mark>> }
  >();
  readonly problems: InputProblem[] = [];
  count = 0;

  constructor(private readonly fileName: string) {}

  add(row: ScoreRow, alternative: string, sides: Partial<Record<Side, boolean>>) {
    // The unmarked tiers of a copied paper sheet say nothing, their notes included.
    if (!sides.self && !sides.verified) return;
    const key = rowKey(row.unitCode, row.code);
    let entry = this.byChoice.get(key);
    if (!entry) {
      entry = { row: { line: row.line, unitCode: row.unitCode, code: row.code }, marks: {} };
      this.byChoice.set(key, entry);
    }
    for (const side of SIDES) {
      if (!sides[side]) continue;
      this.count++;
      const first = entry.marks[side];
      if (first && first.code !== alternative)
        this.conflict(
          row,
          side,
          `${first.code} (dòng ${first.line}) và ${alternative} (dòng ${row.line})`,
        );
      else {
        entry.marks[side] = { code: alternative, line: row.line };
        entry.row[side] = alternative;
      }
    }
    joinNotes(entry.row, row);
  }

  /** The rows with the marks folded in: into the choice's own line when it has one. */
  fold(rows: ScoreRow[]): ScoreRow[] {
    const own = new Map(rows.map((r) => [rowKey(r.unitCode, r.code), r]));
    const added: ScoreRow[] = [];
    for (const [key, { row, marks }] of this.byChoice) {
      const line = own.get(key);
      if (!line) {
        added.push(row);
        continue;
      }
      for (const side of SIDES) {
        const mark = marks[side];
        if (!mark) continue;
        if (line[side] !== undefined && line[side] !== mark.code)
          this.conflict(
            row,
            side,
            `${String(line[side])} (dòng ${line.line}) và ${mark.code} (dòng ${mark.line})`,
          );
        else line[side] = mark.code;
      }
      joinNotes(line, row);
    }
    return [...rows, ...added];
  }

  private conflict(row: ScoreRow, side: Side, both: string) {
    this.problems.push({
      source: this.fileName,
      location: lineLabel(row.line),
      code: row.code,
      message: `${SIDE_WORD[side]}: mục chọn ${row.code} của đơn vị ${row.unitCode} có hai phương án được chọn, ${both}; mỗi mục chọn chỉ chọn một phương án.`,
    });
  }
}

const SIDES: readonly Side[] = ['self', 'verified'];
const SIDE_WORD: Readonly<Record<Side, string>> = { self: 'tự chấm', verified: 'khối chấm' };

/**
 * Scores from a CSV file: columns `don_vi, ma, tu_cham, khoi_cham, minh_chung` and optional
 * `ly_do` (Vietnamese headers accepted). The unit is given by code or by name. Every row is checked
 * before anything is returned; every bad row is listed with its line and reason, and rows are
 * returned only when there is no problem. A mark on an alternative's own row chooses it
 * (`readMark`), said once in `notes`.
 */
export function readScoresCsv(
  source: TableSource,
  fileName: string,
  ctx: ScoresContext,
): { rows?: ScoreRow[]; problems: InputProblem[]; notes: string[] } {
  const { sheet, problems } = openCsv<ScoreColumn>(source, fileName, SCORE_COLUMNS);
  if (!sheet) return { problems, notes: [] };
  const findUnit = unitLookup(ctx.units);
  const c = ctx.compiled;
  const rows: ScoreRow[] = [];
  const marks = new MarkedChoices(fileName);
  const seen = new Map<string, number>();
  for (const rec of sheet.records) {
    let ok = true;
    let code = normalizeCode(sheet.text(rec, 'ma'));
    const fail = (message: string) => {
      ok = false;
      problems.push({
        source: fileName,
        location: lineLabel(rec.line),
        ...(code ? { code } : {}),
        message,
      });
    };
    const unitText = sheet.text(rec, 'don_vi');
    const unit = unitText ? findUnit(unitText) : undefined;
    if (!unitText) fail('thiếu đơn vị (mã hoặc tên đơn vị).');
    else if (!unit) fail(`đơn vị "${unitText}" không có trong danh sách đơn vị của khối.`);
    let index = code ? c.indexOf.get(code) : undefined;
    if (!code) fail('thiếu mã tiêu chí.');
    else if (index === undefined) {
      const unknown = code;
      code = '';
      fail(`mã tiêu chí "${unknown}" không có trong bảng tiêu chí${nearCode(c, unknown)}.`);
    }
    const row: ScoreRow = { line: rec.line, unitCode: unit?.code ?? unitText, code };
    for (const [key, field] of [
      ['minh_chung', 'evidence'],
      ['ly_do', 'reason'],
    ] as const) {
      const unstorable = unstorableText(sheet.raw(rec, key));
      if (unstorable) fail(`cột ${key}: ${unstorable}`);
      const value = sheet.text(rec, key);
      if (value) row[field] = value;
    }
    const selfText = sheet.text(rec, 'tu_cham');
    const verifiedText = sheet.text(rec, 'khoi_cham');
    const choice = index === undefined ? -1 : markedChoice(c, index);
    if (choice >= 0) {
      // An alternative's row: blank or 0 marks nothing (a paper sheet leaves the other tiers so).
      const marked: Partial<Record<Side, boolean>> = {};
      for (const [value, what, side] of [
        [selfText, 'tự chấm', 'self'],
        [verifiedText, 'khối chấm', 'verified'],
      ] as const) {
        const r = value ? readMark(value, what, c, index!) : ({ ok: true, value: false } as const);
        if (r.ok) marked[side] = r.value;
        else fail(r.message);
      }
      if (ok) marks.add({ ...row, code: c.criteria[choice]!.code }, code, marked);
      continue;
    }
    if (index !== undefined) {
      const why = noValueReason(c, index);
      if (why) {
        fail(why);
        index = undefined;
      } else if (!selfText && !verifiedText)
        fail('chưa nhập giá trị: cả cột tu_cham và khoi_cham đều trống.');
    }
    if (index !== undefined) {
      for (const [value, what, field] of [
        [selfText, 'tự chấm', 'self'],
        [verifiedText, 'khối chấm', 'verified'],
      ] as const) {
        if (!value) continue;
        const r = readEntry(value, what, c, index);
        if (r.ok) row[field] = r.value;
        else fail(r.message);
      }
    }
    if (unit && code) {
      const key = rowKey(unit.code, code);
      const first = seen.get(key);
      if (first !== undefined)
        fail(`đơn vị ${unit.code}, mục ${code} đã có ở dòng ${first}; mỗi mục chỉ ghi một dòng.`);
      else seen.set(key, rec.line);
    }
    if (ok) rows.push(row);
  }
  const all = marks.fold(rows);
  problems.push(...marks.problems);
  if (problems.length) return { problems, notes: [] };
  const notes = marks.count
    ? [
        `${fileName}: ${marks.count} dấu chọn ghi ở dòng của phương án được hiểu là chọn phương án đó cho mục chọn.`,
      ]
    : [];
  return { rows: all, problems, notes };
}

/** Rows → one sheet per unit, in order of first appearance. */
export function scoreRowsToSheets(rows: readonly ScoreRow[]): UnitSheet[] {
  const sheets = new Map<string, Record<string, ItemEntry>>();
  for (const r of rows) {
    const entries = sheets.get(r.unitCode) ?? {};
    sheets.set(r.unitCode, entries);
    const e: ItemEntry = {};
    if (r.self !== undefined) e.self = r.self;
    if (r.verified !== undefined) e.verified = r.verified;
    if (r.evidence !== undefined) e.evidence = r.evidence;
    if (r.reason !== undefined) e.reason = r.reason;
    entries[r.code] = e;
  }
  return [...sheets].map(([unitCode, entries]) => ({ unitCode, entries }));
}

const showEntry = (v: EntryValue | undefined): string | number | null => {
  if (v === undefined) return null;
  if (typeof v === 'boolean') return v ? 'có' : 'không';
  return typeof v === 'string' ? formatDateVi(v) : v;
};

/**
 * Sheets → scores CSV text (header `don_vi, ma, tu_cham, khoi_cham, minh_chung, ly_do`), one line
 * per entry in template order (entries of codes not in the template last), dates as dd/mm/yyyy.
 */
export function sheetsToScoresCsv(
  sheets: readonly UnitSheet[],
  template: Template,
  options: ToCsvOptions = {},
): string {
  const order = template.criteria.map((x) => x.code);
  const rows: (string | number | null)[][] = [
    ['don_vi', 'ma', 'tu_cham', 'khoi_cham', 'minh_chung', 'ly_do'],
  ];
  for (const s of sheets) {
    const codes = [
      ...order.filter((code) => s.entries[code]),
      ...Object.keys(s.entries).filter((code) => !order.includes(code)),
    ];
    for (const code of codes) {
      const e = s.entries[code]!;
      rows.push([
        s.unitCode,
        code,
        showEntry(e.self),
        showEntry(e.verified),
        e.evidence ?? null,
        e.reason ?? null,
      ]);
    }
  }
  return toCsv(rows, options);
}
