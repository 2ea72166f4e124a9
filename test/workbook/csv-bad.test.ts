import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { compileTemplate } from '../../src/core/template/compile';
import {
  readCriteriaFile,
  readPeopleFile,
  readScoresFile,
  readUnitsFile,
} from '../../src/app/inputs';
import type { Unit } from '../../src/core/bloc';
import type { CompiledTemplate } from '../../src/core/template/compile';
import { describeProblem, InputError, type InputProblem } from '../../src/workbook/problems';

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
const file = (dir: string, name: string) => ({ name, bytes: readFileSync(join(dir, name)) });
const cases = JSON.parse(readFileSync(join(BAD, 'cases.json'), 'utf8')) as BadCase[];

let units: Unit[];
let compiled: CompiledTemplate;
beforeAll(async () => {
  units = (await readUnitsFile(file(GOOD, 'units.csv'))).units!;
  compiled = compileTemplate((await readCriteriaFile(file(GOOD, 'criteria.csv'))).template!);
});

/**
 * Each file read as every door reads it: its bytes through the app's readers. A file that does not
 * open at all (a broken spreadsheet) is refused by an InputError instead of a result.
 */
async function run(c: BadCase): Promise<{ problems: readonly InputProblem[]; data: unknown }> {
  try {
    return await read(c);
  } catch (e) {
    if (e instanceof InputError) return { problems: e.problems, data: undefined };
    throw e;
  }
}

async function read(c: BadCase): Promise<{ problems: readonly InputProblem[]; data: unknown }> {
  const f = file(BAD, c.file);
  switch (c.reader) {
    case 'criteria': {
      const r = await readCriteriaFile(f);
      return { problems: r.problems, data: r.template };
    }
    case 'units': {
      const r = await readUnitsFile(f);
      return { problems: r.problems, data: r.units };
    }
    case 'scores': {
      const r = await readScoresFile(f, { units, compiled });
      return { problems: r.problems, data: r.rows };
    }
    case 'people': {
      const r = await readPeopleFile(f, { units });
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

  it.each(cases.map((c) => [c.file, c] as const))('%s', async (_, c) => {
    const { problems, data } = await run(c);
    expect(data).toBeUndefined();
    expect(problems.length).toBeGreaterThan(0);
    const shown = problems.map(describeProblem);
    const match = problems.find((p) => c.expect.every((f) => describeProblem(p).includes(f)));
    if (!match)
      throw new Error(`no problem contains ${JSON.stringify(c.expect)}:\n${shown.join('\n')}`);
    expect(match.source).toBe(c.file);
    // A line, or the whole file when it does not open at all.
    expect(match.location).toMatch(/^(dòng \d+|tệp)$/);
    // Messages are NFC, as everything shown to people.
    for (const p of problems) expect(p.message).toBe(p.message.normalize('NFC'));
  });
});
