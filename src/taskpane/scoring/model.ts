/**
 * The pure part of the Chấm điểm and Thẩm định forms: what a field holds while the user types, how
 * it is read (with the workbook reader's own rules, `interpretInput`), what is written back, and why
 * a save or a submission is refused. No React here, so the rules can be tested and reused alone.
 */
import {
  type SheetStatus,
  type Finding,
  type Side,
  type UnitScore,
  type EntryValue,
  type EvidenceState,
  type ItemEntry,
  type UnitSheet,
  fromUnits,
  type CompiledTemplate,
  formatDecimal,
  leafAlternativeUnits,
  parseDecimal,
} from '../../core';
import {
  address,
  UNIT,
  unitSheetName,
  interpretInput,
  type UnitLayout,
  type UnitRow,
} from '../../workbook';

/** Which pair of columns a form edits: the unit's (F value, K evidence) or the bloc's (G, L). */
export type Column = Side;

/** One item of a form as typed: the value's text and the note (evidence for self, reason for verified). */
export interface DraftItem {
  text: string;
  note: string;
}

/** Per criterion code, for every row that has an input cell or a note cell. */
export type Draft = Readonly<Record<string, DraftItem>>;

/** A field's text read as the workbook would read it. */
export interface Parsed {
  /** The entry value; undefined for a blank field or text that is not a number. */
  value?: EntryValue;
  /** Vietnamese, naming the item and its rule; undefined when the value is valid. */
  message?: string;
}

/** A reason the form refuses to save or submit: the cell it is about and what is wrong. */
export interface Problem {
  code: string;
  /** "CAT!F12". */
  cell: string;
  message: string;
}

export const NOTE_COLUMN: Readonly<Record<Column, 'evidence' | 'reason'>> = {
  self: 'evidence',
  verified: 'reason',
};

const COLUMN_NUMBER = {
  self: UNIT.col.self,
  verified: UNIT.col.verified,
  evidence: UNIT.col.evidence,
  reason: UNIT.col.note,
} as const;

