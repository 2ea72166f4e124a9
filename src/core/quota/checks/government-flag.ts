import { formatCount } from '../format';
import type { QuotaRuleSet } from '../rules';
import { BLOC_PREFIX, makeCheck } from './check';
import { type Evaluated, actualPercent, evaluateShare } from './evaluate';
import type { QuotaCheck } from './types';

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
