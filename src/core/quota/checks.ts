/**
 * Quota (award-ratio) checks over the per-unit lists of individuals and collectives.
 *
 * Decisions (each one is visible to the user in the check's texts):
 *
 * - Scope. Share rules are counted per member unit, because the legal quota is counted inside
 *   each agency (15% of that agency's LĐTT), and also over the whole bloc as a summary
 *   (`scope: 'khoi'`); which scopes run is the rule's `scopes` setting. The bloc-level check
 *   judges the bloc totals only: floor(15% × total) can allow more than the sum of the units'
 *   floors, so a bloc pass never hides a unit failure (the unit checks are listed too).
 *   Plan targets are counted over the bloc (`scope: 'khoi'`); TTLĐXS conditions, eligibility
 *   and LĐTT exclusions are per unit.
 * - Rounding is explicit and integer-only: a maximum share rounds down (15% of 23 = 3,45 → 3),
 *   a minimum share rounds up (30% of 7 units = 2,1 → 3), "dưới/trên x%" is strict
 *   (count × 10 000 < 7 000 × n). The rounding is named in `rounding` and spelt out in
 *   `limitText` and `message`.
 * - Applicability. A check with nothing to count (base 0 and counted 0: a unit without
 *   LĐTT and without CSTĐCS, a unit without CSTĐCS for the leader share, a bloc without units)
 *   passes with `applicable: false` and says "không có người/đơn vị nào". A maximum share with
 *   base 0 but something counted (a CSTĐCS proposed where nobody can be LĐTT) is applicable and
 *   fails. Checks that concern only proposals (TTLĐXS conditions, eligibility) are produced only
 *   for the units that have such proposals. A rule switched off (`null`) produces no check.
 * - "This year's title" is the highest of the title proposed and any title already recorded in
 *   the history for `year`, and a higher title counts as the lower ones (see titles.ts).
 * - The LĐTT base leaves out people who cannot be LĐTT (exclusions, rule 6) when that rule is
 *   on: counting them would inflate the CSTĐCS quota with proposals that are invalid anyway.
 *   They are named in `details`. CSTĐCS proposals are counted as proposed (conservative).
 * - TTLĐXS conditions apply to collectives proposed for TTLĐXS itself; flags have their own
 *   criteria (bloc ranking) and are not checked here. Plan targets count a flag proposal as at
 *   least TTLĐXS.
 */
import { SCALE } from '../decimal';
import type { Finding } from '../finding';
import { formatCount, formatShareUnits, formatUnits } from './format';
import type { Collective, Person } from './people';
import type { LdttExclusionRule, QuotaRuleSet, QuotaScopeKind } from './rules';
import { validateRuleSet } from './rules';
import {
  isAtLeast,
  isAtMost,
  isStrictlyAbove,
  isStrictlyBelow,
  maxCountAtMost,
  maxCountStrictlyBelow,
  minCountAtLeast,
  minCountStrictlyAbove,
  toShareUnits,
} from './share';
import {
  COLLECTIVE_RANK,
  INDIVIDUAL_RANK,
  collectiveRankInYear,
  individualRankInHistory,
  individualRankInYear,
} from './titles';

// ---------------------------------------------------------------------------------------------
// Result types
// ---------------------------------------------------------------------------------------------

/** How the limit was rounded. */
export type QuotaRounding =
  /** Maximum share: largest whole count not above share × base. */
  | 'floor'
  /** Minimum share: smallest whole count not below share × base. */
  | 'ceil'
  /** "dưới x%": count × 10 000 < x × base; equal fails. */
  | 'strict-below'
  /** "trên x%": count × 10 000 > x × base; equal fails. */
  | 'strict-above'
  /** A plain count (≥ 1 CSTĐCS, no excluded person, N consecutive years): nothing to round. */
  | 'none';

/** Vietnamese explanation of each rounding, as written in the texts. */
export const ROUNDING_TEXT: Readonly<Record<QuotaRounding, string>> = {
  floor: 'làm tròn xuống',
  ceil: 'làm tròn lên',
  'strict-below': 'phải thấp hơn hẳn tỷ lệ, bằng đúng tỷ lệ là không đạt',
  'strict-above': 'phải cao hơn hẳn tỷ lệ, bằng đúng tỷ lệ là không đạt',
  none: 'đếm số lượng, không làm tròn',
};

export type QuotaCheckId =
  | 'cstdcs-share'
  | 'cstdcs-leader-share'
  | 'cstdcs-non-leader-share'
  | 'ttldxs-duties'
  | 'ttldxs-ldtt-share'
  | 'ttldxs-cstdcs'
  | 'target-units-ttldtt'
  | 'target-units-ttldxs'
  | 'target-provincial-cstd'
  | 'target-individuals-ldtt'
  | 'cstd-tinh-eligibility'
  | 'cstd-toan-quoc-eligibility'
  | 'ldtt-exclusions'
  | 'government-flag-share';

