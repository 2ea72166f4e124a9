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
 *   the history for `year`, and a higher title counts as the lower ones (see ../titles.ts).
 * - The LĐTT base leaves out people who cannot be LĐTT (exclusions, rule 6) when that rule is
 *   on: counting them would inflate the CSTĐCS quota with proposals that are invalid anyway.
 *   They are named in `details`. CSTĐCS proposals are counted as proposed (conservative).
 * - TTLĐXS conditions apply to collectives proposed for TTLĐXS itself; flags have their own
 *   criteria (bloc ranking) and are not checked here. Plan targets count a flag proposal as at
 *   least TTLĐXS.
 */
export * from './types';
export { ldttExclusionReasons } from './units';
export { runQuotaChecks, quotaFindings, type QuotaFindingKind } from './run';
export { checkGovernmentFlagShare } from './government-flag';
