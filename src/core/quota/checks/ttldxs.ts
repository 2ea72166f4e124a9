import { formatCount } from '../format';
import type { QuotaRuleSet } from '../rules';
import { makeCheck, names } from './check';
import { actualPercent, evaluateCount, evaluateShare } from './evaluate';
import type { QuotaCheck } from './types';
import type { UnitView } from './units';

// (3) TTLĐXS conditions ----------------------------------------------------------------------

export function ttldxsChecks(units: UnitView[], rules: QuotaRuleSet): QuotaCheck[] {
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