/** 'khoi' for the whole bloc, otherwise a unit code. */
// `string & {}` keeps the 'khoi' literal visible in editors while accepting any unit code.
export type QuotaScope = 'khoi' | (string & {});

export interface QuotaNumbers {
  /** What was counted (CSTĐCS proposals, leaders, units proposed, excluded persons, …). */
  counted: number;
  /** The denominator (LĐTT, headcount, units, CSTĐCS proposals, members, …). */
  base: number;
  /** The share setting in units of 1/10 000 (1500 = 15%), for share checks. */
  shareUnits?: number;
  /** share × base exactly, in units of 1/10 000 (15% × 23 = 3,45 → 34 500). */
  exactUnits?: number;
  /** Largest count allowed (maximum rules). */
  allowed?: number;
  /** Smallest count required (minimum rules). */
  required?: number;
}

export interface QuotaCheck {
  /** Stable id of the rule, e.g. 'cstdcs-share'. Several checks share an id (one per scope). */
  id: QuotaCheckId;
  /** Vietnamese title of the rule. */
  title: string;
  scope: QuotaScope;
  pass: boolean;
  /** False when there was nothing to count; such a check always passes. */
  applicable: boolean;
  numbers: QuotaNumbers;
  /** The limit with its arithmetic and rounding, e.g. "≤ 15% của 23 người LĐTT = 3,45 → …". */
  limitText: string;
  rounding: QuotaRounding;
  /** The rule's source (legal text, plan, or "Khối điều chỉnh: …"). */
  source: string;
  /** Vietnamese sentence with the numbers and the verdict (NFC). */
  message: string;
  /** Persons or units concerned (failures, exclusions), one Vietnamese line each (NFC). */
  details: string[];
}

export interface QuotaInput {
  /** The proposal year (năm đề nghị); eligibility looks at the years before it. */
  year: number;
  people: Person[];
  collectives: Collective[];
  rules: QuotaRuleSet;
  /**
   * Member units to check, in display order. Default: the units of `collectives`, then any
   * further unit code found in `people`, in order of appearance. When given, people and
   * collectives of other units are ignored, and a listed unit without a collective entry
   * counts as a unit with no proposal.
   */
  unitCodes?: string[];
}

// ---------------------------------------------------------------------------------------------
// Share evaluation
// ---------------------------------------------------------------------------------------------

type Bound = 'max' | 'min' | 'below' | 'above';

const BOUND_ROUNDING: Readonly<Record<Bound, QuotaRounding>> = {
  max: 'floor',
  min: 'ceil',
  below: 'strict-below',
  above: 'strict-above',
};

const BOUND_SIGN: Readonly<Record<Bound, string>> = { max: '≤', min: '≥', below: '<', above: '>' };

interface ShareSpec {
  bound: Bound;
  /** The share as a fraction of 1 (validated to be a multiple of 1/10 000). */
  share: number;
  counted: number;
  base: number;
  /** Noun after the base number: "người LĐTT", "đơn vị dẫn đầu khối". */
  baseNoun: string;
  /** Counting word of the result: "người", "đơn vị". */
  word: string;
  /** Who the limit is about, placed before "tối đa/ít nhất": "lãnh đạo". */
  who?: string;
}

interface Evaluated {
  pass: boolean;
  applicable: boolean;
  numbers: QuotaNumbers;
  limitText: string;
  rounding: QuotaRounding;
  /** Vietnamese verdict clause: "đạt", "KHÔNG ĐẠT, vượt 1 người", "không áp dụng". */
  verdict: string;
}

function evaluateShare(spec: ShareSpec): Evaluated {
  const { bound, counted, base: n, word } = spec;
  const u = toShareUnits(spec.share);
  const exact = u * n;
  const rounding = BOUND_ROUNDING[bound];
  const pct = formatShareUnits(u);
  const who = spec.who === undefined ? '' : `${spec.who} `;
  const head = `${BOUND_SIGN[bound]} ${pct} của ${formatCount(n)} ${spec.baseNoun}`;

  let pass: boolean;
  let limit: number;
  let tail: string;
  const numbers: QuotaNumbers = { counted, base: n, shareUnits: u, exactUnits: exact };
  switch (bound) {
    case 'max':
      pass = isAtMost(counted, u, n);
      limit = maxCountAtMost(u, n);
      numbers.allowed = limit;
      tail = `${who}tối đa ${formatCount(limit)} ${word}`;
      break;
    case 'min':
      pass = isAtLeast(counted, u, n);
      limit = minCountAtLeast(u, n);
      numbers.required = limit;
      tail = `${who}cần ít nhất ${formatCount(limit)} ${word}`;
      break;
    case 'below':
      pass = isStrictlyBelow(counted, u, n);
      limit = Math.max(0, maxCountStrictlyBelow(u, n));
      numbers.allowed = limit;
      tail = `${who}tối đa ${formatCount(limit)} ${word}`;
      break;
    case 'above':
      pass = isStrictlyAbove(counted, u, n);
      limit = minCountStrictlyAbove(u, n);
      numbers.required = limit;
      tail = `${who}ít nhất ${formatCount(limit)} ${word}`;
      break;
  }

  const applicable = n > 0 || counted > 0;
  let limitText: string;
  if (n === 0) {
    limitText = `${head}: không có ${word} nào → ${tail}`;
  } else {
    limitText = `${head} = ${formatUnits(exact)} → ${tail} (${ROUNDING_TEXT[rounding]})`;
  }

  let verdict: string;
  if (!applicable) {
    verdict = `không có ${word} nào, không áp dụng`;
    pass = true;
  } else if (pass) {
    verdict = 'đạt';
  } else if (bound === 'max' || bound === 'below') {
    verdict = `KHÔNG ĐẠT, vượt ${formatCount(counted - limit)} ${word}`;
  } else {
    verdict = `KHÔNG ĐẠT, thiếu ${formatCount(limit - counted)} ${word}`;
  }
  return { pass, applicable, numbers, limitText, rounding, verdict };
}

