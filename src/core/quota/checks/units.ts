import { formatCount } from '../format';
import type { Collective, Person } from '../people';
import type { LdttExclusionRule, QuotaRuleSet } from '../rules';
import { INDIVIDUAL_RANK, individualRankInYear } from '../titles';
import type { QuotaInput } from './types';

// The units and people as the checks see them: each person's title this year, worked out once.

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

/** What the checks need to know about one person this year. */
export interface PersonView {
  person: Person;
  rank: number;
  /** Holds or is proposed LĐTT (or higher) this year. */
  ldttOrHigher: boolean;
  exclusion: string[];
  /** LĐTT or higher and not excluded: counts in the LĐTT base. */
  eligibleLdtt: boolean;
  cstdcsOrHigher: boolean;
}

export interface UnitView {
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

export function buildUnits(input: QuotaInput): UnitView[] {
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
