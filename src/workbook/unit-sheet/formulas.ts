import type { CompiledTemplate } from '../../core/template/compile';
import type { Side } from '../../core/scoring/score';
import type { Band, Caps, Criterion } from '../../core/template/types';
import { isoParts } from '../../core/text/dates';
import { address } from '../grid';
import { YES } from '../layout';
import {
  bandSource,
  codesByNumber,
  dateSources,
  hasBands,
  minDefined,
  SLOT,
  UNIT,
  unitLayout,
  type UnitLayout,
} from './layout';

/**
 * The live formulas of a unit sheet (docs/workbook-format.md, "Trang đơn vị"). They reproduce
 * `scoreUnit` (src/core/scoring/score.ts) cell by cell, so a spreadsheet engine that recalculates the
 * workbook gets the engine's numbers:
 *
 * - every criterion row holds, per side, the engine's five slots in hidden columns (self N–R, verified
 *   S–W: earned base, raw bonus, raw penalty, capped bonus, capped penalty) and the node total in H
 *   (self) and I (verified);
 * - a node inside an alternative of a choice is worth something only while every alternative on its
 *   path is chosen (the engine clears unchosen subtrees), so own entries there are wrapped in
 *   `IF(<chosen>,…,0)`; a choice then simply sums its alternatives, like a group;
 * - which alternative is chosen is decided from the choice's own cell (a code, or a measured value)
 *   or from the measure row named by `input`; marks on alternative rows are not used;
 * - a slot that is structurally 0 (earned base of a node whose maximum is 0, bonus of a subtree
 *   without bonus rows, …) is written as the value 0 rather than a formula.
 *
 * Only functions LibreOffice 7.4 and every Excel since 2007 know are used (SUM, MIN, MAX, ROUND, N,
 * IF, AND, OR, NOT, ISNUMBER, ISTEXT, ISLOGICAL, EXACT, LOWER, DATE); no LET, LAMBDA or arrays.
 */

/** A formula without '=', or null where the cell is the constant 0. */
export type SlotFormula = string | null;

export interface RowFormulas {
  /** Slots in the engine's order (SLOT): earned, bonusRaw, penaltyRaw, bonus, penalty. */
  self: SlotFormula[];
  verified: SlotFormula[];
  /** H, I, J. */
  selfPoints: string;
  verifiedPoints: string;
  difference: string;
}

export interface UnitFormulas {
  /** Per criterion, in template order. */
  rows: RowFormulas[];
  /** The totals row (root caps applied). */
  total: RowFormulas;
  /** 1 when a knock-out condition holds on the verified side, else 0; null when there is none. */
  knockedOut: SlotFormula;
}

const C = UNIT.col;

// ---------------------------------------------------------------------------------------------
// Formula text
// ---------------------------------------------------------------------------------------------

const slotCol = (side: Side, slot: number) =>
  (side === 'self' ? C.selfSlots : C.verifiedSlots) + slot;
const ref = (side: Side, slot: number, row: number) => address(row, slotCol(side, slot));
/** The input cells of a row: Tự chấm and Khối chấm. */
const inputCells = (row: number) => [address(row, C.self), address(row, C.verified)] as const;

/** The value a side uses: the verified entry where it is not blank, else the self entry. */
function value(side: Side, row: number): string {
  const [self, verified] = inputCells(row);
  return side === 'self' ? self : `IF(${verified}="",${self},${verified})`;
}

/** Whether the value a side uses is a number (a blank cell is not). */
function isNumber(side: Side, row: number): string {
  const [self, verified] = inputCells(row);
  return side === 'self'
    ? `ISNUMBER(${self})`
    : `IF(${verified}="",ISNUMBER(${self}),ISNUMBER(${verified}))`;
}

/** Whether the side has a value at all (either cell not blank). */
function present(side: Side, row: number): string {
  const [self, verified] = inputCells(row);
  return side === 'self' ? `${self}<>""` : `OR(${self}<>"",${verified}<>"")`;
}

const and = (atoms: readonly string[]) =>
  atoms.length === 1 ? atoms[0]! : `AND(${atoms.join(',')})`;