/** A plain count rule: counted ≥ required (or ≤ allowed when `atMost`). */
function evaluateCount(
  counted: number,
  base: number,
  limit: number,
  atMost: boolean,
  word: string,
  what: string,
): Evaluated {
  const pass = atMost ? counted <= limit : counted >= limit;
  const numbers: QuotaNumbers = atMost
    ? { counted, base, allowed: limit }
    : { counted, base, required: limit };
  const limitText = `${atMost ? '≤' : '≥'} ${formatCount(limit)} ${word} ${what} (${ROUNDING_TEXT.none})`;
  let verdict = 'đạt';
  if (!pass) {
    verdict = atMost
      ? `KHÔNG ĐẠT, vượt ${formatCount(counted - limit)} ${word}`
      : `KHÔNG ĐẠT, thiếu ${formatCount(limit - counted)} ${word}`;
  }
  return { pass, applicable: true, numbers, limitText, rounding: 'none', verdict };
}

/** Percentage actually reached, rounded half up to 0,01% for display: "≈ 17,39%". */
function actualPercent(counted: number, n: number): string {
  if (n === 0) return '';
  const num = 2 * counted * SCALE;
  const den = 2 * n;
  const rounded = (num + n - ((num + n) % den)) / den;
  const exact = (counted * SCALE) % n === 0;
  return ` (${exact ? '' : '≈ '}${formatShareUnits(rounded)})`;
}

// ---------------------------------------------------------------------------------------------
// Building checks
// ---------------------------------------------------------------------------------------------

const TITLES: Readonly<Record<QuotaCheckId, string>> = {
  'cstdcs-share': 'Tỷ lệ Chiến sĩ thi đua cơ sở',
  'cstdcs-leader-share': 'Tỷ lệ lãnh đạo trong số Chiến sĩ thi đua cơ sở',
  'cstdcs-non-leader-share': 'Tỷ lệ người không giữ chức vụ lãnh đạo trong số CSTĐCS',
  'ttldxs-duties': 'Tập thể LĐXS: thành viên hoàn thành nhiệm vụ',
  'ttldxs-ldtt-share': 'Tập thể LĐXS: tỷ lệ Lao động tiên tiến',
  'ttldxs-cstdcs': 'Tập thể LĐXS: có Chiến sĩ thi đua cơ sở',
  'target-units-ttldtt': 'Chỉ tiêu: đơn vị đạt Tập thể lao động tiên tiến',
  'target-units-ttldxs': 'Chỉ tiêu: đơn vị đạt Tập thể lao động xuất sắc',
  'target-provincial-cstd': 'Chỉ tiêu: Chiến sĩ thi đua cấp tỉnh',
  'target-individuals-ldtt': 'Chỉ tiêu: cá nhân đạt Lao động tiên tiến',
  'cstd-tinh-eligibility': 'Điều kiện Chiến sĩ thi đua cấp tỉnh',
  'cstd-toan-quoc-eligibility': 'Điều kiện Chiến sĩ thi đua toàn quốc',
  'ldtt-exclusions': 'Trường hợp không xét Lao động tiên tiến',
  'government-flag-share': 'Tỷ lệ Cờ thi đua của Chính phủ',
};

function makeCheck(
  id: QuotaCheckId,
  scope: QuotaScope,
  prefix: string,
  what: string,
  ev: Evaluated,
  source: string,
  details: string[],
): QuotaCheck {
  const message = `${prefix}: ${what} — ${ev.verdict}. Giới hạn: ${ev.limitText}.`;
  return {
    id,
    title: TITLES[id],
    scope,
    pass: ev.pass,
    applicable: ev.applicable,
    numbers: ev.numbers,
    limitText: ev.limitText.normalize('NFC'),
    rounding: ev.rounding,
    source: source.normalize('NFC'),
    message: message.normalize('NFC'),
    details: details.map((d) => d.normalize('NFC')),
  };
}