/** "CAT!F12"; a sheet name that is not a plain word is quoted as Excel writes it. */
export function cellName(
  unitCode: string,
  row: UnitRow,
  column: keyof typeof COLUMN_NUMBER,
): string {
  const sheet = unitSheetName(unitCode);
  const shown = /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${shown}!${address(row.row, COLUMN_NUMBER[column])}`;
}

/** Rows the forms show a field for: an input cell (F/G) or a note cell (K/L). */
export function formRows(layout: UnitLayout): UnitRow[] {
  return layout.rows.filter((r) => r.input !== 'none' || r.notes);
}

/** An entry value as the field shows it: decimal comma, ISO date, alternative code, có/không. */
export function entryText(value: EntryValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return formatDecimal(value);
  if (typeof value === 'boolean') return value ? 'có' : 'không';
  return value;
}

/** The form's starting point: the column's values and notes as the sheet holds them. */
export function initialDraft(
  layout: UnitLayout,
  entries: Readonly<Record<string, ItemEntry>>,
  column: Column,
): Draft {
  const draft: Record<string, DraftItem> = {};
  for (const r of formRows(layout)) {
    const e = entries[r.code];
    draft[r.code] = {
      text: r.input === 'none' ? '' : entryText(e?.[column]),
      note: e?.[NOTE_COLUMN[column]] ?? '',
    };
  }
  return draft;
}

const ruleOf = (row: UnitRow) => `Quy tắc: ${row.rule}.`;

/** "Mục 1.3: 7 điểm vượt điểm chuẩn 6, chỉ được tính 6. Quy tắc: nhập điểm đạt từ 0 đến 6." */
export function itemMessage(row: UnitRow, problem: string): string {
  const what = problem.replace(/[.\s]+$/, '');
  return `Mục ${row.code}: ${what}. ${ruleOf(row)}`;
}

/**
 * Reads a field's text with the reader's rules: numbers typed with a decimal comma or point, then
 * `interpretInput` (bounds, whole counts, alternative codes, dates, có/không).
 */
export function parseItem(row: UnitRow, text: string): Parsed {
  const t = text.trim();
  if (row.input === 'none' || t === '') return {};
  switch (row.input) {
    case 'points':
    case 'cases':
    case 'number': {
      const n = parseDecimal(t);
      if (!n.ok) return { message: itemMessage(row, n.message) };
      const got = interpretInput(row, n.value);
      return {
        ...(got.value !== undefined ? { value: got.value } : {}),
        ...(got.problem ? { message: itemMessage(row, got.problem) } : {}),
      };
    }
    case 'date':
    case 'code':
    case 'yesno': {
      const got = interpretInput(row, t);
      return {
        ...(got.value !== undefined ? { value: got.value } : {}),
        ...(got.problem ? { message: itemMessage(row, got.problem) } : {}),
      };
    }
  }
}

/** Every field of a draft read (only rows with an input cell). */
export function parseDraft(layout: UnitLayout, draft: Draft): Record<string, Parsed> {
  const out: Record<string, Parsed> = {};
  for (const r of layout.rows) {
    if (r.input === 'none') continue;
    out[r.code] = parseItem(r, draft[r.code]?.text ?? '');
  }
  return out;
}

/**
 * The unit's sheet with the form's column in place of the stored one: what the workbook will hold
 * once the form is saved, so `scoreUnit` gives the totals the sheet will show.
 */
export function draftSheet(
  unitCode: string,
  layout: UnitLayout,
  stored: Readonly<Record<string, ItemEntry>>,
  draft: Draft,
  parsed: Readonly<Record<string, Parsed>>,
  column: Column,
): UnitSheet {
  const entries: Record<string, ItemEntry> = {};
  for (const [code, e] of Object.entries(stored)) entries[code] = { ...e };
  const noteKey = NOTE_COLUMN[column];
  for (const r of formRows(layout)) {
    const e: ItemEntry = { ...entries[r.code] };
    delete e[column];
    delete e[noteKey];
    const value = parsed[r.code]?.value;
    if (value !== undefined) e[column] = value;
    const note = draft[r.code]?.note.trim();
    if (note) e[noteKey] = note;
    if (Object.keys(e).length) entries[r.code] = e;
    else delete entries[r.code];
  }
  return { unitCode, entries };
}

/**
 * The cells the form changed, as `UnitEdit.entries`: only this column's value and note; a cleared
 * field is written as '' (a blank cell).
 */
export function changedEntries(
  layout: UnitLayout,
  stored: Readonly<Record<string, ItemEntry>>,
  draft: Draft,
  parsed: Readonly<Record<string, Parsed>>,
  column: Column,
): Record<string, ItemEntry> {
  const noteKey = NOTE_COLUMN[column];
  const out: Record<string, ItemEntry> = {};
  for (const r of formRows(layout)) {
    const before = stored[r.code];
    const change: ItemEntry = {};
    if (r.input !== 'none') {
      const value = parsed[r.code]?.value;
      if (value !== before?.[column]) change[column] = value ?? '';
    }
    const note = draft[r.code]?.note.trim() ?? '';
    if (note !== (before?.[noteKey] ?? '')) change[noteKey] = note;
    if (Object.keys(change).length) out[r.code] = change;
  }
  return out;
}

/** Fields whose text cannot be written as it is (it would break reading the workbook back). */
export function invalidProblems(
  unitCode: string,
  layout: UnitLayout,
  parsed: Readonly<Record<string, Parsed>>,
  column: Column,
): Problem[] {
  const out: Problem[] = [];
  for (const r of layout.rows) {
    const message = parsed[r.code]?.message;
    if (message) out.push({ code: r.code, cell: cellName(unitCode, r, column), message });
  }
  return out;
}

/** True when a node lies inside an alternative of a choice: it counts only while that alternative is chosen. */
function insideChoice(t: CompiledTemplate, i: number): boolean {
  for (let p = t.parent[i]!; p >= 0; p = t.parent[p]!)
    if (t.criteria[p]!.kind === 'choice') return true;
  return false;
}

/**
 * Rows a submission needs filled: base items (points earned), choices that carry base points
 * (the chosen alternative, the measured value or date) and the measures such choices read. Rows
 * inside an alternative, bonus/penalty counts (blank = 0) and knock-outs (blank = không) may stay
 * blank; so may a choice worth only a bonus (blank = none applies).
 */
export function requiredRows(t: CompiledTemplate, layout: UnitLayout): Set<string> {
  const out = new Set<string>();
  for (const r of layout.rows) {
    const i = r.index;
    if (r.input === 'none' || insideChoice(t, i)) continue;
    if (r.kind === 'base' && r.input === 'points') out.add(r.code);
    if (r.kind === 'choice' && t.maxBase[i]! > 0) out.add(r.code);
  }
  for (let i = 0; i < t.size; i++) {
    if (t.criteria[i]!.kind !== 'choice' || t.input[i]! < 0) continue;
    // The measure a banded choice reads is required when the choice (or the choice it is an
    // alternative of) carries base points.
    let top = i;
    while (t.parent[top]! >= 0 && t.criteria[t.parent[top]!]!.kind === 'choice')
      top = t.parent[top]!;
    if (t.maxBase[top]! > 0 && !insideChoice(t, top)) out.add(t.criteria[t.input[i]!]!.code);
  }
  return out;
}

/** What a unit must still do before its sheet can be submitted; empty when it can. */
export function submitProblems(
  unitCode: string,
  t: CompiledTemplate,
  layout: UnitLayout,
  parsed: Readonly<Record<string, Parsed>>,
  score: UnitScore,
): Problem[] {
  const problems = invalidProblems(unitCode, layout, parsed, 'self');
  const invalid = new Set(problems.map((p) => p.code));
  const required = requiredRows(t, layout);
  for (const r of layout.rows) {
    if (!required.has(r.code) || invalid.has(r.code) || parsed[r.code]?.value !== undefined)
      continue;
    problems.push({
      code: r.code,
      cell: cellName(unitCode, r, 'self'),
      message: `Mục ${r.code}: chưa nhập. ${ruleOf(r)}`,
    });
  }
  for (const f of score.findings) {
    if (f.kind !== 'missing-evidence' || f.side !== 'self' || !f.code) continue;
    const i = t.indexOf.get(f.code);
    const r = i === undefined ? undefined : layout.rows[i];
    if (!r) continue;
    problems.push({
      code: r.code,
      cell: cellName(unitCode, r, 'evidence'),
      message: `Mục ${r.code}: có điểm nhưng chưa ghi tài liệu kiểm chứng (minh chứng).`,
    });
  }
  const order = (p: Problem) => t.indexOf.get(p.code) ?? 0;
  return problems.sort((a, b) => order(a) - order(b));
}

/**
 * The points shown beside a field (the engine's contribution of the row), or undefined where the
 * row shows none (measures, knock-outs).
 */
export function rowPoints(score: UnitScore, row: UnitRow, side: Side): number | undefined {
  if (row.kind === 'measure' || row.kind === 'knockout' || row.kind === 'group') return undefined;
  return score.node(row.code, side).contribution;
}

/** "+1,5" / "−2" / "4" with a true minus sign, for points shown beside fields. */
export function signedPoints(n: number, plus = false): string {
  if (n < 0) return `−${formatDecimal(-n)}`;
  return `${plus && n > 0 ? '+' : ''}${formatDecimal(n)}`;
}

/**
 * The alternative's worth as its label shows it: "4 điểm", "+15 điểm", "trừ 2 điểm" (a leaf
 * alternative's worth as the engine counts it, else the most it can earn).
 */
export function alternativeWorth(t: CompiledTemplate, k: number): string {
  const kind = t.criteria[k]!.kind;
  if (t.children[k]!.length === 0 && (kind === 'bonus' || kind === 'penalty')) {
    const points = formatDecimal(fromUnits(Math.abs(leafAlternativeUnits(t, k))));
    return kind === 'bonus' ? `+${points} điểm` : `trừ ${points} điểm`;
  }
  return `${formatDecimal(fromUnits(t.maxBase[k]!))} điểm`;
}

/** How the evidence field (K) stands: not offered, optional, required and filled, required and missing. */
export type EvidenceField = 'none' | 'optional' | 'required' | 'missing';

const EVIDENCE_FIELD: Readonly<Record<EvidenceState, EvidenceField>> = {
  none: 'optional',
  given: 'required',
  missing: 'missing',
};

/** The evidence field of a row, as the engine's evidence rule stands on the self side. */
export function evidenceField(score: UnitScore, row: UnitRow): EvidenceField {
  return row.notes ? EVIDENCE_FIELD[score.node(row.code, 'self').evidence] : 'none';
}

/** One item where the bloc's value differs from the unit's. */
export interface Difference {
  code: string;
  self: string;
  verified: string;
  /** Verified minus self, in points (the item's own contribution, as the engine counts it). */
  points: number;
  reason: string;
  row: UnitRow;
}

/**
 * Items whose verified value is given and differs from the self value (the engine's `differs`),
 * in template order.
 */
export function differences(
  layout: UnitLayout,
  stored: Readonly<Record<string, ItemEntry>>,
  draft: Draft,
  parsed: Readonly<Record<string, Parsed>>,
  score: UnitScore,
): Difference[] {
  const out: Difference[] = [];
  for (const r of layout.rows) {
    if (r.input === 'none') continue;
    const node = score.node(r.code, 'verified');
    if (!node.differs) continue;
    const self = stored[r.code]?.self;
    out.push({
      code: r.code,
      self: self === undefined ? '(trống)' : entryText(self),
      verified: entryText(parsed[r.code]?.value),
      points: node.difference,
      reason: draft[r.code]?.note.trim() ?? '',
      row: r,
    });
  }
  return out;
}

/** Differences without a reason: the bloc must explain each before confirming. */
export function reasonProblems(unitCode: string, diffs: readonly Difference[]): Problem[] {
  return diffs
    .filter((d) => d.reason === '')
    .map((d) => ({
      code: d.code,
      cell: cellName(unitCode, d.row, 'reason'),
      message: `Mục ${d.code}: khối chấm (${d.verified}) khác tự chấm (${d.self}) nhưng chưa ghi lý do.`,
    }));
}

/** Today as an ISO date (YYYY-MM-DD), in the user's time zone. */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** A shorter criterion text for a field's label (the full text stays in the hint). */
export function shortText(text: string, max = 60): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const at = cut.lastIndexOf(' ');
  return `${(at > max / 2 ? cut.slice(0, at) : cut).replace(/[\s,;:–-]+$/, '')}…`;
}

/** Status → the badge's colour. */
export const STATUS_COLOR: Readonly<Record<SheetStatus, 'informative' | 'brand' | 'success'>> = {
  'chua-nop': 'informative',
  'da-nop': 'brand',
  'da-tham-dinh': 'success',
};

/** The line shown on each part and section of the criteria tree, by its code. */
export function groupSummaries(
  t: CompiledTemplate,
  summary: (code: string) => string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < t.size; i++) {
    if (t.criteria[i]!.kind !== 'group') continue;
    const code = t.criteria[i]!.code;
    out[code] = summary(code);
  }
  return out;
}

/** Findings worth showing on one side of a form, most serious first. */
export function sideFindings(score: UnitScore, side: Side): Finding[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return score.findings
    .filter((f) => f.side === side && f.kind !== 'self-verified-differ')
    .sort((a, b) => rank[a.severity] - rank[b.severity]);
}