/** SUM over explicit cells (children are not contiguous), nested past Excel's 255 arguments. */
function sumOf(refs: readonly string[]): string | null {
  if (refs.length === 0) return null;
  if (refs.length === 1) return refs[0]!;
  if (refs.length <= 255) return `SUM(${refs.join(',')})`;
  const chunks: string[] = [];
  for (let k = 0; k < refs.length; k += 255) chunks.push(sumOf(refs.slice(k, k + 255))!);
  return sumOf(chunks);
}

const lit = (n: number) => String(n);

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

type BoundsSpec = { never: true } | { never: false; from?: number | string; to?: number | string };

/**
 * A band as the formulas see it. The engine matches a bound only against a value of the same type
 * (numbers against numbers, ISO strings against ISO strings); the reader turns the cells of a date
 * source into ISO strings, so a bound of the other type never matches.
 */
function boundsSpec(band: Band | undefined, onDates: boolean): BoundsSpec {
  const from = band?.from;
  const to = band?.to;
  for (const b of [from, to]) {
    if (b === undefined) continue;
    if ((typeof b === 'string') !== onDates) return { never: true };
    if (typeof b === 'string' && !isoParts(b)) return { never: true };
  }
  if (from !== undefined && to !== undefined && from >= to) return { never: true };
  return {
    never: false,
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
  };
}

function disjoint(a: BoundsSpec, b: BoundsSpec): boolean {
  if (a.never || b.never) return true;
  if (a.to !== undefined && b.from !== undefined && a.to <= b.from) return true;
  if (b.to !== undefined && a.from !== undefined && b.to <= a.from) return true;
  return false;
}

function boundLit(b: number | string): string {
  if (typeof b === 'number') return lit(b);
  const { year, month, day } = isoParts(b)!;
  return `DATE(${year},${month},${day})`;
}

/** Codes that a number or TRUE/FALSE would also match with EXACT: guard them with ISTEXT. */
const looksLikeNonText = (code: string) =>
  /^[\d.,\s+-]*$/.test(code) || /^(true|false)$/i.test(code);

/** Builds every formula of a template's unit sheet. Pure; cached per compiled template. */
class FormulaBuilder {
  private readonly layout: UnitLayout;
  private readonly dates: Set<number>;
  /** Per node: its subtree can produce a bonus / a penalty. */
  private readonly canBonus: Uint8Array;
  private readonly canPenalty: Uint8Array;

  constructor(private readonly t: CompiledTemplate) {
    this.layout = unitLayout(t);
    this.dates = dateSources(t);
    this.canBonus = new Uint8Array(t.size);
    this.canPenalty = new Uint8Array(t.size);
    for (const i of t.postOrder) {
      const c = t.criteria[i]!;
      const leaf = t.leafAlternative[i] === 1;
      const own = (kind: Criterion['kind']) =>
        c.kind === kind && (leaf ? t.rate[i]! > 0 : true) ? 1 : 0;
      let b = own('bonus');
      let p = own('penalty');
      for (const k of t.children[i]!) {
        b |= this.canBonus[k]!;
        p |= this.canPenalty[k]!;
      }
      this.canBonus[i] = b;
      this.canPenalty[i] = p;
    }
  }

  private row(i: number): number {
    return this.layout.firstRow + i;
  }

  private bounds(k: number): BoundsSpec {
    const t = this.t;
    const choice = t.parent[k]!;
    return boundsSpec(t.criteria[k]!.band, this.dates.has(bandSource(t, choice)));
  }

  /** Conditions under which alternative k holds its band, or null when it never can. */
  private bandAtoms(k: number, side: Side): string[] | null {
    const spec = this.bounds(k);
    if (spec.never) return null;
    const src = this.row(bandSource(this.t, this.t.parent[k]!));
    if (spec.from === undefined && spec.to === undefined)
      // No bounds: the engine takes any number or text, never TRUE/FALSE.
      return [present(side, src), `NOT(ISLOGICAL(${value(side, src)}))`];
    const v = value(side, src);
    const atoms = [isNumber(side, src)];
    if (spec.from !== undefined) atoms.push(`${v}>=${boundLit(spec.from)}`);
    if (spec.to !== undefined) atoms.push(`${v}<${boundLit(spec.to)}`);
    return atoms;
  }