/** Reasons why a person cannot be LĐTT; empty when none or the rule is off. */
export function ldttExclusionReasons(person: Person, rule: LdttExclusionRule | null): string[] {
  if (rule === null) return [];
  const reasons: string[] = [];
  if (person.monthsInService < rule.minMonthsInService) {
    reasons.push(
      `mới tuyển dụng ${formatCount(person.monthsInService)} tháng — chưa đủ ${formatCount(rule.minMonthsInService)} tháng`,
    );
  }
  if (person.daysOff >= rule.daysOffExcludedFrom) {
    reasons.push(
      `nghỉ ${formatCount(person.daysOff)} ngày làm việc — từ ${formatCount(rule.daysOffExcludedFrom)} ngày trở lên`,
    );
  }
  if (rule.excludeDisciplined && person.disciplined) reasons.push('bị kỷ luật');
  return reasons;
}

function exclusionsText(rule: LdttExclusionRule): string {
  const parts = [
    `mới tuyển dụng dưới ${formatCount(rule.minMonthsInService)} tháng`,
    `nghỉ từ ${formatCount(rule.daysOffExcludedFrom)} ngày làm việc trở lên`,
    ...(rule.excludeDisciplined ? ['bị kỷ luật'] : []),
  ];
  return parts.join('; ');
}

function names(people: readonly Person[]): string {
  return people.map((p) => p.name).join(', ');
}

/** What the checks need to know about one person this year. */
interface PersonView {
  person: Person;
  rank: number;
  /** Holds or is proposed LĐTT (or higher) this year. */
  ldttOrHigher: boolean;
  exclusion: string[];
  /** LĐTT or higher and not excluded: counts in the LĐTT base. */
  eligibleLdtt: boolean;
  cstdcsOrHigher: boolean;
}

interface UnitView {
  code: string;
  label: string;
  collective: Collective | undefined;
  people: PersonView[];
}

function viewPerson(person: Person, year: number, rules: QuotaRuleSet): PersonView {
  const rank = individualRankInYear(person, year);
  const ldttOrHigher = rank >= INDIVIDUAL_RANK.ldtt;
  const exclusion = ldttExclusionReasons(person, rules.ldttExclusions);
  return {
    person,
    rank,
    ldttOrHigher,
    exclusion,
    eligibleLdtt: ldttOrHigher && exclusion.length === 0,
    cstdcsOrHigher: rank >= INDIVIDUAL_RANK.cstdcs,
  };
}

function buildUnits(input: QuotaInput): UnitView[] {
  const codes: string[] = [];
  const seen = new Set<string>();
  const add = (c: string): void => {
    if (!seen.has(c)) {
      seen.add(c);
      codes.push(c);
    }
  };
  if (input.unitCodes !== undefined) {
    input.unitCodes.forEach(add);
  } else {
    input.collectives.forEach((c) => add(c.unitCode));
    input.people.forEach((p) => add(p.unitCode));
  }
  if (seen.has('khoi')) {
    // 'khoi' is the scope of the bloc-wide checks; a unit with that code would be ambiguous.
    throw new RangeError("Unit code 'khoi' is reserved for bloc-wide checks");
  }
  return codes.map((code) => {
    const collective = input.collectives.find((c) => c.unitCode === code);
    const name = collective?.name.trim();
    const label = name === undefined || name === '' || name === code ? code : `${name} (${code})`;
    return {
      code,
      label,
      collective,
      people: input.people
        .filter((p) => p.unitCode === code)
        .map((p) => viewPerson(p, input.year, input.rules)),
    };
  });
}

const BLOC_PREFIX = 'Toàn khối';

function wants(scopes: readonly QuotaScopeKind[], s: QuotaScopeKind): boolean {
  return scopes.includes(s);
}

// (1) CSTĐCS share --------------------------------------------------------------------------

interface SplitChecks {
  unit: QuotaCheck[];
  bloc: QuotaCheck[];
}

