import { fromUnits, toUnits } from '../decimal';
import type { Finding, ScoreFindingKind } from '../finding';
import { formatDateVi, isIsoShaped } from '../text/dates';
import { formatDecimal, isYesWord } from '../text/vietnamese';
import { NO_CAP, type CompiledTemplate, type UnitCaps } from '../template/compile';
import type { Band } from '../template/types';
import type { EntryValue, ItemEntry, UnitSheet } from './types';

/**
 * Which column a result is of: the unit's own (`self`, tự chấm) or the bloc's (`verified`, khối
 * chấm), which reads the verified value where given, else the self value.
 */
export type Side = 'self' | 'verified';

/**
 * Findings of the verified side are reported only where a verified value differs from the self
 * value (the node's own, one in its subtree, or the measure a band reads); elsewhere the verified
 * result equals the self result and its findings stand once, under the self side.
 */
export interface ScoreFinding extends Finding<ScoreFindingKind> {
  /** The column the finding is about. */
  side: Side;
}

export interface Totals {
  earnedBase: number;
  /** Bonus and penalty before any cap. */
  bonusRaw: number;
  penaltyRaw: number;
  /** Bonus and penalty after every cap. */
  bonus: number;
  penalty: number;
  /** earnedBase + bonus − penalty. */
  total: number;
}

/**
 * The evidence rule on one side of a node: `none` when the node claims no points that need
 * evidence, `given` when it does and evidence is cited, `missing` when it does and none is (the
 * side then has a `missing-evidence` finding, unless the other side already said so).
 */
export type EvidenceState = 'none' | 'given' | 'missing';

export interface NodeScore extends Totals {
  code: string;
  maxBase: number;
  /** For a choice: the code of the chosen alternative. */
  chosen?: string;
  /**
   * Points the node's own entry brings on this side: a base item's earned base (its rule rows have
   * entries of their own), else the node total. What a self/verified difference is counted in.
   */
  contribution: number;
  evidence: EvidenceState;
  /** The bloc's verified value is given and differs from the self value (the same on both sides). */
  differs: boolean;
  /** Verified contribution minus self contribution, in points (the same on both sides). */
  difference: number;
}

export interface UnitScore {
  unitCode: string;
  self: Totals;
  /** The verified side (khối chấm): what the ranking counts. */
  verified: Totals;
  knockedOut: boolean;
  /** True when the bloc entered at least one verified value (khối chấm) on this sheet. */
  hasVerified: boolean;
  /** Codes of the knock-out conditions that hold (on the verified side). */
  knockouts: string[];
  /** The same on the self side: what the unit's own answers say. */
  selfKnockouts: readonly string[];
  findings: ScoreFinding[];
  node(code: string, side?: Side): NodeScore;
}

// Per-node slots in one Float64Array per side (fixed-point units).
const EARNED = 0;
const BONUS_RAW = 1;
const PENALTY_RAW = 2;
const BONUS = 3;
const PENALTY = 4;
const SLOTS = 5;

// Per-node evidence state, one Uint8Array per side.
const EVIDENCE: readonly EvidenceState[] = ['none', 'given', 'missing'];
const GIVEN = 1;
const MISSING = 2;

const SIDE_LABEL = { self: 'Tự chấm', verified: 'Khối chấm' } as const;

const pts = (units: number): string => formatDecimal(fromUnits(units));

/** A yes: true, a non-zero number, or a yes word ("có", "x"); "không" and other text are no. */
function isMarked(value: EntryValue | undefined): boolean {
  if (typeof value === 'string') return isYesWord(value);
  return value === true || (typeof value === 'number' && value !== 0);
}

function bandValue(value: EntryValue | undefined): number | string | undefined {
  return typeof value === 'number' || typeof value === 'string' ? value : undefined;
}

function inBand(value: number | string, band: Band): boolean {
  // Dates arrive as ISO strings (YYYY-MM-DD), which order correctly as text; other text ("10/01/2025")
  // must not be compared as if it were a date.
  if (band.from === undefined && band.to === undefined) return true; // the "otherwise" alternative
  if (typeof value === 'string' && !isIsoShaped(value)) return false;
  if (band.from !== undefined && (typeof band.from !== typeof value || value < band.from))
    return false;
  if (band.to !== undefined && (typeof band.to !== typeof value || value >= band.to)) return false;
  return true;
}

/** The verified value is given and differs from the self value: the item is touched on the verified side. */
function differs(e: ItemEntry | undefined): e is ItemEntry & { verified: EntryValue } {
  return e !== undefined && e.verified !== undefined && e.verified !== e.self;
}

