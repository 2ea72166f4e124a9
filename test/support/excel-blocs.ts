/**
 * Blocs for the Office.js adapter tests, and a comparison of what two adapters hold.
 */
import type { Bloc, Submission } from '../../src/core/bloc';
import type { Collective, Person } from '../../src/core/quota';
import type { UnitSheet } from '../../src/core/scoring/types';
import type { ReadValue, SheetData } from '../../src/workbook/grid';
import { address } from '../../src/workbook/grid';
import {
  SAMPLE_BLOC,
  SAMPLE_COLLECTIVES,
  SAMPLE_PEOPLE,
  SAMPLE_SHEETS,
  SAMPLE_SUBMISSIONS,
} from '../../src/sample';

export interface BlocCase {
  bloc: Bloc;
  data: {
    sheets: UnitSheet[];
    submissions: Submission[];
    people: Person[];
    collectives: Collective[];
  };
}

/**
 * The sample bloc cut to its first `n` units, or, beyond the sample's 9, a bloc of units DV1…DVn
 * on the sample template whose sheets, submissions, people and collectives repeat the sample's.
 */
export function blocOfSize(n: number): BlocCase {
  const sample = SAMPLE_BLOC.units;
  if (n <= sample.length) {
    const units = sample.slice(0, n);
    const codes = new Set(units.map((u) => u.code));
    return {
      bloc: { ...SAMPLE_BLOC, units },
      data: {
        sheets: SAMPLE_SHEETS.filter((s) => codes.has(s.unitCode)),
        submissions: SAMPLE_SUBMISSIONS.filter((s) => codes.has(s.unitCode)),
        people: SAMPLE_PEOPLE.filter((p) => codes.has(p.unitCode)),
        collectives: SAMPLE_COLLECTIVES.filter((c) => codes.has(c.unitCode)),
      },
    };
  }
  const code = (i: number) => `DV${i + 1}`;
  const like = (i: number) => sample[i % sample.length]!;
  const units = Array.from({ length: n }, (_, i) => ({
    code: code(i),
    name: `${like(i).name} (đơn vị ${i + 1})`,
    role:
      i === 0
        ? ('truong-khoi' as const)
        : i === 1
          ? ('pho-truong-khoi' as const)
          : ('thanh-vien' as const),
  }));
  const codeOf = new Map<string, string>(sample.map((u, i) => [u.code, code(i)]));
  return {
    bloc: { ...SAMPLE_BLOC, units },
    data: {
      sheets: units.map((u, i) => ({
        ...SAMPLE_SHEETS.find((s) => s.unitCode === like(i).code)!,
        unitCode: u.code,
      })),
      submissions: units.map((u, i) => ({
        ...SAMPLE_SUBMISSIONS.find((s) => s.unitCode === like(i).code)!,
        unitCode: u.code,
      })),
      // The sample's people, in the first nine units.
      people: SAMPLE_PEOPLE.map((p) => ({ ...p, unitCode: codeOf.get(p.unitCode)! })),
      collectives: SAMPLE_COLLECTIVES.map((c) => ({ ...c, unitCode: codeOf.get(c.unitCode)! })),
    },
  };
}

const blank = (v: ReadValue | undefined) => v === null || v === undefined || v === '';

/**
 * Differences between two reads of a sheet: every formula must be the same, and every value of a
 * cell without a formula (formula results are not compared: the stand-in does not calculate).
 */
export function sheetDifferences(a: SheetData, b: SheetData, limit = 10): string[] {
  const out: string[] = [];
  const rows = Math.max(a.values.length, b.values.length);
  for (let r = 0; r < rows && out.length < limit; r++) {
    const cols = Math.max(a.values[r]?.length ?? 0, b.values[r]?.length ?? 0);
    for (let c = 0; c < cols && out.length < limit; c++) {
      const fa = a.formulas[r]?.[c];
      const fb = b.formulas[r]?.[c];
      const at = `${a.name}!${address(r + 1, c + 1)}`;
      if ((fa ?? '') !== (fb ?? '')) {
        out.push(`${at}: formula ${JSON.stringify(fa)} ≠ ${JSON.stringify(fb)}`);
        continue;
      }
      if (fa !== undefined) continue;
      const va = a.values[r]?.[c];
      const vb = b.values[r]?.[c];
      if (blank(va) && blank(vb)) continue;
      if (JSON.stringify(va) !== JSON.stringify(vb))
        out.push(`${at}: ${JSON.stringify(va)} ≠ ${JSON.stringify(vb)}`);
    }
  }
  return out;
}
