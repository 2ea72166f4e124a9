const { readdirSync } = require('node:fs');
const path = require('node:path');

/**
 * Three tiers, each a jest project, each test file in exactly one (checked below, when this file
 * loads):
 * - unit: pure tests in Node (the core, the workbook, the files, the CLI, the Excel stand-in);
 * - dom: the React components in jsdom (Testing Library);
 * - integration: what needs the machine's tools or a build: the formula parity in LibreOffice,
 *   the end-to-end tests in Chromium (*.e2e.test.ts) and the webpack production build. Its
 *   globalSetup stops the run at once, with the command to install them, when one is missing.
 * `npm run test:unit` runs the first two, `npm run test:integration` the third, `npm test` all.
 */
const INTEGRATION = [
  '/test/workbook/libreoffice-parity\\.test\\.ts$',
  '/test/io/xlsx-chart-libreoffice\\.test\\.ts$',
  '\\.e2e\\.test\\.tsx?$',
  '/test/addin/bundle\\.test\\.ts$',
];

// tsconfig's isolatedModules makes ts-jest transpile file by file, without type checking: `npm
// test` runs tsc for that, once.
const common = {
  rootDir: __dirname,
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.tsx?$': 'ts-jest' },
};

const projects = [
  {
    ...common,
    displayName: 'unit',
    testEnvironment: 'node',
    testRegex: ['\\.test\\.ts$'],
    testPathIgnorePatterns: ['/node_modules/', ...INTEGRATION],
  },
  {
    ...common,
    displayName: 'dom',
    testEnvironment: 'jsdom',
    testRegex: ['\\.test\\.tsx$'],
    testPathIgnorePatterns: ['/node_modules/', ...INTEGRATION],
  },
  {
    ...common,
    displayName: 'integration',
    testEnvironment: 'node',
    testRegex: INTEGRATION,
    globalSetup: '<rootDir>/test/support/integration-setup.ts',
  },
];

/** The projects a file belongs to, with jest's own rules (testRegex, testPathIgnorePatterns). */
function projectsOf(file, among = projects) {
  return among
    .filter(
      (p) =>
        p.testRegex.some((r) => new RegExp(r).test(file)) &&
        !(p.testPathIgnorePatterns ?? []).some((r) => new RegExp(r).test(file)),
    )
    .map((p) => p.displayName);
}

/** Every file under test/ whose name says it is a test, whatever its extension. */
function testFiles(dir = path.join(__dirname, 'test')) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return testFiles(file);
    return /\.(test|spec)\.[cm]?[jt]sx?$/.test(e.name) ? [file] : [];
  });
}

/** What is wrong with the split: files in no project or in several, projects without a file. */
function tierProblems(files = testFiles(), among = projects) {
  const problems = [];
  const used = new Set();
  for (const file of files) {
    const in_ = projectsOf(file, among);
    in_.forEach((p) => used.add(p));
    const rel = path.relative(__dirname, file);
    if (in_.length === 0) problems.push(`${rel}: in no jest project`);
    if (in_.length > 1) problems.push(`${rel}: in several jest projects (${in_.join(', ')})`);
  }
  for (const p of among) if (!used.has(p.displayName)) problems.push(`${p.displayName}: empty`);
  return problems;
}

const problems = tierProblems();
if (problems.length) {
  const error = new Error(`jest.config.js: the test tiers are wrong:\n  ${problems.join('\n  ')}`);
  error.stack = error.message; // the list is the point, not where it was thrown
  throw error;
}

/** @type {import('jest').Config} */
module.exports = {
  projects,
  // In CI the integration tier must have run (see the reporter). Listed before the summary, which
  // jest always prints last.
  reporters: ['default', '<rootDir>/test/support/ci-tiers-reporter.js'],
  // The CLI tests start `thidua` as a process (tsx), several per test: on a 2-core machine that is
  // busy, jest's 5 s default cuts them off mid-run. A limit, not a measure of speed (npm run bench).
  testTimeout: 60_000,
};

// For test/config/tiers.test.ts; jest ignores unknown keys only with a warning, hence not exported
// on the configuration itself.
Object.defineProperty(module.exports, 'tiers', {
  value: { INTEGRATION, projects, projectsOf, testFiles, tierProblems },
  enumerable: false,
});