/**
 * Scores one side of one unit. Findings are reported once: on the verified side only where
 * verified values are involved, since the self side already reported the rest.
 */
class SidePass {
  knockouts: string[] = [];

  constructor(
    private readonly t: CompiledTemplate,
    private readonly entries: readonly (ItemEntry | undefined)[],
    private readonly side: Side,
    private readonly findings: ScoreFinding[],
    private readonly missingEvidence: Set<number>,
    /** Per node: SLOTS fixed-point values. */
    readonly slots: Float64Array,
    /** Per node: index + 1 of the chosen alternative, 0 for none. */
    readonly chosen: Int32Array,
    /** Per node, verified side only: 1 where a differing verified value sits in the subtree or input. */
    private readonly touched: Uint8Array,
    /** Per node: the index in EVIDENCE of its evidence state. */
    readonly evidence: Uint8Array,
  ) {}

  private value(i: number): EntryValue | undefined {
    const e = this.entries[i];
    if (!e) return undefined;
    return this.side === 'verified' && e.verified !== undefined ? e.verified : e.self;
  }

  /** Whether a finding about node i belongs to this pass. */
  private reports(i: number): boolean {
    return this.side === 'self' || this.touched[i] === 1;
  }

  private report(
    i: number,
    kind: ScoreFindingKind,
    message: string,
    severity: Finding['severity'] = 'warning',
  ) {
    if (!this.reports(i)) return;
    // Evidence belongs to the item, not to a column: say it is missing once.
    if (kind === 'missing-evidence') {
      if (this.missingEvidence.has(i)) return;
      this.missingEvidence.add(i);
    }
    const side = this.side;
    const code = this.t.criteria[i]!.code;
    this.findings.push({
      kind,
      severity,
      code,
      side,
      message: `${SIDE_LABEL[side]} – mục ${code}: ${message}`,
    });
  }

  /**
   * Scores every node. Given the self pass, the verified pass starts from its results and
   * recomputes only the nodes whose subtree (or banded input) holds a verified value that differs:
   * elsewhere the verified column equals the self column.
   */
  run(selfPass?: SidePass): void {
    const t = this.t;
    const s = this.slots;
    if (selfPass) {
      s.set(selfPass.slots);
      this.chosen.set(selfPass.chosen);
      this.evidence.set(selfPass.evidence);
      this.knockouts = [...selfPass.knockouts];
      for (const i of t.postOrder) {
        const input = t.input[i]!;
        let touched =
          differs(this.entries[i]) || (input >= 0 && differs(this.entries[input])) ? 1 : 0;
        for (const k of t.children[i]!) touched |= this.touched[k]!;
        this.touched[i] = touched;
      }
      // A touched choice may pick an alternative the self pass cleared: recompute all of it.
      for (let p = t.postOrder.length - 1; p >= 0; p--) {
        const i = t.postOrder[p]!;
        if (this.touched[i] === 1 && t.criteria[i]!.kind === 'choice') this.touchSubtree(i);
      }
    }
    for (const i of t.postOrder) {
      const node = t.criteria[i]!;
      const o = i * SLOTS;
      if (selfPass) {
        if (this.touched[i] === 0) continue;
        s.fill(0, o, o + SLOTS);
        this.chosen[i] = 0;
        this.evidence[i] = 0;
        if (node.kind === 'knockout')
          this.knockouts = this.knockouts.filter((c) => c !== node.code);
      }
      if (node.kind === 'choice') this.choose(i);
      else {
        for (const k of t.children[i]!) {
          const ko = k * SLOTS;
          s[o + EARNED]! += s[ko + EARNED]!;
          s[o + BONUS_RAW]! += s[ko + BONUS]!;
          s[o + PENALTY_RAW]! += s[ko + PENALTY]!;
        }
        this.own(i, o);
      }
      this.cap(i, o, t.caps[i]!);
    }
  }

  private touchSubtree(i: number) {
    this.touched[i] = 1;
    for (const k of this.t.children[i]!) this.touchSubtree(k);
  }

