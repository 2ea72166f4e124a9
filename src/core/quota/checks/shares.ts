import { formatCount } from '../format';
import type { QuotaRuleSet, QuotaScopeKind } from '../rules';
import { maxCountAtMost, toShareUnits } from '../share';
import { BLOC_PREFIX, type SplitChecks, makeCheck, names, wants } from './check';
import { type ShareSpec, actualPercent, evaluateShare } from './evaluate';
import type { QuotaScope } from './types';
import type { PersonView, UnitView } from './units';

// (1) CSTĐCS share --------------------------------------------------------------------------

export function cstdcsShareChecks(units: UnitView[], rules: QuotaRuleSet): SplitChecks {
  const out: SplitChecks = { unit: [], bloc: [] };
  const rule = rules.cstdcsShare;
  if (rule === null) return out;
  const byLdtt = rule.base === 'ldtt';
  const baseNoun = byLdtt ? 'người LĐTT' : 'người (tổng số, quân số)';
  const baseOf = (u: UnitView): number =>
    byLdtt ? u.people.filter((p) => p.eligibleLdtt).length : u.people.length;
  const countOf = (u: UnitView): number => u.people.filter((p) => p.cstdcsOrHigher).length;
  const spec = (counted: number, base: number): ShareSpec => ({
    bound: 'max',
    share: rule.maxShare,
    counted,
    base,
    baseNoun,
    word: 'người',
  });
  const what = (counted: number, base: number): string =>
    `${formatCount(counted)} người đạt/đề nghị CSTĐCS trên ${formatCount(base)} ${baseNoun}${actualPercent(counted, base)}`;

  if (wants(rule.scopes, 'unit')) {
    for (const u of units) {
      const counted = countOf(u);
      const base = baseOf(u);
      const ev = evaluateShare(spec(counted, base));
      const details: string[] = [];
      if (!ev.pass) {
        details.push(
          `Đề nghị CSTĐCS: ${names(u.people.filter((p) => p.cstdcsOrHigher).map((p) => p.person))}`,
        );
      }
      if (byLdtt) {
        for (const p of u.people) {
          if (p.ldttOrHigher && !p.eligibleLdtt) {
            details.push(`Không tính vào số LĐTT: ${p.person.name} (${p.exclusion.join('; ')})`);
          }
        }
      }
      out.unit.push(
        makeCheck('cstdcs-share', u.code, u.label, what(counted, base), ev, rule.source, details),
      );
    }
  }
  if (wants(rule.scopes, 'khoi')) {
    const counted = units.reduce((s, u) => s + countOf(u), 0);
    const base = units.reduce((s, u) => s + baseOf(u), 0);
    const ev = evaluateShare(spec(counted, base));
    const details = ev.pass
      ? []
      : units.map((u) => {
          const uc = countOf(u);
          const ub = baseOf(u);
          return `${u.label}: ${formatCount(uc)} CSTĐCS / ${formatCount(ub)} ${baseNoun} (tối đa ${formatCount(maxCountAtMost(toShareUnits(rule.maxShare), ub))})`;
        });
    out.bloc.push(
      makeCheck('cstdcs-share', 'khoi', BLOC_PREFIX, what(counted, base), ev, rule.source, details),
    );
  }
  return out;
}

// (2) Leaders vs non-leaders among CSTĐCS ----------------------------------------------------

export function leaderChecks(units: UnitView[], rules: QuotaRuleSet): SplitChecks {
  const out: SplitChecks = { unit: [], bloc: [] };
  // Two rules on the same split of the CSTĐCS: leaders below a share, non-leaders above one.
  const sides = [
    rules.leaderShare && {
      id: 'cstdcs-leader-share' as const,
      leader: true,
      bound: 'below' as const,
      share: rules.leaderShare.below,
      scopes: rules.leaderShare.scopes,
      source: rules.leaderShare.source,
      who: 'lãnh đạo',
      counted: 'lãnh đạo',
    },
    rules.nonLeaderShare && {
      id: 'cstdcs-non-leader-share' as const,
      leader: false,
      bound: 'above' as const,
      share: rules.nonLeaderShare.above,
      scopes: rules.nonLeaderShare.scopes,
      source: rules.nonLeaderShare.source,
      who: 'không giữ chức vụ lãnh đạo',
      counted: 'người không giữ chức vụ lãnh đạo',
    },
  ].filter((side) => side !== null);
  const groups: {
    scope: QuotaScope;
    prefix: string;
    kind: QuotaScopeKind;
    people: PersonView[];
  }[] = [
    ...units.map((u) => ({
      scope: u.code,
      prefix: u.label,
      kind: 'unit' as const,
      people: u.people,
    })),
    { scope: 'khoi', prefix: BLOC_PREFIX, kind: 'khoi', people: units.flatMap((u) => u.people) },
  ];
  for (const g of groups) {
    const cstdcs = g.people.filter((p) => p.cstdcsOrHigher);
    const leaders = cstdcs.filter((p) => p.person.leader);
    const n = cstdcs.length;
    for (const side of sides) {
      if (!wants(side.scopes, g.kind)) continue;
      const counted = side.leader ? leaders.length : n - leaders.length;
      const ev = evaluateShare({
        bound: side.bound,
        share: side.share,
        counted,
        base: n,
        baseNoun: 'người đạt/đề nghị CSTĐCS',
        word: 'người',
        who: side.who,
      });
      // Either way the leaders are who to look at: too many of them fails both rules.
      const details = ev.pass
        ? []
        : [`Lãnh đạo đạt/đề nghị CSTĐCS: ${names(leaders.map((p) => p.person))}`];
      const what = `${formatCount(counted)} ${side.counted} trong ${formatCount(n)} người đạt/đề nghị CSTĐCS${actualPercent(counted, n)}`;
      out[g.kind === 'unit' ? 'unit' : 'bloc'].push(
        makeCheck(side.id, g.scope, g.prefix, what, ev, side.source, details),
      );
    }
  }
  return out;
}
