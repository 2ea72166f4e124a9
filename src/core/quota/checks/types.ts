import type { Collective, Person } from '../people';
import type { QuotaRuleSet } from '../rules';

// The checks, their numbers and their input.

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
