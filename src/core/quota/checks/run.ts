import type { Finding } from '../../finding';
import { type QuotaRuleSet, validateRuleSet } from '../rules';
import { eligibilityChecks } from './eligibility';
import { exclusionChecks } from './exclusions';
import { cstdcsShareChecks, leaderChecks } from './shares';
import { targetChecks } from './targets';
import { ttldxsChecks } from './ttldxs';
import type { QuotaCheck, QuotaCheckId, QuotaInput } from './types';
import { buildUnits } from './units';

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

/** The kind of a failed quota check as a finding. */
export type QuotaFindingKind = `quota:${QuotaCheckId}`;

/** Failed applicable checks as findings (kind `quota:<id>`, severity error). */
export function quotaFindings(checks: readonly QuotaCheck[]): Finding<QuotaFindingKind>[] {
  return checks
    .filter((c) => !c.pass)
    .map((c) => ({ kind: `quota:${c.id}`, severity: 'error' as const, message: c.message }));
}
