import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { evaluateBloc } from '../../src/core/bloc';
import { compileTemplate } from '../../src/core/template/compile';
import {
  SAMPLE_BLOC,
  SAMPLE_COLLECTIVES,
  SAMPLE_PEOPLE,
  SAMPLE_SHEETS,
  SAMPLE_TEMPLATE,
} from '../../src/sample';
import {
  collectivesToCsv,
  criteriaToCsv,
  peopleToCsv,
  readCollectivesCsv,
  readCriteriaCsv,
  readPeopleCsv,
  readScoresCsv,
  readUnitsCsv,
  scoreRowsToSheets,
  sheetsToScoresCsv,
  unitsToCsv,
} from '../../src/workbook/csv';

/**
 * The good CSV fixtures of the sample bloc (test/fixtures/csv/), which the CLI demo and tests read.
 * They are generated from src/sample; run `UPDATE_CSV_FIXTURES=1 npx jest test/workbook/csv` after
 * changing the sample to rewrite them.
 */
const DIR = join(__dirname, '..', 'fixtures', 'csv');
const read = (name: string) => readFileSync(join(DIR, name)).toString('utf8');

const GENERATED: Record<string, () => string> = {
  // Comma-separated, decimal point, no BOM: what LibreOffice or English Excel write.
  'criteria.csv': () => criteriaToCsv(SAMPLE_TEMPLATE),
  // Semicolon-separated with BOM and decimal comma: what Vietnamese-locale Excel writes.
  'criteria-bom-semicolon.csv': () => criteriaToCsv(SAMPLE_TEMPLATE, { bom: true, delimiter: ';' }),
  'units.csv': () => unitsToCsv(SAMPLE_BLOC.units),
  'scores.csv': () =>
    sheetsToScoresCsv(SAMPLE_SHEETS, SAMPLE_TEMPLATE, { bom: true, delimiter: ';' }),
  'people.csv': () => peopleToCsv(SAMPLE_PEOPLE),
  'collectives.csv': () => collectivesToCsv(SAMPLE_COLLECTIVES),
};

describe('good CSV fixtures of the sample bloc', () => {
  for (const [name, generate] of Object.entries(GENERATED)) {
    it(`${name} is the sample as CSV`, () => {
      const text = generate();
      if (process.env.UPDATE_CSV_FIXTURES === '1' || !existsSync(join(DIR, name)))
        writeFileSync(join(DIR, name), text);
      expect(read(name)).toBe(text);
    });
  }
});

describe('reading the good fixtures', () => {
  // Read in beforeAll: the files may have just been written by the tests above.
  let criteria: ReturnType<typeof readCriteriaCsv>;
  let units: ReturnType<typeof readUnitsCsv>;
  beforeAll(() => {
    criteria = readCriteriaCsv(read('criteria.csv'), 'criteria.csv', {
      title: SAMPLE_TEMPLATE.title,
    });
    units = readUnitsCsv(read('units.csv'), 'units.csv');
  });

  it('reads back the sample template from both criteria files', () => {
    expect(criteria.problems).toEqual([]);
    expect(criteria.warnings).toEqual([]);
    expect(criteria.template).toEqual(SAMPLE_TEMPLATE);
    const semicolon = readCriteriaCsv(
      read('criteria-bom-semicolon.csv'),
      'criteria-bom-semicolon.csv',
    );
    expect(semicolon.problems).toEqual([]);
    expect(semicolon.template?.title).toBe('criteria-bom-semicolon');
    expect(semicolon.template?.criteria).toEqual(SAMPLE_TEMPLATE.criteria);
  });

  it('reads back the units, including a file with Vietnamese headers and role labels', () => {
    expect(units.problems).toEqual([]);
    expect(units.units).toEqual(SAMPLE_BLOC.units);
    const vi = readUnitsCsv(read('units-vietnamese-headers.csv'), 'units-vietnamese-headers.csv');
    expect(vi.problems).toEqual([]);
    expect(vi.units).toEqual(SAMPLE_BLOC.units);
  });

  it('reads back the sheets, which score exactly as the sample', () => {
    const compiled = compileTemplate(criteria.template!);
    const scores = readScoresCsv(read('scores.csv'), 'scores.csv', {
      units: units.units!,
      compiled,
    });
    expect(scores.problems).toEqual([]);
    const sheets = scoreRowsToSheets(scores.rows!);
    expect(sheets).toEqual(SAMPLE_SHEETS);
    const totals = (s: typeof sheets) =>
      evaluateBloc(SAMPLE_BLOC, s).units.map((u) => [u.unit.code, u.score.verified.total]);
    expect(totals(sheets)).toEqual(totals(SAMPLE_SHEETS));
  });

  it('reads back the people and the collectives', () => {
    const people = readPeopleCsv(read('people.csv'), 'people.csv', { units: units.units! });
    expect(people.problems).toEqual([]);
    expect(people.people).toEqual(SAMPLE_PEOPLE);
    expect(people.collectives).toEqual(
      SAMPLE_BLOC.units.map((u) => ({ unitCode: u.code, name: u.name, history: [] })),
    );
    const collectives = readCollectivesCsv(read('collectives.csv'), 'collectives.csv', {
      units: units.units!,
    });
    expect(collectives.problems).toEqual([]);
    // In the bloc's unit order.
    const byUnit = SAMPLE_BLOC.units.map((u) =>
      SAMPLE_COLLECTIVES.find((c) => c.unitCode === u.code),
    );
    expect(collectives.collectives).toEqual(byUnit);
  });
});