function cstdcsShareChecks(units: UnitView[], rules: QuotaRuleSet): SplitChecks {
  const out: SplitChecks = { unit: [], bloc: [] };
  const rule = rules.cstdcsShare;
  if (rule === null) return out;
  const byLdtt = rule.base === 'ldtt';
  const baseNoun = byLdtt ? 'người LĐTT' : 'người (tổng số, quân số)';
  const baseOf = (u: UnitView): number =>
    byLdtt ? u.people.filter((p) => p.eligibleLdtt).length : u.people.length;
  const countOf = (u: UnitView): number => u.people.filter((p) => p.cstdcsOrHigher).length;
  const spec = (counted: number, base: number): ShareSpec => ({
    bound: 'max',
    share: rule.maxShare,
    counted,
    base,
    baseNoun,
    word: 'người',
  });

  if (wants(rule.scopes, 'unit')) {
    for (const u of units) {
      const counted = countOf(u);
      const base = baseOf(u);
      const ev = evaluateShare(spec(counted, base));
      const details: string[] = [];
      if (!ev.pass) {
        details.push(
          `Đề nghị CSTĐCS: ${names(u.people.filter((p) => p.cstdcsOrHigher).map((p) => p.person))}`,
        );
      }
      if (byLdtt) {
        for (const p of u.people) {
          if (p.ldttOrHigher && !p.eligibleLdtt) {
            details.push(`Không tính vào số LĐTT: ${p.person.name} (${p.exclusion.join('; ')})`);
          }
        }
      }
      const what = `${formatCount(counted)} người đạt/đề nghị CSTĐCS trên ${formatCount(base)} ${baseNoun}${actualPercent(counted, base)}`;
      out.unit.push(makeCheck('cstdcs-share', u.code, u.label, what, ev, rule.source, details));
    }
  }
  if (wants(rule.scopes, 'khoi')) {
    const counted = units.reduce((s, u) => s + countOf(u), 0);
    const base = units.reduce((s, u) => s + baseOf(u), 0);
    const ev = evaluateShare(spec(counted, base));
    const details = ev.pass
      ? []
      : units.map((u) => {
          const uc = countOf(u);
          const ub = baseOf(u);
          return `${u.label}: ${formatCount(uc)} CSTĐCS / ${formatCount(ub)} ${baseNoun} (tối đa ${formatCount(maxCountAtMost(toShareUnits(rule.maxShare), ub))})`;
        });
    const what = `${formatCount(counted)} người đạt/đề nghị CSTĐCS trên ${formatCount(base)} ${baseNoun}${actualPercent(counted, base)}`;
    out.bloc.push(makeCheck('cstdcs-share', 'khoi', BLOC_PREFIX, what, ev, rule.source, details));
  }
  return out;
}

// (2) Leaders vs non-leaders among CSTĐCS ----------------------------------------------------

function leaderChecks(units: UnitView[], rules: QuotaRuleSet): SplitChecks {
  const out: SplitChecks = { unit: [], bloc: [] };
  // Two rules on the same split of the CSTĐCS: leaders below a share, non-leaders above one.
  const sides = [
    rules.leaderShare && {
      id: 'cstdcs-leader-share' as const,
      leader: true,
      bound: 'below' as const,
      share: rules.leaderShare.below,
      scopes: rules.leaderShare.scopes,
      source: rules.leaderShare.source,
      who: 'lãnh đạo',
      counted: 'lãnh đạo',
    },
    rules.nonLeaderShare && {
      id: 'cstdcs-non-leader-share' as const,
      leader: false,
      bound: 'above' as const,
      share: rules.nonLeaderShare.above,
      scopes: rules.nonLeaderShare.scopes,
      source: rules.nonLeaderShare.source,
      who: 'không giữ chức vụ lãnh đạo',
      counted: 'người không giữ chức vụ lãnh đạo',
    },
  ].filter((side) => side !== null);
  const groups: {
    scope: QuotaScope;
    prefix: string;
    kind: QuotaScopeKind;
    people: PersonView[];
  }[] = [
    ...units.map((u) => ({
      scope: u.code,
      prefix: u.label,
      kind: 'unit' as const,
      people: u.people,
    })),
    { scope: 'khoi', prefix: BLOC_PREFIX, kind: 'khoi', people: units.flatMap((u) => u.people) },
  ];
  for (const g of groups) {
    const cstdcs = g.people.filter((p) => p.cstdcsOrHigher);
    const leaders = cstdcs.filter((p) => p.person.leader);
    const n = cstdcs.length;
    for (const side of sides) {
      if (!wants(side.scopes, g.kind)) continue;
      const counted = side.leader ? leaders.length : n - leaders.length;
      const ev = evaluateShare({
        bound: side.bound,
        share: side.share,
        counted,
        base: n,
        baseNoun: 'người đạt/đề nghị CSTĐCS',
        word: 'người',
        who: side.who,
      });
      // Either way the leaders are who to look at: too many of them fails both rules.
      const details = ev.pass
        ? []
        : [`Lãnh đạo đạt/đề nghị CSTĐCS: ${names(leaders.map((p) => p.person))}`];
      const what = `${formatCount(counted)} ${side.counted} trong ${formatCount(n)} người đạt/đề nghị CSTĐCS${actualPercent(counted, n)}`;
      out[g.kind === 'unit' ? 'unit' : 'bloc'].push(
        makeCheck(side.id, g.scope, g.prefix, what, ev, side.source, details),
      );
    }
  }
  return out;
}

// (3) TTLĐXS conditions ----------------------------------------------------------------------

