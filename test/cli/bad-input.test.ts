import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadXlsx } from '../../src/io/node';
import { ROW, WORKBOOK_CASES, type Command } from '../support/bad-workbooks';
import { checksum, thidua } from '../support/cli';

/**
 * The bad-input corpus through the real `thidua` command: every bad file is refused with exit
 * code 1, a Vietnamese message naming the file or sheet (and the line or cell), and nothing is
 * written.
 */

process.env.THIDUA_QUIET = '1';
const fixtures = path.join(__dirname, '..', 'fixtures');
const csv = (name: string) => path.join(fixtures, 'csv', name);
const dir = mkdtempSync(path.join(tmpdir(), 'thidua-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const good = path.join(dir, 'khoi-tot.xlsx');

interface CsvCase {
  file: string;
  reader: 'scores' | 'criteria' | 'units' | 'people';
  expect: string[];
}
const CSV_CASES = JSON.parse(
  readFileSync(path.join(fixtures, 'bad', 'cases.json'), 'utf8'),
) as CsvCase[];

/** The title of a refusal: of the data, or of a file that does not open. */
const REFUSED = /(Dữ liệu không hợp lệ|Không mở được tệp), chưa ghi gì/;

/** `thidua init` with the fixtures, `replace` naming one file to use instead of its fixture. */
function initArgs(out: string, replace: Partial<Record<CsvCase['reader'], string>> = {}) {
  return [
    'init',
    '--criteria',
    replace.criteria ?? csv('criteria.csv'),
    '--units',
    replace.units ?? csv('units.csv'),
    '--people',
    replace.people ?? csv('people.csv'),
    '--collectives',
    csv('collectives.csv'),
    '--name',
    'Khối Nội chính',
    '--year',
    '2025',
    '-o',
    out,
  ];
}

beforeAll(async () => {
  const init = await thidua(...initArgs(good));
  expect(init).toMatchObject({ code: 0, stderr: '' });
  const imported = await thidua('import', good, '--scores', csv('scores.csv'));
  expect(imported).toMatchObject({ code: 0, stderr: '' });
}, 30_000);

it('has the whole corpus, and the rows the workbook cases edit', async () => {
  expect(CSV_CASES.length).toBe(52);
  for (const c of CSV_CASES) expect(existsSync(path.join(fixtures, 'bad', c.file))).toBe(true);
  const [cat] = (await (await loadXlsx(good)).read(['CAT'])).sheets;
  for (const [code, row] of Object.entries(ROW)) expect(cat!.values[row - 1]![0]).toBe(code);
});

describe('bad CSV files (test/fixtures/bad/cases.json)', () => {
  const scores = CSV_CASES.filter((c) => c.reader === 'scores');
  const others = CSV_CASES.filter((c) => c.reader !== 'scores');

  it.each(scores.map((c) => [c.file, c] as const))(
    'import --scores %s: exit 1, message, workbook unchanged',
    async (name, c) => {
      const target = path.join(dir, `import-${path.parse(name).name}.xlsx`);
      copyFileSync(good, target);
      const before = checksum(target);
      const r = await thidua('import', target, '--scores', path.join(fixtures, 'bad', name));
      expect(r.stderr).toMatch(REFUSED);
      expect(r.stderr).toContain(`${name}, `);
      for (const fragment of c.expect) expect(r.stderr).toContain(fragment);
      expect(r.stdout).toBe('');
      expect(r.code).toBe(1);
      expect(checksum(target)).toBe(before);
    },
  );

  it.each(others.map((c) => [c.reader, c.file, c] as const))(
    'init --%s %s: exit 1, message, no workbook created',
    async (reader, name, c) => {
      const out = path.join(dir, `init-${path.parse(name).name}.xlsx`);
      const r = await thidua(...initArgs(out, { [reader]: path.join(fixtures, 'bad', name) }));
      expect(r.stderr).toMatch(REFUSED);
      expect(r.stderr).toContain(`${name}, `);
      for (const fragment of c.expect) expect(r.stderr).toContain(fragment);
      expect(r.stdout).toBe('');
      expect(r.code).toBe(1);
      expect(existsSync(out)).toBe(false);
    },
  );
});

describe('bad workbooks (test/fixtures/bad/workbook-cases.md)', () => {
  const runs = WORKBOOK_CASES.flatMap((c) => c.commands.map((command) => [command, c] as const));

  const made = new Map<string, Promise<string>>();
  /** Each broken copy is made once, whichever command needs it first. */
  function brokenFile(c: (typeof WORKBOOK_CASES)[number]): Promise<string> {
    let file = made.get(c.file);
    if (!file) {
      const target = path.join(dir, c.file);
      file = Promise.resolve(c.make(target, good)).then(() => target);
      made.set(c.file, file);
    }
    return file;
  }

  async function run(command: Command, file: string) {
    if (command !== 'export') return thidua(command, file);
    const out = path.join(dir, `export-${path.parse(file).name}`);
    const r = await thidua('export', file, '--out', out, '--date', '2025-12-25');
    expect(existsSync(out)).toBe(false);
    return r;
  }

  it.each(runs.map(([command, c]) => [command, c.title, c] as const))(
    'thidua %s on %s: exit 1, message names the place, file unchanged',
    async (command, _title, c) => {
      const file = await brokenFile(c);
      const before = checksum(file);
      const r = await run(command, file);
      expect(r.stderr).toMatch(REFUSED);
      for (const fragment of c.expect) expect(r.stderr).toContain(fragment);
      expect(r.stdout).toBe('');
      expect(r.code).toBe(1);
      expect(checksum(file)).toBe(before);
    },
  );
});
