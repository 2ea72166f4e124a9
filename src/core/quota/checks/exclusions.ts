import { formatCount } from '../format';
import type { LdttExclusionRule, QuotaRuleSet } from '../rules';
import { makeCheck } from './check';
import { evaluateCount } from './evaluate';
import type { QuotaCheck } from './types';
import type { UnitView } from './units';

function exclusionsText(rule: LdttExclusionRule): string {
  const parts = [
    `mới tuyển dụng dưới ${formatCount(rule.minMonthsInService)} tháng`,
    `nghỉ từ ${formatCount(rule.daysOffExcludedFrom)} ngày làm việc trở lên`,
    ...(rule.excludeDisciplined ? ['bị kỷ luật'] : []),
  ];
  return parts.join('; ');
}

// (6) LĐTT exclusions ------------------------------------------------------------------------

export function exclusionChecks(units: UnitView[], rules: QuotaRuleSet): QuotaCheck[] {
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
