import { compileTemplate } from '../src/core/template/compile';
import type { Criterion, Template } from '../src/core/template/types';
import { scoreUnit } from '../src/core/scoring/score';
import type { ItemEntry, UnitSheet } from '../src/core/scoring/types';
import { rankUnits } from '../src/core/ranking/rank';
import { compare, ratio, retainedBytes, row } from './harness';

/** A synthetic sheet of `size` criteria: groups of base items, each with a penalty and a capped bonus row. */
export function syntheticTemplate(size: number): Template {
  const criteria: Criterion[] = [];
  let g = 0;
  while (criteria.length < size) {
    const group = `G${g++}`;
    criteria.push({ code: group, kind: 'group', text: group, caps: { penalty: 5 } });
    for (let i = 0; i < 10 && criteria.length < size; i++) {
      const item = `${group}.${i}`;
      criteria.push({ code: item, parent: group, kind: 'base', text: item, base: 1 });
      criteria.push({ code: `${item}.t`, parent: item, kind: 'penalty', text: 'trừ', rate: 0.25 });
      criteria.push({
        code: `${item}.c`,
        parent: item,
        kind: 'bonus',
        text: 'cộng',
        rate: 0.1,
        caps: { bonus: 0.5 },
      });
    }
  }
  criteria.length = size;
  return { title: 'bench', declaredTotal: 0, criteria };
}

export function syntheticSheets(t: Template, units: number): UnitSheet[] {
  const sheets: UnitSheet[] = [];
  for (let u = 0; u < units; u++) {
    const entries: Record<string, ItemEntry> = {};
    t.criteria.forEach((c, i) => {
      if (c.kind === 'group') return;
      const v = c.kind === 'base' ? ((u + i) % 5) / 5 : (u * 7 + i) % 4;
      // As in real verification: the bloc fills the verified column for every item; 1 in 20 differs.
      const verified = (u + i) % 20 === 0 ? Math.max(0, v - (c.kind === 'base' ? 0.2 : 1)) : v;
      entries[c.code] = { self: v, verified };
    });
    sheets.push({ unitCode: `U${u}`, entries });
  }
  return sheets;
}

/** The same numbers summed by a plain loop: the floor any scoring of these sheets stands on. */
function baseline(sheets: UnitSheet[]): number {
  let sum = 0;
  for (const s of sheets)
    for (const code in s.entries) {
      const e = s.entries[code]!;
      sum += (e.self as number) + ((e.verified as number | undefined) ?? 0);
    }
  return sum;
}

function scoreAndRank(t: ReturnType<typeof compileTemplate>, sheets: UnitSheet[]) {
  const scores = sheets.map((s) => scoreUnit(t, s));
  return rankUnits(
    scores.map((s) => ({
      unitCode: s.unitCode,
      name: s.unitCode,
      total: s.verified.total,
      penalty: s.verified.penalty,
      knockedOut: s.knockedOut,
    })),
  );
}

export function benchCore(): void {
  const criteria = 300;
  const template = syntheticTemplate(criteria);
  const compiled = compileTemplate(template);
  console.log(
    `\nCore: score and rank ${criteria} criteria per unit (self + verified on every item, 1 in 20 differing), baseline = plain loop summing the same entries`,
  );
  const widths = [8, 16, 16, 12];
  console.log(row(['units', 'engine µs/unit', 'baseline µs/unit', 'ratio'], widths));
  const warm = syntheticSheets(template, 500);
  compare(
    () => scoreAndRank(compiled, warm),
    () => baseline(warm),
  ); // discarded: the first size measured should not pay for the JIT
  const perUnit: number[] = [];
  const basePerUnit: number[] = [];
  for (const units of [1000, 2000]) {
    const sheets = syntheticSheets(template, units);
    const m = compare(
      () => scoreAndRank(compiled, sheets),
      () => baseline(sheets),
    );
    const engine = m.engine / units;
    const base = m.baseline / units;
    perUnit.push(engine);
    basePerUnit.push(base);
    console.log(
      row(
        [units, (engine * 1000).toFixed(1), (base * 1000).toFixed(1), ratio(engine, base)],
        widths,
      ),
    );
  }
  console.log(
    `Linearity: time per unit at 2000 units / at 1000 units = ${ratio(perUnit[1]!, perUnit[0]!)} for the engine, ${ratio(basePerUnit[1]!, basePerUnit[0]!)} for the baseline (1,00× is linear). Target: engine ≤ 5× baseline.`,
  );
  const sheets = syntheticSheets(template, 2000);
  const sheetBytes = retainedBytes(() => syntheticSheets(template, 2000)).bytes;
  const scored = retainedBytes(() => sheets.map((s) => scoreUnit(compiled, s)));
  console.log(
    `Memory: results keep ${(scored.bytes / 2000 / 1024).toFixed(1)} KiB per unit, against ${(sheetBytes / 2000 / 1024).toFixed(1)} KiB for the unit's sheet itself (${ratio(scored.bytes, sheetBytes)}); ${scored.kept.length} units`,
  );
}
