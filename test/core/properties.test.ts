import fc from 'fast-check';
import { toUnits } from '../../src/core/decimal';
import { compileTemplate } from '../../src/core/template/compile';
import type { Caps, Criterion, Template } from '../../src/core/template/types';
import { scoreUnit, type UnitScore } from '../../src/core/scoring/score';
import type { ItemEntry } from '../../src/core/scoring/types';
import { rankUnits, type RankEntry, type TieBreaker } from '../../src/core/ranking/rank';

/** Points with up to two decimals, as sheets write them. */
const points = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100);
const caps: fc.Arbitrary<Caps> = fc.record(
  { bonus: points(6), penalty: points(6), net: points(6) },
  { requiredKeys: [] },
);

interface Spec {
  kind: 'group' | 'base' | 'bonus' | 'penalty' | 'choice';
  parentPick: number;
  base: number;
  rate: number | undefined;
  caps: Caps;
}

const spec: fc.Arbitrary<Spec> = fc.record({
  kind: fc.constantFrom('group', 'base', 'bonus', 'penalty', 'choice'),
  parentPick: fc.nat(),
  base: points(10),
  rate: fc.option(points(3), { nil: undefined }),
  caps,
});

/** A random but valid tree: rule rows only under groups or base items; choices get two leaf alternatives. */
function buildTemplate(specs: Spec[]): Template {
  const criteria: Criterion[] = [];
  const containers: Criterion[] = [];
  specs.forEach((s, i) => {
    const code = `n${i}`;
    const ruleRow = s.kind === 'bonus' || s.kind === 'penalty';
    const candidates = containers.filter(
      (p) => p.kind === 'group' || (ruleRow && p.kind === 'base'),
    );
    const parent =
      candidates.length && s.parentPick % 3 !== 0
        ? candidates[s.parentPick % candidates.length]
        : undefined;
    const node: Criterion = {
      code,
      text: code,
      kind: s.kind,
      caps: s.caps,
      ...(parent ? { parent: parent.code } : {}),
    };
    if (s.kind === 'base') node.base = s.base;
    if (ruleRow && s.rate !== undefined) node.rate = s.rate;
    criteria.push(node);
    if (s.kind === 'group' || s.kind === 'base') containers.push(node);
    if (s.kind === 'choice') {
      criteria.push({ code: `${code}a`, parent: code, text: 'a', kind: 'base', base: s.base });
      criteria.push({
        code: `${code}b`,
        parent: code,
        text: 'b',
        kind: 'penalty',
        rate: s.rate ?? 1,
      });
    }
  });
  return { title: 'random', declaredTotal: 0, criteria };
}

const value = fc.oneof(points(12), fc.integer({ min: 0, max: 20 }));
const entry: fc.Arbitrary<ItemEntry> = fc.record(
  { self: value, verified: value },
  { requiredKeys: [] },
);

const blocCase = fc
  .array(spec, { minLength: 1, maxLength: 25 })
  .chain((specs) => {
    const template = buildTemplate(specs);
    const codes = template.criteria.map((c) => c.code);
    const choiceCodes = template.criteria.filter((c) => c.kind === 'choice').map((c) => c.code);
    const sheet = fc.record({
      values: fc.array(fc.option(entry, { nil: undefined }), {
        minLength: codes.length,
        maxLength: codes.length,
      }),
      picks: fc.array(fc.constantFrom('a', 'b', ''), {
        minLength: choiceCodes.length,
        maxLength: choiceCodes.length,
      }),
    });
    return fc.record({
      template: fc.constant(template),
      sheets: fc.array(sheet, { minLength: 1, maxLength: 6 }),
    });
  })
  .map(({ template, sheets }) => ({
    template,
    sheets: sheets.map((s, u) => {
      const entries: Record<string, ItemEntry> = {};
      template.criteria.forEach((c, i) => {
        const e = s.values[i];
        if (
          e &&
          c.kind !== 'choice' &&
          !template.criteria.some((p) => p.code === c.parent && p.kind === 'choice')
        )
          entries[c.code] = e;
      });
      template.criteria
        .filter((c) => c.kind === 'choice')
        .forEach((c, i) => {
          if (s.picks[i]) entries[c.code] = { self: `${c.code}${s.picks[i]}` };
        });
      return { unitCode: `U${u}`, entries };
    }),
  }));

/** Runs `check` on every sheet of `numRuns` generated blocs, scored. */
function everyScore(numRuns: number, check: (score: UnitScore, template: Template) => void): void {
  fc.assert(
    fc.property(blocCase, ({ template, sheets }) => {
      const t = compileTemplate(template);
      for (const sheet of sheets) check(scoreUnit(t, sheet), template);
    }),
    { numRuns },
  );
}

