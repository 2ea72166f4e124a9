/**
 * The production build (webpack.config.js through webpack's API, into a temporary folder): the
 * task pane's first download within its budget and without the heavy libraries, the pages loading
 * office.js as intended, the manifest rewritten to the production URL, and that build packaged as
 * the ZIP an office's IT person gets (`npm run package`, with --from: no second build).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  BUDGET_GZIP,
  ROOT,
  buildAddin,
  pageScripts,
  pageSize,
  type BuildReport,
} from '../../bench/bundle';
import JSZip from 'jszip';
import { parseXml } from './xml';

jest.setTimeout(600_000);

const PROD_URL = 'https://thidua.example.org/addin/';
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
let out: string;
let stats: BuildReport;

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'thidua-addin-'));
  const saved = process.env.ADDIN_URL;
  process.env.ADDIN_URL = PROD_URL;
  try {
    stats = await buildAddin(out);
  } finally {
    if (saved === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = saved;
  }
});

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

const html = (page: string) => readFileSync(path.join(out, page), 'utf8');

test(`the task pane's initial JavaScript is at most ${BUDGET_GZIP / 1000} KB gzipped`, () => {
  const size = pageSize(out, 'taskpane.html', stats, 'taskpane');
  expect(size.files.length).toBeGreaterThan(0);
  expect(size.files.map((f) => f.file)).toEqual(pageScripts(out, 'taskpane.html'));
  expect(size.gzip).toBeLessThanOrEqual(BUDGET_GZIP);
  // The pane itself is in it: React, Fluent UI and the engine are not nothing.
  expect(size.gzip).toBeGreaterThan(50_000);
});

test('ExcelJS and docx are left out of the task pane’s first download, loaded when exporting', () => {
  expect(pageSize(out, 'taskpane.html', stats, 'taskpane').heavy).toEqual([]);
  expect(stats.initial.taskpane!.chunks).toEqual(['taskpane']);
  expect(stats.chunks).toEqual(expect.arrayContaining(['exceljs', 'docx']));
  // The web app's Web Worker carries ExcelJS in its one file; the page loads it only where no
  // worker starts, or to export.
  expect(stats.initial.worker!.chunks).toEqual(['worker']);
  expect(pageSize(out, 'web.html', stats, 'worker').heavy).toEqual(['exceljs']);
  expect(pageSize(out, 'web.html', stats, 'web').heavy).toEqual([]);
  expect(html('web.html')).toMatch(
    /<script type="text\/plain" id="thidua-worker" data-src="worker\.[0-9a-f]{8}\.js">/,
  );
});

test('the task pane and commands load office.js from the CDN; the web app needs no office.js', () => {
  for (const page of ['taskpane.html', 'commands.html']) {
    const text = html(page);
    expect(text).toContain(CDN);
    // Before the bundle, which uses Office at once.
    expect(text.indexOf(CDN)).toBeLessThan(text.indexOf(pageScripts(out, page)[0]!));
  }
  // The task pane's fallback for Trident and EdgeHTML survives the page's minification.
  expect(html('taskpane.html')).toContain("ua.indexOf('Trident/') < 0 && ua.indexOf('Edge/') < 0");
  expect(html('taskpane.html')).toContain('<a href="web.html"');
  expect(html('web.html')).not.toMatch(/office\.js/);
});

test('the manifest is copied with its URLs moved to ADDIN_URL, and the icons with it', () => {
  const manifest = readFileSync(path.join(out, 'manifest.xml'), 'utf8');
  expect(() => parseXml(manifest)).not.toThrow();
  expect(manifest).not.toContain('localhost:3000');
  expect(manifest).toContain(`${PROD_URL}taskpane.html`);
  expect(manifest).toContain(`${PROD_URL}assets/icon-80.png`);
  for (const icon of ['icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png', 'logo-128.png'])
    expect(existsSync(path.join(out, 'assets', icon))).toBe(true);
});

test('npm run package zips that build: the manifest points at the URL, every file it names is in', async () => {
  const zipDir = mkdtempSync(path.join(tmpdir(), 'thidua-addin-zip-'));
  try {
    const script = path.join(ROOT, 'scripts', 'package-addin.mjs');
    const r = spawnSync(
      process.execPath,
      [script, '--url', PROD_URL, '--from', out, '--out', zipDir],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    const name = `thidua-addin-${version}.zip`;
    expect(readdirSync(zipDir)).toEqual([name]);
    expect(r.stdout).toContain(`Đã ghi ${path.join(zipDir, name)}`);
    const zip = await JSZip.loadAsync(readFileSync(path.join(zipDir, name)));
    const inZip = new Set(
      Object.values(zip.files)
        .filter((f) => !f.dir)
        .map((f) => f.name),
    );
    // The whole build, at the top of the archive.
    expect([...inZip].sort()).toEqual(filesUnder(out));
    expect(inZip.has('taskpane.html')).toBe(true);

    const manifest = await zip.file('manifest.xml')!.async('string');
    expect(() => parseXml(manifest)).not.toThrow();
    expect(manifest).toContain(`<SourceLocation DefaultValue="${PROD_URL}taskpane.html"/>`);
    expect(manifest).toContain(`<IconUrl DefaultValue="${PROD_URL}assets/icon-32.png"/>`);
    expect(manifest).toContain(
      `<HighResolutionIconUrl DefaultValue="${PROD_URL}assets/icon-64.png"/>`,
    );
    expect(manifest).toContain(`<AppDomain>${new URL(PROD_URL).origin}</AppDomain>`);
    const urls = [...manifest.matchAll(/https:\/\/[^"<\s]+/g)].map((m) => m[0]);
    expect(urls.filter((u) => !u.startsWith(PROD_URL) && u !== new URL(PROD_URL).origin)).toEqual(
      [],
    );
    const referenced = [...new Set(urls.filter((u) => u.startsWith(PROD_URL)))].map((u) =>
      u.slice(PROD_URL.length),
    );
    expect(referenced).toEqual(
      expect.arrayContaining(['taskpane.html', 'commands.html', 'assets/icon-80.png']),
    );
    expect(referenced.filter((f) => !inZip.has(f))).toEqual([]);
  } finally {
    rmSync(zipDir, { recursive: true, force: true });
  }
});

/** Every file under `dir`, relative, with forward slashes, sorted. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      return e.isDirectory() ? filesUnder(dir, rel) : [rel];
    })
    .sort();
}
