import { formatCount } from '../format';
import type { QuotaRuleSet } from '../rules';
import { INDIVIDUAL_RANK, individualRankInHistory } from '../titles';
import { makeCheck } from './check';
import type { Evaluated } from './evaluate';
import { type QuotaCheck, ROUNDING_TEXT } from './types';
import type { UnitView } from './units';

// (5) Eligibility ----------------------------------------------------------------------------

export function eligibilityChecks(
  units: UnitView[],
  rules: QuotaRuleSet,
  year: number,
): QuotaCheck[] {
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
