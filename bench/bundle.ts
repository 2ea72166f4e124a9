/**
 * The add-in's download size: a production build (webpack.config.js, run through webpack's API),
 * then, for each page, the JavaScript the page loads before it can show anything (its <script>
 * tags), gzipped, against the task pane's budget of 400 KB. Also which heavy libraries ended up in
 * that first download: ExcelJS and docx must not, for the task pane (the session imports the
 * exports lazily).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import webpack from 'webpack';

/** Task pane initial JavaScript, gzipped (1 KB = 1000 bytes, the stricter reading). */
export const BUDGET_GZIP = 400_000;
const HEAVY = ['exceljs', 'docx'];

/** The repository root, from bench/ (tsx, jest) or dist/bench/ (the compiled benchmarks). */
export const ROOT = (() => {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir))
    if (existsSync(path.join(dir, 'webpack.config.js'))) return dir;
  throw new Error(`webpack.config.js not found above ${__dirname}`);
})();

export interface PageSize {
  page: string;
  files: { file: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
  /** Heavy libraries among the page's initial modules. */
  heavy: string[];
}

type ConfigFactory = (
  env: Record<string, unknown>,
  argv: { mode: string },
) => Promise<webpack.Configuration>;

/** What a build put where: per entry point, its initial chunks and their modules' files. */
export interface BuildReport {
  initial: Record<string, { chunks: string[]; modules: string[] }>;
  /** Names of every named chunk, initial or lazy. */
  chunks: string[];
}

/** Module files, concatenated modules opened up, with forward slashes. */
function moduleFiles(modules: Iterable<webpack.Module>): string[] {
  const out: string[] = [];
  for (const m of modules) {
    const inner = (m as { modules?: webpack.Module[] }).modules;
    if (inner) out.push(...moduleFiles(inner));
    else out.push((m.nameForCondition() ?? m.identifier()).replace(/\\/g, '/'));
  }
  return out;
}

/** Runs the production build into `outDir`; fails on any compilation error. */
/** The production build of the add-in (dist-addin/'s files) into `outDir`. */
export function buildAddin(outDir: string): Promise<BuildReport> {
  return build({ target: 'addin', output: outDir });
}

/** The production build of the web app (dist-web/'s files: index.html, sw.js, thidua.html). */
export function buildWeb(outDir: string): Promise<BuildReport> {
  return build({ target: 'web', webOutput: outDir });
}

async function build(env: Record<string, string>): Promise<BuildReport> {
  const factory = (
    (await import(path.join(ROOT, 'webpack.config.js'))) as { default: ConfigFactory }
  ).default;
  const config = await factory({ WEBPACK_BUILD: true, ...env }, { mode: 'production' });
  const compiler = webpack({ ...config, mode: 'production', context: ROOT });
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    compiler.run((err, result) => {
      compiler.close(() => undefined);
      if (err || !result) reject(err ?? new Error('webpack returned no stats'));
      else resolve(result);
    }),
  );
  if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
  const { compilation } = stats;
  const initial: BuildReport['initial'] = {};
  for (const [name, entry] of compilation.entrypoints)
    initial[name] = {
      chunks: entry.chunks.flatMap((c) => (c.name ? [c.name] : [])),
      modules: entry.chunks.flatMap((c) =>
        moduleFiles(compilation.chunkGraph.getChunkModulesIterable(c)),
      ),
    };
  const chunks = [...compilation.chunks].flatMap((c) => (c.name ? [c.name] : []));
  return { initial, chunks };
}

/** The local scripts a built page loads, in order (Microsoft's CDN and the like excluded). */
export function pageScripts(outDir: string, page: string): string[] {
  const html = readFileSync(path.join(outDir, page), 'utf8');
  // The minified page may leave attribute values unquoted.
  return [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3]!)
    .filter((src) => !/^(https?:)?\/\//.test(src));
}

/** What `page` (whose bundle is `entry`) downloads before it runs, and which heavy libraries. */
export function pageSize(
  outDir: string,
  page: string,
  build: BuildReport,
  entry: string,
): PageSize {
  const files = pageScripts(outDir, page)
    .filter((src) => existsSync(path.join(outDir, src)))
    .map((file) => {
      const bytes = readFileSync(path.join(outDir, file));
      return { file, bytes: bytes.length, gzip: gzipSync(bytes).length };
    });
  const modules = build.initial[entry]?.modules ?? [];
  const heavy = HEAVY.filter((lib) => modules.some((m) => m.includes(`/node_modules/${lib}/`)));
  return {
    page,
    files,
    bytes: files.reduce((s, f) => s + f.bytes, 0),
    gzip: files.reduce((s, f) => s + f.gzip, 0),
    heavy,
  };
}

const kb = (n: number) => `${(n / 1000).toFixed(0)} KB`;

export async function benchBundle(): Promise<void> {
  const outDir = path.join(ROOT, 'dist-addin');
  const t0 = performance.now();
  const stats = await buildAddin(outDir);
  const seconds = (performance.now() - t0) / 1000;
  console.log(`\nBundle: production build to dist-addin/ in ${seconds.toFixed(0)} s`);
  for (const [page, entry] of [
    ['taskpane.html', 'taskpane'],
    ['web.html', 'web'],
  ] as const) {
    const size = pageSize(outDir, page, stats, entry);
    const budget =
      page === 'taskpane.html'
        ? `; budget ${kb(BUDGET_GZIP)}: ratio ${(size.gzip / BUDGET_GZIP).toFixed(2)}× (target ≤ 1.00×)`
        : ' (no budget: the web app; ExcelJS is in its worker, src/web/worker.ts)';
    console.log(
      `  ${page}: initial JavaScript ${kb(size.gzip)} gzipped (${kb(size.bytes)} raw, ${size.files.length} file${size.files.length === 1 ? '' : 's'})${budget}`,
    );
    console.log(`    heavy libraries in it: ${size.heavy.length ? size.heavy.join(', ') : 'none'}`);
  }
}