describe('scoring invariants', () => {
  it('never exceeds a cap and keeps total = earned base + bonus − penalty at every node', () => {
    everyScore(300, (score, template) => {
      for (const side of ['self', 'verified'] as const) {
        for (const c of template.criteria) {
          const n = score.node(c.code, side);
          expect(toUnits(n.total)).toBe(
            toUnits(n.earnedBase) + toUnits(n.bonus) - toUnits(n.penalty),
          );
          expect(n.bonus).toBeLessThanOrEqual(n.bonusRaw);
          expect(n.penalty).toBeLessThanOrEqual(n.penaltyRaw);
          expect(n.earnedBase).toBeLessThanOrEqual(n.maxBase);
          expect(n.earnedBase).toBeGreaterThanOrEqual(0);
          if (c.caps?.bonus !== undefined) expect(n.bonus).toBeLessThanOrEqual(c.caps.bonus);
          if (c.caps?.penalty !== undefined) expect(n.penalty).toBeLessThanOrEqual(c.caps.penalty);
          if (c.caps?.net !== undefined)
            expect(Math.abs(toUnits(n.bonus) - toUnits(n.penalty))).toBeLessThanOrEqual(
              toUnits(c.caps.net),
            );
        }
        const totals = score[side];
        expect(toUnits(totals.total)).toBe(
          toUnits(totals.earnedBase) + toUnits(totals.bonus) - toUnits(totals.penalty),
        );
      }
    });
  });

  it("counts an item's difference as its verified contribution minus its self contribution", () => {
    everyScore(100, (score, template) => {
      for (const c of template.criteria) {
        const self = score.node(c.code, 'self');
        const verified = score.node(c.code, 'verified');
        expect(toUnits(verified.difference)).toBe(
          toUnits(verified.contribution) - toUnits(self.contribution),
        );
        expect([self.differs, self.difference]).toEqual([verified.differs, verified.difference]);
      }
    });
  });

  it('does not depend on the order of entries', () => {
    fc.assert(
      fc.property(blocCase, fc.nat(), ({ template, sheets }, seed) => {
        const t = compileTemplate(template);
        const sheet = sheets[0]!;
        const pairs = Object.entries(sheet.entries);
        const rotated = Object.fromEntries([
          ...pairs.slice(seed % (pairs.length || 1)),
          ...pairs.slice(0, seed % (pairs.length || 1)),
        ]);
        const a = scoreUnit(t, sheet);
        const b = scoreUnit(t, { ...sheet, entries: rotated });
        expect(b.verified).toEqual(a.verified);
        expect(b.self).toEqual(a.self);
      }),
    );
  });
});

const rankEntry: fc.Arbitrary<Omit<RankEntry, 'unitCode' | 'name'>> = fc.record({
  total: fc.integer({ min: 0, max: 40 }).map((n) => 80 + n / 2),
  penalty: fc.integer({ min: 0, max: 4 }),
  knockedOut: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
  submittedAt: fc.constantFrom('2025-12-01', '2025-12-02', '2025-12-03'),
  vote: fc.constantFrom(0.7, 0.8, 0.9),
});
const units = fc
  .array(rankEntry, { minLength: 0, maxLength: 40 })
  .map((xs) => xs.map((x, i) => ({ ...x, unitCode: `U${i}`, name: `Đơn vị ${i}` })));
const breakers = fc.subarray<TieBreaker>([
  { kind: 'fewer-penalty' },
  { kind: 'earlier-submission' },
  { kind: 'vote' },
]);
const mode = fc.constantFrom('competition' as const, 'dense' as const);

describe('ranking invariants', () => {
  it('is a permutation of the input with ranked units first, in order of total', () => {
    fc.assert(
      fc.property(units, breakers, mode, (xs, tieBreakers, m) => {
        const r = rankUnits(xs, { mode: m, tieBreakers });
        expect(r.units.map((u) => u.unitCode).sort()).toEqual(xs.map((u) => u.unitCode).sort());
        expect(r.units.map((u) => u.position)).toEqual(xs.map((_, i) => i + 1));
        const ranked = r.units.filter((u) => u.rank !== null);
        expect(ranked.length).toBe(xs.filter((u) => !u.knockedOut).length);
        expect(r.units.slice(ranked.length).every((u) => u.knockedOut && u.rank === null)).toBe(
          true,
        );
        for (let i = 1; i < ranked.length; i++) {
          expect(ranked[i]!.total).toBeLessThanOrEqual(ranked[i - 1]!.total);
          expect(ranked[i]!.rank!).toBeGreaterThanOrEqual(ranked[i - 1]!.rank!);
        }
        if (m === 'competition')
          ranked.forEach((u) =>
            expect(u.rank).toBe(1 + ranked.filter((v) => v.rank! < u.rank!).length),
          );
      }),
    );
  });

  it('gives equal totals equal ranks when there is no tie-breaker', () => {
    fc.assert(
      fc.property(units, mode, (xs, m) => {
        const ranked = rankUnits(xs, { mode: m, tieBreakers: [] }).units.filter(
          (u) => u.rank !== null,
        );
        for (const a of ranked)
          for (const b of ranked) expect(a.total === b.total).toBe(a.rank === b.rank);
      }),
    );
  });

  it('gives the same result whatever the input order', () => {
    fc.assert(
      fc.property(units, breakers, mode, fc.nat(), (xs, tieBreakers, m, seed) => {
        const shuffled = [...xs];
        let s = seed;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) % 2 ** 31;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(rankUnits(shuffled, { mode: m, tieBreakers })).toEqual(
          rankUnits(xs, { mode: m, tieBreakers }),
        );
      }),
    );
  });
});
