#!/usr/bin/env node
/**
 * `npm run package -- --url https://host/path/`: the add-in as one ZIP for an office's IT person
 * (docs/deploy.md). Builds the production add-in with ADDIN_URL set to that address (webpack.config.js
 * moves the manifest's URLs there) into a temporary folder, checks that the manifest now points
 * there, and writes `thidua-addin-<version>.zip` (version from package.json) with every built file
 * at the top of the archive: unzip it into the folder the URL serves, hand manifest.xml to Office.
 *
 * Options: --url URL (required; https, a missing final / is added), --out DIR (where the ZIP goes,
 * default: the current folder), --from DIR (package a build that is already there instead of
 * building: its manifest must point at --url; the bundle test uses it to spare a second build).
 *
 * Plain Node, no shell: webpack-cli runs as `node <its bin>`, so the same works on Windows. Exit
 * codes as the `thidua` command: 0 written, 1 the build or its check failed, 2 usage (no or a bad
 * URL). Messages for the user are Vietnamese.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL, URL } from 'node:url';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The dev server's address, which the source manifest.xml points at. */
const DEV_URL = 'https://localhost:3000/';

const EXAMPLE = 'npm run package -- --url https://may-chu.tinh.gov.vn/thidua/';

/** A refusal the user can act on: printed as it is, with an exit code. */
export class PackageError extends Error {
  constructor(message, code = 1) {
    super(message);
    this.name = 'PackageError';
    this.code = code;
  }
}

/**
 * The address the add-in will be served from, as the manifest will hold it: https only, no query,
 * fragment or password, ending with /. Throws a PackageError (code 2) in Vietnamese otherwise.
 */
export function normalizeUrl(raw) {
  if (raw === undefined || raw === true || String(raw).trim() === '')
    throw new PackageError(
      `Thiếu địa chỉ nơi sẽ đặt add-in. Hãy chạy, ví dụ:\n  ${EXAMPLE}\n` +
        '(địa chỉ HTTPS của thư mục trên máy chủ web sẽ chứa các tệp của add-in).',
      2,
    );
  const text = String(raw).trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new PackageError(
      `"${text}" không phải là một địa chỉ web hợp lệ. Cần một địa chỉ đầy đủ, ví dụ:\n  ${EXAMPLE}`,
      2,
    );
  }
  if (url.protocol !== 'https:')
    throw new PackageError(
      `Địa chỉ "${text}" phải bắt đầu bằng https://: Office chỉ mở add-in qua HTTPS (có chứng chỉ hợp lệ).`,
      2,
    );
  if (url.username || url.password)
    throw new PackageError(
      `Địa chỉ "${text}" không được chứa tên đăng nhập hay mật khẩu: manifest được gửi cho mọi người dùng.`,
      2,
    );
  if (url.search || url.hash)
    throw new PackageError(
      `Địa chỉ "${text}" không được có phần "?…" hay "#…": đó phải là địa chỉ của một thư mục.`,
      2,
    );
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** The version in package.json (the ZIP's name). */
export function packageVersion() {
  return JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
}

/** Runs the production build with ADDIN_URL = url into `dir`; throws a PackageError on failure. */
function build(dir, url) {
  const cli = require.resolve('webpack-cli/bin/cli.js');
  console.log(`Đang dựng add-in (webpack, chế độ production) cho ${url} …`);
  const result = spawnSync(
    process.execPath,
    [cli, '--mode', 'production', '--env', `output=${dir}`],
    { cwd: ROOT, env: { ...process.env, ADDIN_URL: url }, stdio: 'inherit' },
  );
  if (result.error || result.status !== 0)
    throw new PackageError(
      `Dựng add-in không thành công (webpack ${result.error ? result.error.message : `thoát với mã ${result.status}`}); xem thông báo lỗi ở trên.`,
    );
}

/**
 * What is wrong with the manifest of the build in `dir` for `url`, in Vietnamese; [] when it
 * points there: the task pane's page, the icons and the AppDomain (the URL's origin).
 */
export function manifestProblems(dir, url) {
  const file = path.join(dir, 'manifest.xml');
  if (!existsSync(file)) return [`không có tệp manifest.xml trong ${dir}.`];
  const manifest = readFileSync(file, 'utf8');
  const problems = [];
  const expect = (text, what) => {
    if (!manifest.includes(text)) problems.push(`manifest.xml không có ${what} (${text}).`);
  };
  expect(`<SourceLocation DefaultValue="${url}taskpane.html"/>`, 'trang ngăn tác vụ ở địa chỉ này');
  expect(`<IconUrl DefaultValue="${url}assets/`, 'biểu tượng ở địa chỉ này');
  expect(`<AppDomain>${new URL(url).origin}</AppDomain>`, 'tên miền (AppDomain) của địa chỉ này');
  if (new URL(url).origin !== new URL(DEV_URL).origin && manifest.includes(DEV_URL))
    problems.push(`manifest.xml vẫn còn địa chỉ của máy phát triển ${DEV_URL}.`);
  if (!existsSync(path.join(dir, 'taskpane.html')))
    problems.push(`không có tệp taskpane.html trong ${dir}.`);
  return problems;
}

/** Every file under `dir`, as relative paths with forward slashes, sorted. */
function filesOf(dir, prefix = '') {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      return e.isDirectory() ? filesOf(dir, rel) : e.isFile() ? [rel] : [];
    })
    .sort();
}