  /** The node's own entry: earned base, cases or points, knock-out. */
  private own(i: number, o: number) {
    const node = this.t.criteria[i]!;
    const v = this.value(i);
    if (v === undefined || node.kind === 'group' || node.kind === 'measure') return;
    // A leaf alternative's entry only marks the choice; `choose` gives it its value.
    if (this.t.leafAlternative[i] === 1) return;
    const s = this.slots;
    if (node.kind === 'knockout') {
      if (isMarked(v)) this.knockouts.push(node.code);
      return;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.report(
        i,
        'not-a-number',
        `giá trị "${String(v)}" không phải là số; tính 0 điểm.`,
        'error',
      );
      return;
    }
    if (v < 0) {
      const what = this.t.rate[i]! > 0 ? 'số trường hợp' : 'điểm';
      this.report(i, 'negative', `${what} âm (${pts(toUnits(v))}); tính 0.`, 'error');
      return;
    }
    if (node.kind === 'base') {
      const max = this.t.maxBase[i]!;
      let earned = toUnits(v);
      if (earned > max) {
        this.report(
          i,
          'above-base',
          `${pts(earned)} điểm vượt điểm chuẩn ${pts(max)}; tính ${pts(max)}.`,
          'error',
        );
        earned = max;
      }
      s[o + EARNED]! += earned;
      if (earned > 0 && node.evidenceRequired) this.claim(i, this.lacksEvidence(i), 'chấm điểm');
      return;
    }
    const rate = this.t.rate[i]!;
    if (rate > 0 && !Number.isInteger(v))
      this.report(
        i,
        'fractional-count',
        `số trường hợp phải là số nguyên (đang ghi ${pts(toUnits(v))}).`,
      );
    const points = rate > 0 ? Math.round(rate * v) : toUnits(v);
    if (node.kind === 'bonus') {
      s[o + BONUS_RAW]! += points;
      if (points > 0 && node.evidenceRequired)
        this.claim(i, this.lacksEvidence(i), 'có điểm thưởng');
    } else if (node.kind === 'penalty') s[o + PENALTY_RAW]! += points;
  }

  private lacksEvidence(i: number): boolean {
    return !this.entries[i]?.evidence?.trim();
  }

  /**
   * Node i claims points that need evidence (`what`: "chấm điểm", "chọn 1.4.a"); `lacks` when none
   * is cited. Kept where a choice clears the alternative later, as the finding is.
   */
  private claim(i: number, lacks: boolean, what: string) {
    this.evidence[i] = lacks ? MISSING : GIVEN;
    if (lacks) this.report(i, 'missing-evidence', `${what} nhưng chưa ghi tài liệu kiểm chứng.`);
  }

  /** Picks one alternative of a choice and takes its points; the others count for nothing. */
  private choose(i: number) {
    const t = this.t;
    const node = t.criteria[i]!;
    const kids = t.children[i]!;
    let pick = -1;
    if (kids.some((k) => t.criteria[k]!.band)) {
      const source = t.input[i]! >= 0 ? t.input[i]! : i;
      const v = bandValue(this.value(source));
      if (v !== undefined) {
        const hits = kids.filter((k) => inBand(v, t.criteria[k]!.band ?? {}));
        if (hits.length === 0)
          this.report(
            i,
            'no-band',
            `giá trị ${String(v)} không thuộc khoảng nào của các phương án.`,
          );
        else if (hits.length > 1)
          this.report(
            i,
            'overlapping-bands',
            `giá trị ${String(v)} thuộc nhiều khoảng (${hits.map((h) => t.criteria[h]!.code).join(', ')}); lấy ${t.criteria[hits[0]!]!.code}.`,
          );
        pick = hits[0] ?? -1;
      }
    } else {
      const v = this.value(i);
      if (typeof v === 'string' && v !== '') {
        pick = kids.find((k) => t.criteria[k]!.code === v) ?? -1;
        if (pick === -1)
          this.report(
            i,
            'unknown-alternative',
            `phương án "${v}" không có trong mục chọn.`,
            'error',
          );
      } else {
        const marked = kids.filter((k) => isMarked(this.value(k)));
        if (marked.length > 1) {
          // Conservative: take the alternative worth least, and say so; never pick by row order silently.
          const worth = (k: number) => this.alternativeTotal(k);
          pick = marked.reduce((a, b) => (worth(b) < worth(a) ? b : a));
          this.report(
            i,
            'several-alternatives',
            `chọn nhiều phương án (${marked.map((k) => t.criteria[k]!.code).join(', ')}) trong mục chỉ được chọn một; tính phương án thấp nhất ${t.criteria[pick]!.code}.`,
            'error',
          );
        } else pick = marked[0] ?? -1;
      }
    }
    const s = this.slots;
    const o = i * SLOTS;
    for (const k of kids) {
      if (k === pick) continue;
      this.clearSubtree(k);
    }
    if (pick >= 0) {
      this.chosen[i] = pick + 1;
      if (t.children[pick]!.length === 0) this.fullValue(pick);
      const po = pick * SLOTS;
      s[o + EARNED] = s[po + EARNED]!;
      s[o + BONUS_RAW] = s[po + BONUS]!;
      s[o + PENALTY_RAW] = s[po + PENALTY]!;
      const evidence = this.entries[i]?.evidence?.trim() || this.entries[pick]?.evidence?.trim();
      const needs = node.evidenceRequired || t.criteria[pick]!.evidenceRequired;
      if (needs && s[po + EARNED]! + s[po + BONUS]! > 0)
        this.claim(i, !evidence, `chọn ${t.criteria[pick]!.code}`);
    }
  }