  /** Conditions under which alternative k is the one its choice picks, or null for never. */
  private chosenAtoms(k: number, side: Side): string[] | null {
    const t = this.t;
    const choice = t.parent[k]!;
    if (hasBands(t, choice)) {
      const atoms = this.bandAtoms(k, side);
      if (!atoms) return null;
      // The engine takes the first alternative whose band holds the value.
      const mine = this.bounds(k);
      for (const j of t.children[choice]!) {
        if (j === k) break;
        if (disjoint(this.bounds(j), mine)) continue;
        const earlier = this.bandAtoms(j, side);
        if (earlier) atoms.push(`NOT(${and(earlier)})`);
      }
      return atoms;
    }
    const v = value(side, this.row(choice));
    const code = t.criteria[k]!.code;
    const exact = `EXACT(${v},${quote(code)})`;
    // A code Excel stores as a number ("01" → 1) is chosen by that number too, as the reader says.
    const siblings = t.children[choice]!.map((j) => t.criteria[j]!.code);
    const n = Number(code);
    if (codesByNumber(siblings).get(n) === code)
      return lit(n) === code ? [exact] : [`OR(${exact},AND(ISNUMBER(${v}),${v}=${lit(n)}))`];
    return looksLikeNonText(code) ? [`ISTEXT(${v})`, exact] : [exact];
  }

  /** Conditions under which node i counts: every alternative on its path is chosen. */
  activeAtoms(i: number, side: Side): string[] | null {
    const t = this.t;
    const atoms: string[] = [];
    for (let a = i; a >= 0; a = t.parent[a]!) {
      const p = t.parent[a]!;
      if (p < 0 || t.criteria[p]!.kind !== 'choice') continue;
      const chosen = this.chosenAtoms(a, side);
      if (!chosen) return null;
      atoms.unshift(...chosen);
    }
    return atoms;
  }

  private masked(expr: string, active: string[] | null): string | null {
    if (!active) return null;
    return active.length ? `IF(${and(active)},${expr},0)` : expr;
  }

  private raw(i: number, side: Side): SlotFormula[] {
    const t = this.t;
    const c = t.criteria[i]!;
    const r = this.row(i);
    const leaf = t.leafAlternative[i] === 1;
    const kids = t.children[i]!;
    const active = leaf || c.kind === 'base' || c.kind === 'bonus' || c.kind === 'penalty';
    const act = active ? this.activeAtoms(i, side) : [];
    const num = `N(${value(side, r)})`;
    const base = address(r, C.base);
    const rate = address(r, C.rate);
    const combine = (refs: string[], own: string | null) => {
      const sum = sumOf(refs);
      if (sum === null) return own;
      return own === null ? sum : `${sum}+${own}`;
    };

    let earned: SlotFormula = null;
    if (t.maxBase[i]! > 0) {
      const refs = kids
        .filter((k) => t.maxBase[k]! > 0)
        .map((k) => ref(side, SLOT.earned, this.row(k)));
      let own: string | null = null;
      if (c.kind === 'base')
        own = this.masked(leaf ? base : `MAX(0,MIN(${base},ROUND(${num},4)))`, act);
      earned = combine(refs, own);
    }

    const rule = (kind: 'bonus' | 'penalty', can: Uint8Array, capped: number): SlotFormula => {
      if (!can[i]) return null;
      const refs = kids.filter((k) => can[k]).map((k) => ref(side, capped, this.row(k)));
      let own: string | null = null;
      if (c.kind === kind) {
        if (leaf) own = this.masked(rate, act);
        else
          own = this.masked(
            t.rate[i]! > 0 ? `ROUND(${rate}*MAX(0,${num}),4)` : `ROUND(MAX(0,${num}),4)`,
            act,
          );
      }
      return combine(refs, own);
    };
    return [
      earned,
      rule('bonus', this.canBonus, SLOT.bonus),
      rule('penalty', this.canPenalty, SLOT.penalty),
    ];
  }