/** The `<Version>` of the manifest in `dir`. */
function manifestVersion(dir) {
  const m = /<Version>([^<]*)<\/Version>/.exec(
    readFileSync(path.join(dir, 'manifest.xml'), 'utf8'),
  );
  return m ? m[1] : '?';
}

/**
 * Builds (or takes `from`) and zips. Returns what was written: the ZIP's path, the URL, the
 * manifest's version and the files in the archive.
 */
export async function packageAddin({ url: rawUrl, out = process.cwd(), from } = {}) {
  const url = normalizeUrl(rawUrl);
  const zipFile = path.resolve(out, `thidua-addin-${packageVersion()}.zip`);
  const temp = from ? undefined : mkdtempSync(path.join(tmpdir(), 'thidua-package-'));
  try {
    const dir = from ? path.resolve(from) : temp;
    if (from && !existsSync(dir)) throw new PackageError(`Không có thư mục ${dir}.`);
    if (!from) build(dir, url);
    const problems = manifestProblems(dir, url);
    if (problems.length)
      throw new PackageError(
        `Bản dựng ở ${dir} không trỏ tới ${url}:\n${problems.map((p) => `- ${p}`).join('\n')}` +
          (from ? '\nHãy dựng lại với ADDIN_URL là địa chỉ này, hoặc bỏ --from để tự dựng.' : ''),
      );
    const { default: JSZip } = await import('jszip');
    const zip = new JSZip();
    const files = filesOf(dir);
    for (const f of files) zip.file(f, readFileSync(path.join(dir, f)));
    const bytes = await zip.generateAsync({
      type: 'nodebuffer',
      compression: 'DEFLATE',
      compressionOptions: { level: 9 },
      platform: 'UNIX',
    });
    writeFileSync(zipFile, bytes);
    return { zipFile, url, version: manifestVersion(dir), files, bytes: bytes.length };
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

/** The message normalizeUrl refuses `raw` with. */
function normalizeUrlError(raw) {
  try {
    normalizeUrl(raw);
    return '';
  } catch (e) {
    return e.message;
  }
}

/** The command line: parses, packages, prints; returns the exit code. */
export async function main(argv = process.argv.slice(2)) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { url: { type: 'string' }, out: { type: 'string' }, from: { type: 'string' } },
      strict: true,
    }));
  } catch (e) {
    // `--url` given without a value is the same as no URL.
    if (/--url/.test(e.message)) console.error(normalizeUrlError(undefined));
    else
      console.error(
        `Tham số không hợp lệ (${e.message}).\nCách dùng: ${EXAMPLE} [--out THƯ_MỤC] [--from BẢN_DỰNG]`,
      );
    return 2;
  }
  try {
    const r = await packageAddin(values);
    const kb = (r.bytes / 1024).toFixed(0);
    console.log(`Đã ghi ${r.zipFile} (${r.files.length} tệp, ${kb} KB).`);
    console.log(`manifest.xml: phiên bản ${r.version}, trỏ tới ${r.url}`);
    if (!r.files.includes('web.html'))
      console.log(
        'Lưu ý: bản dựng chưa có web.html (ứng dụng web mà ngăn tác vụ gợi ý khi không chạy được).',
      );
    console.log(
      `Tiếp theo: giải nén vào thư mục mà ${r.url} phục vụ, rồi đưa manifest.xml vào Office (docs/deploy.md).`,
    );
    return 0;
  } catch (e) {
    if (!(e instanceof PackageError)) throw e;
    console.error(e.message);
    return e.code;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href)
  process.exitCode = await main();