  private alternativeTotal(k: number): number {
    const t = this.t;
    if (t.children[k]!.length > 0) {
      const o = k * SLOTS;
      return this.slots[o + EARNED]! + this.slots[o + BONUS]! - this.slots[o + PENALTY]!;
    }
    return leafAlternativeUnits(t, k);
  }

  /** A chosen leaf alternative earns its whole value: its base, or its rate once. */
  private fullValue(k: number) {
    const t = this.t;
    const o = k * SLOTS;
    const s = this.slots;
    s.fill(0, o, o + SLOTS);
    const node = t.criteria[k]!;
    if (node.kind === 'base') s[o + EARNED] = t.maxBase[k]!;
    else if (node.kind === 'bonus') s[o + BONUS_RAW] = t.rate[k]!;
    else if (node.kind === 'penalty') s[o + PENALTY_RAW] = t.rate[k]!;
    this.cap(k, o, t.caps[k]!);
  }

  private clearSubtree(k: number) {
    this.slots.fill(0, k * SLOTS, k * SLOTS + SLOTS);
    this.knockouts = this.knockouts.filter((c) => c !== this.t.criteria[k]!.code);
    for (const c of this.t.children[k]!) this.clearSubtree(c);
  }

  /** Applies the node's caps to its raw bonus and penalty, keeping total = base + bonus − penalty. */
  private cap(i: number, o: number, caps: UnitCaps) {
    const s = this.slots;
    let bonus = Math.min(s[o + BONUS_RAW]!, caps.bonus);
    let penalty = Math.min(s[o + PENALTY_RAW]!, caps.penalty);
    if (caps.net !== NO_CAP) {
      const net = bonus - penalty;
      if (net > caps.net) bonus = penalty + caps.net;
      else if (net < -caps.net) penalty = bonus + caps.net;
    }
    const bonusCut = s[o + BONUS_RAW]! - bonus;
    const penaltyCut = s[o + PENALTY_RAW]! - penalty;
    if (bonusCut > 0)
      this.report(
        i,
        'cap-applied',
        `điểm thưởng ${pts(s[o + BONUS_RAW]!)} vượt trần; tính ${pts(bonus)} (cắt ${pts(bonusCut)}).`,
        'info',
      );
    if (penaltyCut > 0)
      this.report(
        i,
        'cap-applied',
        `điểm trừ ${pts(s[o + PENALTY_RAW]!)} vượt trần; tính ${pts(penalty)} (cắt ${pts(penaltyCut)}).`,
        'info',
      );
    s[o + BONUS] = bonus;
    s[o + PENALTY] = penalty;
  }

  rootTotals(): Totals {
    const t = this.t;
    const s = this.slots;
    let earned = 0;
    let bonusRaw = 0;
    let penaltyRaw = 0;
    for (const r of t.roots) {
      earned += s[r * SLOTS + EARNED]!;
      bonusRaw += s[r * SLOTS + BONUS]!;
      penaltyRaw += s[r * SLOTS + PENALTY]!;
    }
    let bonus = Math.min(bonusRaw, t.rootCaps.bonus);
    let penalty = Math.min(penaltyRaw, t.rootCaps.penalty);
    if (t.rootCaps.net !== NO_CAP) {
      if (bonus - penalty > t.rootCaps.net) bonus = penalty + t.rootCaps.net;
      else if (penalty - bonus > t.rootCaps.net) penalty = bonus + t.rootCaps.net;
    }
    return totals(earned, bonusRaw, penaltyRaw, bonus, penalty);
  }
}

