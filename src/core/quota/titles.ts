/**
 * Order of the titles and "what does this person/unit have this year".
 *
 * The lists keep one `proposed` title per person (the highest one proposed) and one history
 * entry per recognised title. The checks therefore reason with ranks: a person proposed for a
 * higher title (CSTĐ cấp tỉnh) is counted as "at least CSTĐCS" and "at least LĐTT" for the
 * year, because in practice the higher title is proposed on top of the lower ones of the same
 * year (the 15% CSTĐCS quota would otherwise be dodged by proposing the higher title only).
 */
import type { Collective, CollectiveTitle, IndividualTitle, Person } from './people';

export const INDIVIDUAL_RANK: Readonly<Record<IndividualTitle, number>> = {
  ldtt: 1,
  cstdcs: 2,
  'cstd-tinh': 3,
  'cstd-toan-quoc': 4,
};

export const COLLECTIVE_RANK: Readonly<Record<CollectiveTitle, number>> = {
  ttldtt: 1,
  ttldxs: 2,
  'co-tinh': 3,
  'co-chinh-phu': 4,
};

/** Highest individual rank held in `year` (history) or proposed this year; 0 when none. */
export function individualRankInYear(person: Person, year: number): number {
  let rank = person.proposed === undefined ? 0 : INDIVIDUAL_RANK[person.proposed];
  for (const h of person.history) {
    if (h.year === year) rank = Math.max(rank, INDIVIDUAL_RANK[h.title]);
  }
  return rank;
}

/** Highest rank recorded in the history for `year` only (past years); 0 when none. */
export function individualRankInHistory(person: Person, year: number): number {
  let rank = 0;
  for (const h of person.history) {
    if (h.year === year) rank = Math.max(rank, INDIVIDUAL_RANK[h.title]);
  }
  return rank;
}

/** Highest collective rank held in `year` (history) or proposed this year; 0 when none. */
export function collectiveRankInYear(collective: Collective | undefined, year: number): number {
  if (collective === undefined) return 0;
  let rank = collective.proposed === undefined ? 0 : COLLECTIVE_RANK[collective.proposed];
  for (const h of collective.history) {
    if (h.year === year) rank = Math.max(rank, COLLECTIVE_RANK[h.title]);
  }
  return rank;
}
