import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { compileTemplate } from '../../src/core/template/compile';
import {
  readCriteriaCsv,
  readPeopleCsv,
  readScoresCsv,
  readUnitsCsv,
} from '../../src/workbook/csv';
import { describeProblem, type InputProblem } from '../../src/workbook/problems';

/**
 * Every bad input of test/fixtures/bad/ yields at least one problem that names its line and
 * contains the expected Vietnamese fragments (cases.json, also used by the CLI tests), and no data.
 */
interface BadCase {
  file: string;
  reader: 'criteria' | 'units' | 'scores' | 'people';
  expect: string[];
}

const BAD = join(__dirname, '..', 'fixtures', 'bad');
const GOOD = join(__dirname, '..', 'fixtures', 'csv');
// The CLI reads files as UTF-8 with replacement characters, as Buffer#toString does.
const text = (dir: string, name: string) => readFileSync(join(dir, name)).toString('utf8');
const cases = JSON.parse(text(BAD, 'cases.json')) as BadCase[];

const units = readUnitsCsv(text(GOOD, 'units.csv'), 'units.csv').units!;
const compiled = compileTemplate(
  readCriteriaCsv(text(GOOD, 'criteria.csv'), 'criteria.csv').template!,
);

function run(c: BadCase): { problems: InputProblem[]; data: unknown } {
  const t = text(BAD, c.file);
  switch (c.reader) {
    case 'criteria': {
      const r = readCriteriaCsv(t, c.file);
      return { problems: r.problems, data: r.template };
    }
    case 'units': {
      const r = readUnitsCsv(t, c.file);
      return { problems: r.problems, data: r.units };
    }
    case 'scores': {
      const r = readScoresCsv(t, c.file, { units, compiled });
      return { problems: r.problems, data: r.rows };
    }
    case 'people': {
      const r = readPeopleCsv(t, c.file, { units });
      return { problems: r.problems, data: r.people };
    }
  }
}

describe('bad CSV inputs (test/fixtures/bad/cases.json)', () => {
  it('lists every file of the folder, at least 20 cases, each with fragments', () => {
    const files = readdirSync(BAD).filter((f) => f.endsWith('.csv'));
    expect(cases.map((c) => c.file).sort()).toEqual(files.sort());
    expect(cases.length).toBeGreaterThanOrEqual(20);
    for (const c of cases) {
      expect(['criteria', 'units', 'scores', 'people']).toContain(c.reader);
      expect(c.expect.length).toBeGreaterThan(0);
    }
  });

  it.each(cases.map((c) => [c.file, c] as const))('%s', (_, c) => {
    const { problems, data } = run(c);
    expect(data).toBeUndefined();
    expect(problems.length).toBeGreaterThan(0);
    const shown = problems.map(describeProblem);
    const match = problems.find((p) => c.expect.every((f) => describeProblem(p).includes(f)));
    if (!match)
      throw new Error(`no problem contains ${JSON.stringify(c.expect)}:\n${shown.join('\n')}`);
    expect(match.source).toBe(c.file);
    expect(match.location).toMatch(/^dòng \d+$/);
    // Messages are NFC, as everything shown to people.
    for (const p of problems) expect(p.message).toBe(p.message.normalize('NFC'));
  });
});