  /** Capped bonus and penalty from the raw cells of `row`, exactly as `cap()` in score.ts. */
  private capped(
    side: Side,
    row: number,
    caps: Caps | undefined,
    canB: boolean,
    canP: boolean,
  ): [SlotFormula, SlotFormula] {
    const rawB = ref(side, SLOT.bonusRaw, row);
    const rawP = ref(side, SLOT.penaltyRaw, row);
    const net = caps?.net;
    const bc = caps?.bonus === undefined ? rawB : `MIN(${lit(caps.bonus)},${rawB})`;
    const pc = caps?.penalty === undefined ? rawP : `MIN(${lit(caps.penalty)},${rawP})`;
    if (net === undefined) return [canB ? bc : null, canP ? pc : null];
    if (!canP) {
      // Without penalties the net cap is one more bonus cap; the penalty stays 0.
      return [canB ? `MIN(${lit(minDefined(caps?.bonus, net)!)},${rawB})` : null, null];
    }
    if (!canB) return [null, `MIN(${lit(minDefined(caps?.penalty, net)!)},${rawP})`];
    return [
      `IF(${bc}-${pc}>${lit(net)},${pc}+${lit(net)},${bc})`,
      `IF(${pc}-${bc}>${lit(net)},${bc}+${lit(net)},${pc})`,
    ];
  }

  private points(row: number): Pick<RowFormulas, 'selfPoints' | 'verifiedPoints' | 'difference'> {
    const total = (side: Side) =>
      `${ref(side, SLOT.earned, row)}+${ref(side, SLOT.bonus, row)}-${ref(side, SLOT.penalty, row)}`;
    return {
      selfPoints: total('self'),
      verifiedPoints: total('verified'),
      difference: `${address(row, C.verifiedPoints)}-${address(row, C.selfPoints)}`,
    };
  }

  criterion(i: number): RowFormulas {
    const r = this.row(i);
    const side = (s: Side): SlotFormula[] => {
      const [earned, bonusRaw, penaltyRaw] = this.raw(i, s);
      const [bonus, penalty] = this.capped(
        s,
        r,
        this.t.criteria[i]!.caps,
        this.canBonus[i] === 1,
        this.canPenalty[i] === 1,
      );
      return [earned ?? null, bonusRaw ?? null, penaltyRaw ?? null, bonus, penalty];
    };
    return { self: side('self'), verified: side('verified'), ...this.points(r) };
  }

  total(): RowFormulas {
    const t = this.t;
    const r = this.layout.totalRow;
    const canB = t.roots.some((k) => this.canBonus[k] === 1);
    const canP = t.roots.some((k) => this.canPenalty[k] === 1);
    const side = (s: Side): SlotFormula[] => {
      const refs = (slot: number, keep: (k: number) => boolean) =>
        sumOf(t.roots.filter(keep).map((k) => ref(s, slot, this.row(k))));
      const [bonus, penalty] = this.capped(s, r, t.template.caps, canB, canP);
      return [
        refs(SLOT.earned, (k) => t.maxBase[k]! > 0),
        refs(SLOT.bonus, (k) => this.canBonus[k] === 1),
        refs(SLOT.penalty, (k) => this.canPenalty[k] === 1),
        bonus,
        penalty,
      ];
    };
    return { self: side('self'), verified: side('verified'), ...this.points(r) };
  }

  /** Final side: some knock-out row (on a chosen path) holds có / x / TRUE / 1 / đúng. */
  knockedOut(): SlotFormula {
    const t = this.t;
    const terms: string[] = [];
    for (let i = 0; i < t.size; i++) {
      if (t.criteria[i]!.kind !== 'knockout' || t.leafAlternative[i] === 1) continue;
      const active = this.activeAtoms(i, 'verified');
      if (!active) continue;
      const lower = `LOWER(${value('verified', this.row(i))})`;
      const yes = `OR(${YES.map((w) => `${lower}=${quote(w)}`).join(',')})`;
      terms.push(and([...active, yes]));
    }
    if (terms.length === 0) return null;
    return `IF(${terms.length === 1 ? terms[0]! : `OR(${terms.join(',')})`},1,0)`;
  }
}

const formulaCache = new WeakMap<CompiledTemplate, UnitFormulas>();

/** Every formula of the unit sheet of a template (the same for every unit). */
export function unitFormulas(t: CompiledTemplate): UnitFormulas {
  let f = formulaCache.get(t);
  if (f) return f;
  const b = new FormulaBuilder(t);
  f = {
    rows: t.criteria.map((_, i) => b.criterion(i)),
    total: b.total(),
    knockedOut: b.knockedOut(),
  };
  formulaCache.set(t, f);
  return f;
}
