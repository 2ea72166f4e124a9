/**
 * scripts/package-addin.mjs (`npm run package -- --url …`) without webpack: the URL refused in
 * Vietnamese with no ZIP written, and `--from` a small stand-in build zipped or refused. The real
 * production build is packaged once, in test/addin/bundle.test.ts (integration tier).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';

const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts', 'package-addin.mjs');
const VERSION = (
  JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  }
).version;
const ZIP = `thidua-addin-${VERSION}.zip`;

/** Runs the script as `npm run package -- …` does (node, no shell). */
function packageAddin(...args: string[]) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What a production build for `url` holds, as far as the script looks: manifest, pages, an icon. */
function fakeBuild(dir: string, url: string) {
  const manifest = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8')
    .split('https://localhost:3000/')
    .join(url)
    .split('https://localhost:3000')
    .join(new URL(url).origin);
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  writeFileSync(path.join(dir, 'manifest.xml'), manifest);
  writeFileSync(path.join(dir, 'taskpane.html'), '<!doctype html><title>Thi đua</title>');
  writeFileSync(path.join(dir, 'taskpane.0123abcd.js'), 'void 0;');
  writeFileSync(path.join(dir, 'assets', 'icon-32.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
}

let out: string;
beforeEach(() => {
  out = mkdtempSync(path.join(tmpdir(), 'thidua-package-test-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

describe('the URL', () => {
  it.each([
    [
      [],
      /^Thiếu địa chỉ nơi sẽ đặt add-in\. Hãy chạy, ví dụ:\n {2}npm run package -- --url https:/,
    ],
    [['--url'], /^Thiếu địa chỉ nơi sẽ đặt add-in/],
    [['--url', '  '], /^Thiếu địa chỉ nơi sẽ đặt add-in/],
    [
      ['--url', 'thidua.tinh.gov.vn'],
      /^"thidua\.tinh\.gov\.vn" không phải là một địa chỉ web hợp lệ/,
    ],
    [
      ['--url', 'http://thidua.tinh.gov.vn/'],
      /phải bắt đầu bằng https:\/\/: Office chỉ mở add-in qua HTTPS/,
    ],
    [['--url', 'https://thidua.tinh.gov.vn/?v=2'], /không được có phần "\?…" hay "#…"/],
    [['--url', 'https://ai:mk@thidua.tinh.gov.vn/'], /không được chứa tên đăng nhập hay mật khẩu/],
  ])('%j is refused in Vietnamese, exit code 2, no ZIP', (args, message) => {
    const r = packageAddin(...args, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(readdirSync(out)).toEqual([]);
  });

  it('an unknown option is refused with the usage', () => {
    const r = packageAddin('--url', 'https://thidua.tinh.gov.vn/', '--out', out, '--dry');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Tham số không hợp lệ .*\nCách dùng: npm run package -- --url /);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('--from an existing build', () => {
  it('zips every file of it, the URL given without its final slash', async () => {
    const build = path.join(out, 'build');
    fakeBuild(build, 'https://thidua.tinh.gov.vn/addin/');
    const r = packageAddin(
      '--url',
      'https://thidua.tinh.gov.vn/addin',
      '--from',
      build,
      '--out',
      out,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Đã ghi ${path.join(out, ZIP)} (4 tệp,`);
    expect(r.stdout).toContain(
      'manifest.xml: phiên bản 0.1.0.0, trỏ tới https://thidua.tinh.gov.vn/addin/',
    );
    const zip = await JSZip.loadAsync(readFileSync(path.join(out, ZIP)));
    const files = Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name);
    expect(files.sort()).toEqual([
      'assets/icon-32.png',
      'manifest.xml',
      'taskpane.0123abcd.js',
      'taskpane.html',
    ]);
    expect(await zip.file('manifest.xml')!.async('string')).toBe(
      readFileSync(path.join(build, 'manifest.xml'), 'utf8'),
    );
  });

  it('refuses a build made for another address, naming what does not match, and writes nothing', () => {
    const build = path.join(out, 'build');
    fakeBuild(build, 'https://localhost:3000/');
    const r = packageAddin(
      '--url',
      'https://thidua.tinh.gov.vn/addin/',
      '--from',
      build,
      '--out',
      out,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `Bản dựng ở ${build} không trỏ tới https://thidua.tinh.gov.vn/addin/:`,
    );
    expect(r.stderr).toContain('- manifest.xml không có trang ngăn tác vụ ở địa chỉ này');
    expect(r.stderr).toContain(
      '- manifest.xml vẫn còn địa chỉ của máy phát triển https://localhost:3000/.',
    );
    expect(r.stderr).toMatch(
      /Hãy dựng lại với ADDIN_URL là địa chỉ này, hoặc bỏ --from để tự dựng\.$/m,
    );
    expect(readdirSync(out)).toEqual(['build']);
  });

  it('refuses a folder that is not there', () => {
    const r = packageAddin(
      '--url',
      'https://thidua.tinh.gov.vn/',
      '--from',
      path.join(out, 'none'),
      '--out',
      out,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Không có thư mục ${path.join(out, 'none')}.`);
    expect(readdirSync(out)).toEqual([]);
  });
});
