/**
 * The test tiers of jest.config.js: every test file in exactly one project, and in the one what it
 * uses asks for — LibreOffice, Chromium or a webpack build: integration; jsdom: dom; else unit.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface Project {
  displayName: string;
  testRegex: string[];
  testPathIgnorePatterns?: string[];
}
interface Tiers {
  projects: Project[];
  projectsOf(file: string, among?: Project[]): string[];
  testFiles(): string[];
  tierProblems(files?: string[], among?: Project[]): string[];
}
const { tiers } = jest.requireActual<{ tiers: Tiers }>('../../jest.config.js');

const ROOT = path.resolve(__dirname, '../..');
const files = tiers.testFiles();

/** The tier a test file's own source asks for. */
function tierFromSource(file: string): string {
  const src = readFileSync(file, 'utf8');
  const integration = [
    /from '[./]*(support\/libreoffice|addin\/chromium|\.\/chromium|\.\/web-server)'/,
    /from '(playwright-core|webpack|webpack-dev-server)'/,
    /\bbuildAddin\b/, // bench/bundle's webpack production build
    /(exec|spawn)\w*\(\s*['"](soffice|chromium|\/usr\/bin\/chromium)['"]/, // the tools, directly
  ];
  if (integration.some((r) => r.test(src))) return 'integration';
  if (/@jest-environment\s+jsdom/.test(src) || file.endsWith('.tsx')) return 'dom';
  return 'unit';
}

test('every test file is in exactly one project, and no project is empty', () => {
  expect(files.length).toBeGreaterThan(30);
  expect(tiers.tierProblems()).toEqual([]);
});

test('every test file is in the tier its source asks for', () => {
  const wrong = files
    .map((f) => ({
      file: path.relative(ROOT, f),
      in: tiers.projectsOf(f),
      asks: tierFromSource(f),
    }))
    .filter((f) => f.in.join() !== f.asks);
  expect(wrong).toEqual([]);
});

test('the tiers hold the files that need the tools, the components and the rest', () => {
  const of = (tier: string) =>
    files.filter((f) => tiers.projectsOf(f)[0] === tier).map((f) => path.relative(ROOT, f));
  expect(of('integration').sort()).toEqual([
    'test/addin/bundle.test.ts',
    'test/addin/web.e2e.test.ts',
    'test/addin/workflow.e2e.test.ts',
    'test/io/xlsx-chart-libreoffice.test.ts',
    'test/workbook/libreoffice-parity.test.ts',
  ]);
  expect(of('dom')).toContain('test/taskpane/app.test.tsx');
  expect(of('unit')).toContain('test/core/scoring.test.ts');
});

test('a file in no project, or in two, or an empty project is reported', () => {
  const at = (rel: string) => path.join(ROOT, rel);
  expect(tiers.tierProblems([at('test/core/new.test.js')])).toEqual([
    'test/core/new.test.js: in no jest project',
    'unit: empty',
    'dom: empty',
    'integration: empty',
  ]);
  const overlapping: Project[] = [
    { displayName: 'a', testRegex: ['\\.test\\.ts$'] },
    { displayName: 'b', testRegex: ['/core/'] },
  ];
  expect(tiers.tierProblems([at('test/core/x.test.ts')], overlapping)).toEqual([
    'test/core/x.test.ts: in several jest projects (a, b)',
  ]);
});