function ttldxsChecks(units: UnitView[], rules: QuotaRuleSet): QuotaCheck[] {
  const rule = rules.ttldxs;
  if (rule === null) return [];
  const out: QuotaCheck[] = [];
  for (const u of units) {
    if (u.collective?.proposed !== 'ttldxs') continue;
    const members = u.people;
    const n = members.length;

    const notDone = members.filter((p) => !p.person.completesDuties);
    const evDuties = evaluateShare({
      bound: 'min',
      share: rule.minCompletesDutiesShare,
      counted: n - notDone.length,
      base: n,
      baseNoun: 'thành viên',
      word: 'người',
    });
    out.push(
      makeCheck(
        'ttldxs-duties',
        u.code,
        u.label,
        `${formatCount(n - notDone.length)} trên ${formatCount(n)} thành viên hoàn thành nhiệm vụ${actualPercent(n - notDone.length, n)}`,
        evDuties,
        rule.source,
        notDone.length === 0
          ? []
          : [`Không hoàn thành nhiệm vụ: ${names(notDone.map((p) => p.person))}`],
      ),
    );

    const ldtt = members.filter((p) => p.eligibleLdtt);
    const evLdtt = evaluateShare({
      bound: 'min',
      share: rule.minLdttShare,
      counted: ldtt.length,
      base: n,
      baseNoun: 'thành viên',
      word: 'người',
    });
    const ldttDetails: string[] = [];
    if (!evLdtt.pass) {
      const notLdtt = members.filter((p) => !p.ldttOrHigher);
      if (notLdtt.length > 0) {
        ldttDetails.push(`Không đạt/không đề nghị LĐTT: ${names(notLdtt.map((p) => p.person))}`);
      }
    }
    for (const p of members) {
      if (p.ldttOrHigher && !p.eligibleLdtt) {
        ldttDetails.push(`Không tính là LĐTT: ${p.person.name} (${p.exclusion.join('; ')})`);
      }
    }
    out.push(
      makeCheck(
        'ttldxs-ldtt-share',
        u.code,
        u.label,
        `${formatCount(ldtt.length)} trên ${formatCount(n)} thành viên đạt/đề nghị LĐTT${actualPercent(ldtt.length, n)}`,
        evLdtt,
        rule.source,
        ldttDetails,
      ),
    );

    const cstdcs = members.filter((p) => p.cstdcsOrHigher).length;
    out.push(
      makeCheck(
        'ttldxs-cstdcs',
        u.code,
        u.label,
        `${formatCount(cstdcs)} thành viên đạt/đề nghị CSTĐCS`,
        evaluateCount(cstdcs, n, rule.minCstdcs, false, 'người', 'đạt/đề nghị CSTĐCS'),
        rule.source,
        [],
      ),
    );
  }
  return out;
}

// (4) Plan targets ---------------------------------------------------------------------------

function targetChecks(units: UnitView[], rules: QuotaRuleSet, year: number): QuotaCheck[] {
  const t = rules.targets;
  const out: QuotaCheck[] = [];
  const nUnits = units.length;

  const unitTarget = (
    id: 'target-units-ttldtt' | 'target-units-ttldxs',
    minShare: number,
    source: string,
    minRank: number,
    label: string,
  ): void => {
    const reached = units.filter((u) => collectiveRankInYear(u.collective, year) >= minRank);
    const missing = units.filter((u) => collectiveRankInYear(u.collective, year) < minRank);
    const ev = evaluateShare({
      bound: 'min',
      share: minShare,
      counted: reached.length,
      base: nUnits,
      baseNoun: 'đơn vị',
      word: 'đơn vị',
    });
    const details =
      ev.pass || missing.length === 0
        ? []
        : [`Chưa đạt/chưa đề nghị ${label}: ${missing.map((u) => u.label).join(', ')}`];
    const what = `${formatCount(reached.length)} trên ${formatCount(nUnits)} đơn vị đạt/đề nghị từ ${label} trở lên${actualPercent(reached.length, nUnits)}`;
    out.push(makeCheck(id, 'khoi', BLOC_PREFIX, what, ev, source, details));
  };

  if (t.unitsTtldtt !== null) {
    unitTarget(
      'target-units-ttldtt',
      t.unitsTtldtt.minShare,
      t.unitsTtldtt.source,
      COLLECTIVE_RANK.ttldtt,
      'TTLĐTT',
    );
  }
  if (t.unitsTtldxs !== null) {
    unitTarget(
      'target-units-ttldxs',
      t.unitsTtldxs.minShare,
      t.unitsTtldxs.source,
      COLLECTIVE_RANK.ttldxs,
      'TTLĐXS',
    );
  }

  const everyone = units.flatMap((u) => u.people);
  if (t.provincialCstd !== null) {
    const provincial = everyone.filter((p) => p.rank >= INDIVIDUAL_RANK['cstd-tinh']);
    let ev = evaluateCount(
      provincial.length,
      everyone.length,
      t.provincialCstd.minCount,
      false,
      'người',
      'đạt/đề nghị CSTĐ cấp tỉnh trở lên',
    );
    if (everyone.length === 0) {
      ev = { ...ev, pass: true, applicable: false, verdict: 'không có người nào, không áp dụng' };
    }
    const what = `${formatCount(provincial.length)} người đạt/đề nghị CSTĐ cấp tỉnh trở lên trong khối`;
    out.push(
      makeCheck(
        'target-provincial-cstd',
        'khoi',
        BLOC_PREFIX,
        what,
        ev,
        t.provincialCstd.source,
        [],
      ),
    );
  }

  if (t.individualsLdtt !== null) {
    const ldtt = everyone.filter((p) => p.eligibleLdtt);
    const ev = evaluateShare({
      bound: 'min',
      share: t.individualsLdtt.minShare,
      counted: ldtt.length,
      base: everyone.length,
      baseNoun: 'người',
      word: 'người',
    });
    const details: string[] = [];
    if (!ev.pass) {
      const byUnit = new Map(units.flatMap((u) => u.people.map((p) => [p, u.code] as const)));
      const missing = everyone.filter((p) => !p.eligibleLdtt);
      details.push(
        `Chưa đạt/chưa đề nghị LĐTT: ${missing
          .map(
            (p) =>
              `${p.person.name} (${byUnit.get(p) ?? p.person.unitCode}${p.exclusion.length > 0 ? `; ${p.exclusion.join('; ')}` : ''})`,
          )
          .join(', ')}`,
      );
    }
    const what = `${formatCount(ldtt.length)} trên ${formatCount(everyone.length)} người đạt/đề nghị LĐTT${actualPercent(ldtt.length, everyone.length)}`;
    out.push(
      makeCheck(
        'target-individuals-ldtt',
        'khoi',
        BLOC_PREFIX,
        what,
        ev,
        t.individualsLdtt.source,
        details,
      ),
    );
  }
  return out;
}

