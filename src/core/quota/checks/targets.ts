import { formatCount } from '../format';
import type { MinCountTarget, MinShareTarget, QuotaRuleSet } from '../rules';
import { COLLECTIVE_RANK, INDIVIDUAL_RANK, collectiveRankInYear } from '../titles';
import { BLOC_PREFIX, makeCheck } from './check';
import { actualPercent, evaluateCount, evaluateShare } from './evaluate';
import type { QuotaCheck } from './types';
import type { UnitView } from './units';

// (4) Plan targets: counted over the bloc, one check per target switched on.

/** The plan targets, in the order of `PlanTargets`. */
export function targetChecks(units: UnitView[], rules: QuotaRuleSet, year: number): QuotaCheck[] {
  const t = rules.targets;
  const out: QuotaCheck[] = [];
  for (const [id, target, minRank, label] of [
    ['target-units-ttldtt', t.unitsTtldtt, COLLECTIVE_RANK.ttldtt, 'TTLĐTT'],
    ['target-units-ttldxs', t.unitsTtldxs, COLLECTIVE_RANK.ttldxs, 'TTLĐXS'],
  ] as const)
    if (target !== null) out.push(unitTargetCheck(units, year, id, target, minRank, label));
  if (t.provincialCstd !== null) out.push(provincialCstdCheck(units, t.provincialCstd));
  if (t.individualsLdtt !== null) out.push(individualsLdttCheck(units, t.individualsLdtt));
  return out;
}

/** A share of the units at a collective title or higher this year (TTLĐTT, TTLĐXS). */
function unitTargetCheck(
  units: readonly UnitView[],
  year: number,
  id: 'target-units-ttldtt' | 'target-units-ttldxs',
  target: MinShareTarget,
  minRank: number,
  label: string,
): QuotaCheck {
  const nUnits = units.length;
  const reached = units.filter((u) => collectiveRankInYear(u.collective, year) >= minRank);
  const missing = units.filter((u) => collectiveRankInYear(u.collective, year) < minRank);
  const ev = evaluateShare({
    bound: 'min',
    share: target.minShare,
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
  return makeCheck(id, 'khoi', BLOC_PREFIX, what, ev, target.source, details);
}

/** A count of people at CSTĐ cấp tỉnh or higher; a bloc without people has nothing to count. */
function provincialCstdCheck(units: readonly UnitView[], target: MinCountTarget): QuotaCheck {
  const everyone = units.flatMap((u) => u.people);
  const provincial = everyone.filter((p) => p.rank >= INDIVIDUAL_RANK['cstd-tinh']);
  let ev = evaluateCount(
    provincial.length,
    everyone.length,
    target.minCount,
    false,
    'người',
    'đạt/đề nghị CSTĐ cấp tỉnh trở lên',
  );
  if (everyone.length === 0) {
    ev = { ...ev, pass: true, applicable: false, verdict: 'không có người nào, không áp dụng' };
  }
  const what = `${formatCount(provincial.length)} người đạt/đề nghị CSTĐ cấp tỉnh trở lên trong khối`;
  return makeCheck('target-provincial-cstd', 'khoi', BLOC_PREFIX, what, ev, target.source, []);
}

/** A share of the people counting as LĐTT; on failure, who does not, with their unit and why. */
function individualsLdttCheck(units: readonly UnitView[], target: MinShareTarget): QuotaCheck {
  const everyone = units.flatMap((u) => u.people);
  const ldtt = everyone.filter((p) => p.eligibleLdtt);
  const ev = evaluateShare({
    bound: 'min',
    share: target.minShare,
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
  return makeCheck(
    'target-individuals-ldtt',
    'khoi',
    BLOC_PREFIX,
    what,
    ev,
    target.source,
    details,
  );
}