function totals(
  earned: number,
  bonusRaw: number,
  penaltyRaw: number,
  bonus: number,
  penalty: number,
): Totals {
  return {
    earnedBase: fromUnits(earned),
    bonusRaw: fromUnits(bonusRaw),
    penaltyRaw: fromUnits(penaltyRaw),
    bonus: fromUnits(bonus),
    penalty: fromUnits(penalty),
    total: fromUnits(earned + bonus - penalty),
  };
}

/**
 * What a chosen leaf alternative is worth before caps, in fixed-point units: its base, its rate
 * once, or minus its rate for a penalty; 0 for other kinds. The engine compares alternatives by it.
 */
export function leafAlternativeUnits(t: CompiledTemplate, k: number): number {
  const kind = t.criteria[k]!.kind;
  if (kind === 'base') return t.maxBase[k]!;
  if (kind === 'bonus') return t.rate[k]!;
  if (kind === 'penalty') return -t.rate[k]!;
  return 0;
}

/** Points a node's own entry brings: a base item's earned base (its rule rows have their own entries), else the node total. */
function ownContribution(t: CompiledTemplate, slots: Float64Array, i: number): number {
  const o = i * SLOTS;
  if (t.criteria[i]!.kind === 'base') return slots[o + EARNED]!;
  return slots[o + EARNED]! + slots[o + BONUS]! - slots[o + PENALTY]!;
}

function showValue(v: EntryValue): string {
  if (typeof v === 'number') return formatDecimal(v);
  if (typeof v === 'boolean') return v ? 'có' : 'không';
  // Dates are stored ISO; people read dd/mm/yyyy. Other text (an alternative's code) stays.
  return formatDateVi(v);
}

/**
 * The key order of the last sheet aligned against each template. Sheets read from one source list
 * their codes in the same order, so most keys match the previous sheet's by identity and skip the
 * lookup by code.
 */
const lastLayout = new WeakMap<CompiledTemplate, { keys: string[]; index: number[] }>();

/** Lines up a sheet's entries with the template; entries for unknown codes become findings. */
export function alignEntries(
  t: CompiledTemplate,
  sheet: UnitSheet,
): { entries: (ItemEntry | undefined)[]; findings: ScoreFinding[]; hasVerified: boolean } {
  const entries = new Array<ItemEntry | undefined>(t.size).fill(undefined);
  const findings: ScoreFinding[] = [];
  let hasVerified = false;
  let layout = lastLayout.get(t);
  if (!layout) lastLayout.set(t, (layout = { keys: [], index: [] }));
  let k = 0;
  // for…in, not Object.entries: no pair array per item.
  for (const code in sheet.entries) {
    const entry = sheet.entries[code]!;
    if (entry.verified !== undefined) hasVerified = true;
    let i: number | undefined;
    if (layout.keys[k] === code) i = layout.index[k];
    else {
      i = t.indexOf.get(code) ?? -1;
      layout.keys[k] = code;
      layout.index[k] = i;
    }
    k++;
    if (i === undefined || i < 0)
      findings.push({
        kind: 'unknown-code',
        severity: 'error',
        code,
        side: 'self',
        message: `Mã tiêu chí "${code}" không có trong bảng chấm điểm.`,
      });
    else entries[i] = entry;
  }
  return { entries, findings, hasVerified };
}

interface Passes {
  entries: (ItemEntry | undefined)[];
  self: SidePass;
  verified: SidePass;
  findings: ScoreFinding[];
  hasVerified: boolean;
}

/** Verified minus self contribution of node i, in fixed-point units. */
const differenceUnits = (t: CompiledTemplate, p: Passes, i: number) =>
  ownContribution(t, p.verified.slots, i) - ownContribution(t, p.self.slots, i);

// The buffer of both passes: slots (Float64) per side, chosen (Int32) per side, touched, evidence
// (Uint8) per side; byte offsets for a template of n nodes.
const CHOSEN_AT = (n: number) => 2 * n * SLOTS * 8;
const TOUCHED_AT = (n: number) => CHOSEN_AT(n) + 2 * n * 4;
const EVIDENCE_AT = (n: number) => TOUCHED_AT(n) + n;
const bufferBytes = (t: CompiledTemplate) => EVIDENCE_AT(t.size) + 2 * t.size;