// (5) Eligibility ----------------------------------------------------------------------------

function eligibilityChecks(units: UnitView[], rules: QuotaRuleSet, year: number): QuotaCheck[] {
  const out: QuotaCheck[] = [];
  const kinds = [
    {
      id: 'cstd-tinh-eligibility' as const,
      rule: rules.eligibility.cstdTinh,
      proposed: 'cstd-tinh' as const,
      needRank: INDIVIDUAL_RANK.cstdcs,
      needLabel: 'CSTĐCS',
      proposedLabel: 'CSTĐ cấp tỉnh',
    },
    {
      id: 'cstd-toan-quoc-eligibility' as const,
      rule: rules.eligibility.cstdToanQuoc,
      proposed: 'cstd-toan-quoc' as const,
      needRank: INDIVIDUAL_RANK['cstd-tinh'],
      needLabel: 'CSTĐ cấp tỉnh',
      proposedLabel: 'CSTĐ toàn quốc',
    },
  ];
  for (const k of kinds) {
    const rule = k.rule;
    if (rule === null) continue;
    // The run is the N years immediately before the proposal year (see ConsecutiveRule).
    const years: number[] = [];
    for (let y = year - rule.consecutiveYears; y < year; y++) years.push(y);
    const limitText =
      `Cần ${formatCount(rule.consecutiveYears)} năm liên tục đạt ${k.needLabel} trở lên, ` +
      `là các năm ${years.join(', ')} (liền trước năm đề nghị ${year}; ${ROUNDING_TEXT.none})`;
    for (const u of units) {
      const proposals = u.people.filter((p) => p.person.proposed === k.proposed);
      if (proposals.length === 0) continue;
      const details: string[] = [];
      let eligible = 0;
      for (const p of proposals) {
        const missing = years.filter((y) => individualRankInHistory(p.person, y) < k.needRank);
        if (missing.length === 0) {
          eligible++;
          continue;
        }
        const held = [...new Set(p.person.history.map((h) => h.year))]
          .filter((y) => y < year && individualRankInHistory(p.person, y) >= k.needRank)
          .sort((a, b) => a - b);
        const heldText =
          held.length === 0
            ? `chưa có năm nào đạt ${k.needLabel}`
            : `các năm đạt ${k.needLabel} trở lên: ${held.join(', ')}`;
        details.push(`${p.person.name}: thiếu năm ${missing.join(', ')} (${heldText})`);
      }
      const pass = eligible === proposals.length;
      const ev: Evaluated = {
        pass,
        applicable: true,
        numbers: { counted: eligible, base: proposals.length, required: proposals.length },
        limitText,
        rounding: 'none',
        verdict: pass
          ? 'đạt'
          : `KHÔNG ĐẠT, ${formatCount(proposals.length - eligible)} người chưa đủ ${formatCount(rule.consecutiveYears)} năm liên tục`,
      };
      const what = `${formatCount(eligible)} trên ${formatCount(proposals.length)} người đề nghị ${k.proposedLabel} đủ điều kiện`;
      out.push(makeCheck(k.id, u.code, u.label, what, ev, rule.source, details));
    }
  }
  return out;
}

// (6) LĐTT exclusions ------------------------------------------------------------------------

