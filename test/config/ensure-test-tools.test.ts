/**
 * scripts/ensure-test-tools.mjs (npm's pretest): its decision, a pure function of the missing
 * tools, /etc/os-release and the user id. The script is plain Node ESM, which jest (CommonJS
 * here) cannot import: the cases run in one `node` child that imports it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const SCRIPT = path.resolve(__dirname, '../../scripts/ensure-test-tools.mjs');
const INSTALL = 'sudo apt-get install -y libreoffice-calc-nogui chromium';

interface Facts {
  missing: string[];
  osRelease: Record<string, string>;
  uid: number | undefined;
}
type Plan =
  | { action: 'none' }
  | { action: 'install'; say: string; commands: [string, string[]][]; env: Record<string, string> }
  | { action: 'stop'; message: string };

/** Calls the script's exported functions in Node: `[name, args]` each, the results in order. */
function inNode(calls: [string, unknown[]][]): unknown[] {
  const code = `
    const m = await import(${JSON.stringify(pathToFileURL(SCRIPT).href)});
    const calls = JSON.parse(process.argv[1]);
    console.log(JSON.stringify(calls.map(([name, args]) => m[name](...args) ?? null)));`;
  const out = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', code, JSON.stringify(calls)],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(out) as unknown[];
}

const DEBIAN = { ID: 'debian', VERSION_ID: '12' };
const UBUNTU = { ID: 'ubuntu', ID_LIKE: 'debian' };
const MINT = { ID: 'linuxmint', ID_LIKE: 'ubuntu debian' };
const FEDORA = { ID: 'fedora' };

const cases: [string, Facts][] = [
  ['both there, root on Debian', { missing: [], osRelease: DEBIAN, uid: 0 }],
  ['both there, elsewhere', { missing: [], osRelease: {}, uid: undefined }],
  ['missing, root on Debian', { missing: ['soffice', 'chromium'], osRelease: DEBIAN, uid: 0 }],
  ['missing, root on Ubuntu', { missing: ['chromium'], osRelease: UBUNTU, uid: 0 }],
  ['missing, root on Mint', { missing: ['soffice'], osRelease: MINT, uid: 0 }],
  ['missing, user on Debian', { missing: ['soffice'], osRelease: DEBIAN, uid: 1000 }],
  ['missing, root on Fedora', { missing: ['chromium'], osRelease: FEDORA, uid: 0 }],
  ['missing, macOS', { missing: ['soffice', 'chromium'], osRelease: {}, uid: 501 }],
  ['missing, Windows', { missing: ['chromium'], osRelease: {}, uid: undefined }],
];
let plans: Map<string, Plan>;
let parsed: unknown;

beforeAll(() => {
  const osRelease = 'PRETTY_NAME="Ubuntu 24.04 LTS"\nID=ubuntu\nID_LIKE=debian\n# a comment\n';
  const results = inNode([
    ...cases.map(([, facts]): [string, unknown[]] => ['decide', [facts]]),
    ['parseOsRelease', [osRelease]],
  ]);
  plans = new Map(cases.map(([name], i) => [name, results[i] as Plan]));
  parsed = results.at(-1);
});

const plan = (name: string) => plans.get(name)!;

test('both tools there: nothing to do, wherever', () => {
  expect(plan('both there, root on Debian')).toEqual({ action: 'none' });
  expect(plan('both there, elsewhere')).toEqual({ action: 'none' });
});

test('root on Debian or a derivative: apt-get update, then install both, non-interactively', () => {
  for (const name of [
    'missing, root on Debian',
    'missing, root on Ubuntu',
    'missing, root on Mint',
  ]) {
    const p = plan(name);
    expect(p).toMatchObject({
      action: 'install',
      commands: [
        ['apt-get', ['update']],
        [
          'apt-get',
          ['install', '-y', '--no-install-recommends', 'libreoffice-calc-nogui', 'chromium'],
        ],
      ],
      env: { DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  const say = (plan('missing, root on Debian') as { say: string }).say;
  expect(say).toContain('Missing: LibreOffice Calc (soffice), Chromium');
  expect(say).toContain('Installing (root, debian): apt-get update && apt-get install -y');
});

test('not root on Debian: stops, giving the sudo command', () => {
  const p = plan('missing, user on Debian');
  expect(p).toEqual({
    action: 'stop',
    message: expect.stringContaining(`Chạy / Run: ${INSTALL}`) as string,
  });
  expect((p as { message: string }).message).toMatch(
    /^Thiếu \/ Missing: LibreOffice Calc \(soffice\) —/,
  );
});

test('not Debian, even as root: stops, naming the tools and the Debian command', () => {
  for (const name of ['missing, root on Fedora', 'missing, macOS', 'missing, Windows']) {
    const p = plan(name);
    expect(p.action).toBe('stop');
    const { message } = p as { message: string };
    expect(message).toContain('Install LibreOffice Calc and Chromium with your package manager');
    expect(message).toContain(`On Debian/Ubuntu: ${INSTALL}`);
    expect(message).not.toContain('Installing');
  }
  expect((plan('missing, Windows') as { message: string }).message).toMatch(
    /^Thiếu \/ Missing: Chromium —/,
  );
});

test('reads /etc/os-release: quoted values, comments left out', () => {
  expect(parsed).toEqual({ PRETTY_NAME: 'Ubuntu 24.04 LTS', ID: 'ubuntu', ID_LIKE: 'debian' });
});

test('run where both tools are on PATH, it prints nothing and succeeds', () => {
  // Stand-ins: the script only looks for them, it does not run them.
  const bin = mkdtempSync(path.join(tmpdir(), 'thidua-tools-'));
  for (const tool of ['soffice', 'chromium']) {
    writeFileSync(path.join(bin, tool), '#!/bin/sh\n');
    chmodSync(path.join(bin, tool), 0o755);
  }
  try {
    const env = { ...process.env, PATH: bin, CHROMIUM_PATH: '' };
    const run = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8', env });
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      status: 0,
      stdout: '',
      stderr: '',
    });
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
});