/** Both passes over one sheet, written into `buffer` (whose self part must be zeroed). */
function runPasses(t: CompiledTemplate, sheet: UnitSheet, buffer: ArrayBuffer): Passes {
  const { entries, findings, hasVerified } = alignEntries(t, sheet);
  const missingEvidence = new Set<number>();
  const n = t.size;
  const slots = (k: number) => new Float64Array(buffer, k * n * SLOTS * 8, n * SLOTS);
  const chosen = (k: number) => new Int32Array(buffer, CHOSEN_AT(n) + k * n * 4, n);
  const touched = new Uint8Array(buffer, TOUCHED_AT(n), n);
  const evidence = (k: number) => new Uint8Array(buffer, EVIDENCE_AT(n) + k * n, n);
  const pass = (side: Side, k: number) =>
    new SidePass(
      t,
      entries,
      side,
      findings,
      missingEvidence,
      slots(k),
      chosen(k),
      touched,
      evidence(k),
    );
  const self = pass('self', 0);
  self.run();
  const verified = pass('verified', 1);
  verified.run(self);
  const passes = { entries, self, verified, findings, hasVerified };
  for (let i = 0; i < n; i++) {
    const e = entries[i];
    if (!differs(e) || e.self === undefined) continue;
    const diff = differenceUnits(t, passes, i);
    const code = t.criteria[i]!.code;
    const why = e.reason?.trim() ? `lý do: ${e.reason.trim()}` : 'chưa có giải trình';
    const sign = diff > 0 ? '+' : '';
    findings.push({
      kind: 'self-verified-differ',
      severity: e.reason?.trim() ? 'info' : 'warning',
      code,
      side: 'verified',
      message: `Mục ${code}: khối chấm khác tự chấm (${showValue(e.self)} → ${showValue(e.verified)}, chênh ${sign}${pts(diff)} điểm); ${why}.`,
    });
  }
  return passes;
}

const NO_KNOCKOUTS: readonly string[] = Object.freeze([]);

/** One scratch buffer per template: scoring a bloc allocates no per-node storage per unit. */
const scratch = new WeakMap<CompiledTemplate, ArrayBuffer>();

function scratchFor(t: CompiledTemplate): ArrayBuffer {
  let buffer = scratch.get(t);
  if (!buffer) scratch.set(t, (buffer = new ArrayBuffer(bufferBytes(t))));
  else new Uint8Array(buffer, 0, t.size * (SLOTS * 8)).fill(0);
  new Int32Array(buffer, CHOSEN_AT(t.size), t.size).fill(0);
  new Uint8Array(buffer, EVIDENCE_AT(t.size), t.size).fill(0);
  return buffer;
}

/**
 * Scores one unit's sheet: self side, verified side (verified values where given), findings.
 *
 * Totals and findings are kept; per-node results are computed again, once, on the first call to
 * `node` (scoring is pure), so ranking thousands of units holds no per-node arrays. The sheet must
 * not be changed in between.
 */
export function scoreUnit(t: CompiledTemplate, sheet: UnitSheet): UnitScore {
  const { self, verified, findings, hasVerified } = runPasses(t, sheet, scratchFor(t));
  const selfTotals = self.rootTotals();
  const verifiedTotals = verified.rootTotals();
  let detail: Passes | undefined;
  const node = (code: string, side: Side = 'verified'): NodeScore => {
    const i = t.indexOf.get(code);
    if (i === undefined) throw new RangeError(`Không có mục ${code}`);
    detail ??= runPasses(t, sheet, new ArrayBuffer(bufferBytes(t)));
    const pass = side === 'self' ? detail.self : detail.verified;
    const o = i * SLOTS;
    const sl = pass.slots;
    const chosen = pass.chosen[i]! - 1;
    return {
      code,
      maxBase: fromUnits(t.maxBase[i]!),
      ...totals(
        sl[o + EARNED]!,
        sl[o + BONUS_RAW]!,
        sl[o + PENALTY_RAW]!,
        sl[o + BONUS]!,
        sl[o + PENALTY]!,
      ),
      ...(chosen >= 0 ? { chosen: t.criteria[chosen]!.code } : {}),
      contribution: fromUnits(ownContribution(t, sl, i)),
      evidence: EVIDENCE[pass.evidence[i]!]!,
      differs: differs(detail.entries[i]),
      difference: fromUnits(differenceUnits(t, detail, i)),
    };
  };
  return {
    unitCode: sheet.unitCode,
    self: selfTotals,
    verified: verifiedTotals,
    knockedOut: verified.knockouts.length > 0,
    hasVerified,
    knockouts: verified.knockouts,
    // Most units hold none: share one empty list rather than keep one per unit.
    selfKnockouts: self.knockouts.length > 0 ? self.knockouts : NO_KNOCKOUTS,
    findings,
    node,
  };
}