function exclusionChecks(units: UnitView[], rules: QuotaRuleSet): QuotaCheck[] {
  const rule = rules.ldttExclusions;
  if (rule === null) return [];
  const out: QuotaCheck[] = [];
  for (const u of units) {
    const ldtt = u.people.filter((p) => p.ldttOrHigher);
    const excluded = ldtt.filter((p) => p.exclusion.length > 0);
    let ev = evaluateCount(
      excluded.length,
      ldtt.length,
      0,
      true,
      'người',
      'thuộc trường hợp loại trừ',
    );
    ev = {
      ...ev,
      limitText: `Không xét LĐTT nếu: ${exclusionsText(rule)} → ${ev.limitText}`,
      verdict: ev.pass
        ? 'đạt'
        : `KHÔNG ĐẠT, ${formatCount(excluded.length)} người không được xét LĐTT`,
    };
    if (ldtt.length === 0) {
      ev = {
        ...ev,
        applicable: false,
        verdict: 'không có người nào đạt/đề nghị LĐTT, không áp dụng',
      };
    }
    const details = excluded.map((p) => `${p.person.name}: ${p.exclusion.join('; ')}`);
    const what = `${formatCount(excluded.length)} trong ${formatCount(ldtt.length)} người đạt/đề nghị LĐTT thuộc trường hợp không được xét LĐTT`;
    out.push(makeCheck('ldtt-exclusions', u.code, u.label, what, ev, rule.source, details));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

function assertValid(rules: QuotaRuleSet, year: number): void {
  if (!Number.isInteger(year)) throw new RangeError(`year must be an integer, got ${year}`);
  const problems = validateRuleSet(rules);
  if (problems.length > 0) throw new RangeError(`Invalid quota rules: ${problems.join('; ')}`);
}

/**
 * All quota checks for one year. Order: the per-unit checks grouped by rule (exclusions,
 * CSTĐCS share, leader shares, eligibility, TTLĐXS; units in `unitCodes` order inside each
 * rule), then the bloc-wide checks and the plan targets. Order and ids are stable for a given
 * input. Throws RangeError on an invalid rule set or a unit coded 'khoi'.
 */
export function runQuotaChecks(input: QuotaInput): QuotaCheck[] {
  const { rules, year } = input;
  assertValid(rules, year);
  const units = buildUnits(input);
  const share = cstdcsShareChecks(units, rules);
  const leaders = leaderChecks(units, rules);
  return [
    ...exclusionChecks(units, rules),
    ...share.unit,
    ...leaders.unit,
    ...eligibilityChecks(units, rules, year),
    ...ttldxsChecks(units, rules),
    ...share.bloc,
    ...leaders.bloc,
    ...targetChecks(units, rules, year),
  ];
}

/**
 * Government flag: the flags proposed must not exceed the share (default 20%) of the units that
 * lead their blocs, rounded down (20% of 4 = 0,8 → 0 flags). With the rule switched off the
 * check is not applicable.
 */
export function checkGovernmentFlagShare(input: {
  blocLeaders: number;
  proposed: number;
  rules: QuotaRuleSet;
}): QuotaCheck {
  const { blocLeaders, proposed, rules } = input;
  for (const [k, v] of [
    ['blocLeaders', blocLeaders],
    ['proposed', proposed],
  ] as const) {
    if (!Number.isInteger(v) || v < 0)
      throw new RangeError(`${k} must be an integer ≥ 0, got ${v}`);
  }
  const rule = rules.governmentFlag;
  const what = `${formatCount(proposed)} đơn vị đề nghị Cờ thi đua của Chính phủ trên ${formatCount(blocLeaders)} đơn vị dẫn đầu khối${actualPercent(proposed, blocLeaders)}`;
  if (rule === null) {
    const ev: Evaluated = {
      pass: true,
      applicable: false,
      numbers: { counted: proposed, base: blocLeaders },
      limitText: 'Khối đã tắt quy tắc này',
      rounding: 'none',
      verdict: 'không áp dụng (khối đã tắt quy tắc này)',
    };
    return makeCheck(
      'government-flag-share',
      'khoi',
      BLOC_PREFIX,
      what,
      ev,
      'Khối đã tắt quy tắc này',
      [],
    );
  }
  const ev = evaluateShare({
    bound: 'max',
    share: rule.maxShare,
    counted: proposed,
    base: blocLeaders,
    baseNoun: 'đơn vị dẫn đầu khối',
    word: 'đơn vị',
  });
  return makeCheck('government-flag-share', 'khoi', BLOC_PREFIX, what, ev, rule.source, []);
}

/** Failed applicable checks as findings (kind `quota:<id>`, severity error). */
export function quotaFindings(checks: readonly QuotaCheck[]): Finding[] {
  return checks
    .filter((c) => !c.pass)
    .map((c) => ({ kind: `quota:${c.id}`, severity: 'error' as const, message: c.message }));
}
