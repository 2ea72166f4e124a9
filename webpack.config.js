/*
 * The add-in's build, after Microsoft's React task-pane template (Office-Addin-TaskPane-React):
 * the same entries, pages, asset copying and an https dev server on port 3000 with
 * office-addin-dev-certs. Differences, and why:
 *
 * - Two builds from one `npm run build` (`--env target=addin` or `--env target=web` for one):
 *   the add-in in dist-addin/ (task pane, commands, and the web app as web.html, which the pane
 *   offers where Excel cannot run it), and the web app in dist-web/: index.html with its chunks and
 *   a service worker (sw.js) for hosting, and thidua.html, the same app in ONE file with every
 *   script inlined and the icon as a data URI, that works from disk (file://) with no network.
 * - `--env web` serves the web app over plain http on localhost:3001 (`npm run web`): no
 *   certificates, since getHttpsServerOptions() installs a CA with sudo and throws where that is
 *   impossible.
 * - ts-loader transpiles only (`npm test` runs tsc) and emits ES modules, so the lazy
 *   `import('./exports')` of the session becomes its own chunk: ExcelJS and docx stay out of the
 *   task pane's first download. The budget (≤ 400 KB gzipped) is checked by `npm run bench` and by
 *   test/addin/bundle.test.ts on gzipped sizes, hence no webpack size hints (they count raw bytes).
 * - package.json says `"sideEffects": false` (no module of ours does anything on import but the
 *   entries): the layers' faces re-export whole folders, and webpack may then leave out what a
 *   door does not use (the app's face carries the exports, which bring docx and ExcelJS).
 * - ExcelJS and docx get chunks of their own, by name. ExcelJS ships minified (its browser build):
 *   minifying it again took over half of a 100-second build and saved under 1 %, so it is skipped.
 * - Production files carry a content hash: Office caches add-in pages aggressively.
 * - `--env output=DIR` and `--env webOutput=DIR` build elsewhere than dist-addin/ and dist-web/
 *   (the tests do).
 */
const path = require('node:path');
const { URL } = require('node:url');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
// webpack's own minimizer, resolved from webpack's folder (it is webpack's dependency, not ours).
const MinimizerPlugin = require(
  require.resolve('minimizer-webpack-plugin', {
    paths: [path.dirname(require.resolve('webpack/package.json'))],
  }),
);

const urlDev = 'https://localhost:3000/';
const OFFICE_JS = path.join(
  path.dirname(require.resolve('@microsoft/office-js/package.json')),
  'dist',
);
const WEB_PORT = 3001;
const pkg = require('./package.json');
const webpack = require('webpack');

/** The icon of the web app's pages as a data URI: the single file must not fetch it. */
const ICON = `data:image/png;base64,${require('node:fs')
  .readFileSync(path.join(__dirname, 'assets', 'icon-32.png'))
  .toString('base64')}`;

/** The version the web app shows: the package's, and the day it was built. */
const VERSION = `${pkg.version} (${new Date().toISOString().slice(0, 10)})`;

/**
 * The web app's Web Worker (src/web/worker.ts): an entry of its own, in ONE file with ExcelJS
 * inside (a worker started from a blob in the single offline file can load no other file), hence
 * left out of the chunks split off for the pages. Not minified: it is ExcelJS's minified build and
 * a little of ours.
 */
const WORKER = 'worker';
const pageChunk = (chunk) => chunk.name !== WORKER;

/** The worker entry's script file in a compilation. */
const workerFile = (compilation) =>
  compilation.entrypoints
    .get(WORKER)
    .getFiles()
    .find((f) => f.endsWith('.js'));

/**
 * Names the worker's file to the web app's page in `<script type="text/plain" id="thidua-worker"
 * data-src="…">`, which the browser does not run; src/web/worker-port.ts starts the worker from it.
 * A page that is to carry the worker's code inside instead is left to InlineScriptsPlugin.
 */
class WorkerScriptPlugin {
  constructor(pages, inline = []) {
    this.pages = pages;
    this.inline = inline;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap('WorkerScript', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('WorkerScript', (data) => {
        if (!this.pages.includes(data.outputName) || this.inline.includes(data.outputName))
          return data;
        data.bodyTags.unshift({
          tagName: 'script',
          voidTag: false,
          attributes: {
            type: 'text/plain',
            id: 'thidua-worker',
            'data-src': data.publicPath + workerFile(compilation),
          },
          meta: { plugin: 'WorkerScript' },
        });
        return data;
      });
    });
  }
}

/**
 * Inlines every script of the compilation into one page (`thidua.html`): the lazy chunks first,
 * which register themselves with webpack's runtime, then the entry's. `</script` inside a script
 * would end it early, so it is written `<\\/script` (the same string to JavaScript); source-map
 * links go (the page must ask for nothing), and the licences the minifier set apart come back as
 * one comment at the end of the page. The worker's code goes in as text the page does not run
 * (`<script type="text/plain" id="thidua-worker">`): the app starts it from a blob.
 */
class InlineScriptsPlugin {
  constructor(page) {
    this.page = page;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap('InlineScripts', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('InlineScripts', (data) => {
        if (data.outputName !== this.page) return data;
        const text = (file) => compilation.assets[file].source().toString();
        const script = (file, attributes = {}) => ({
          tagName: 'script',
          voidTag: false,
          attributes,
          innerHTML: text(file)
            .replace(/(^|\n)\/\/# sourceMappingURL=\S+/g, '$1')
            .replace(/<\/script/gi, '<\\/script'),
          meta: { plugin: 'InlineScripts' },
        });
        const entry = data.bodyTags
          .concat(data.headTags)
          .filter((t) => t.tagName === 'script' && t.attributes.src)
          .map((t) => decodeURIComponent(t.attributes.src));
        const files = Object.keys(compilation.assets);
        const worker = workerFile(compilation);
        const lazy = files.filter((f) => f.endsWith('.js') && !entry.includes(f) && f !== worker);
        const licences = files
          .filter((f) => f.endsWith('.LICENSE.txt'))
          .map((f) => text(f).replace(/--/g, '- -'))
          .join('\n');
        data.headTags = data.headTags.filter((t) => t.tagName !== 'script');
        data.bodyTags = [
          script(worker, { type: 'text/plain', id: 'thidua-worker' }),
          ...[...lazy, ...entry].map((f) => script(f)),
        ];
        if (licences)
          data.bodyTags.push({
            tagName: 'template',
            voidTag: false,
            attributes: { id: 'licences' },
            innerHTML: `<!--\n${licences}\n-->`,
            meta: { plugin: 'InlineScripts' },
          });
        return data;
      });
    });
  }
}

/**
 * Writes sw.js, a service worker that keeps every file of the hosted web app in the browser's
 * cache, so the app opens offline once it has been loaded over https. A new build is a new cache.
 */
class ServiceWorkerPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('ServiceWorker', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'ServiceWorker', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const files = Object.keys(compilation.assets).filter(
            (f) =>
              !f.endsWith('.map') &&
              !f.endsWith('.LICENSE.txt') &&
              f !== 'thidua.html' &&
              f !== 'sw.js',
          );
          const cache = `thidua-${compilation.hash}`;
          const code = `// The hosted web app's files, kept for working offline (webpack.config.js).
const CACHE = ${JSON.stringify(cache)};
const FILES = ${JSON.stringify(['./', ...files])};
self.addEventListener('install', (e) =>
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting())),
);
self.addEventListener('activate', (e) =>
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  ),
);
self.addEventListener('fetch', (e) => {
  if (e.request.method !== 'GET') return;
  e.respondWith(caches.match(e.request, { ignoreSearch: true }).then((r) => r || fetch(e.request)));
});
`;
          compilation.emitAsset('sw.js', new webpack.sources.RawSource(code));
        },
      );
    });
  }
}

async function getHttpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

/** office.js and its companion files, from the npm package, in place of Microsoft's CDN. */
const officeJsStatic = { directory: OFFICE_JS, publicPath: '/office-js', watch: false };

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === 'development';
  const serveWeb = Boolean(env.web);
  /** Where the production build will be hosted: the manifest's URLs are rewritten to it. */
  const urlProd = (process.env.ADDIN_URL || urlDev).replace(/\/?$/, '/');
  const page = (name, template, chunks, extra = {}) =>
    new HtmlWebpackPlugin({ filename: `${name}.html`, template, chunks, icon: ICON, ...extra });

  /** What every build shares: TypeScript, chunks, minifying, the version. */
  const common = (name, output, serviceWorker) => ({
    name,
    devtool: 'source-map',
    output: {
      path: path.resolve(__dirname, output),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              compilerOptions: { module: 'esnext', moduleResolution: 'node', sourceMap: true },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    optimization: {
      splitChunks: {
        cacheGroups: {
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: 'exceljs',
            chunks: pageChunk,
          },
          docx: { test: /[\\/]node_modules[\\/]docx[\\/]/, name: 'docx', chunks: pageChunk },
        },
      },
      minimizer: [new MinimizerPlugin({ exclude: /^(exceljs|worker)\./ })],
    },
    plugins: [
      new webpack.DefinePlugin({
        'process.env.THIDUA_VERSION': JSON.stringify(dev ? 'phát triển' : VERSION),
        'process.env.THIDUA_SW': JSON.stringify(serviceWorker && !dev ? 'sw.js' : ''),
      }),
    ],
  });

  const addin = common('addin', env.output || 'dist-addin', false);
  addin.entry = {
    taskpane: './src/taskpane/index.tsx',
    commands: './src/commands/commands.ts',
    web: './src/web/index.tsx',
    [WORKER]: './src/web/worker.ts',
  };
  addin.plugins.push(
    new CopyWebpackPlugin({
      patterns: [
        { from: 'assets', to: 'assets' },
        {
          from: 'manifest.xml',
          to: 'manifest.xml',
          transform(content) {
            if (dev) return content;
            // Page and icon URLs, then the AppDomain (an origin, without the path).
            return content
              .toString()
              .split(urlDev)
              .join(urlProd)
              .split(new URL(urlDev).origin)
              .join(new URL(urlProd).origin);
          },
        },
      ],
    }),
    page('taskpane', './src/taskpane/taskpane.html', ['taskpane']),
    page('commands', './src/commands/commands.html', ['commands']),
    page('web', './src/web/web.html', ['web']),
    new WorkerScriptPlugin(['web.html']),
  );
  addin.devServer = {
    hot: true,
    headers: { 'Access-Control-Allow-Origin': '*' },
    server: {
      type: 'https',
      // Only `webpack serve` (npm start, npm run dev-server) asks for the certificates.
      options: env.WEBPACK_SERVE && !serveWeb ? await getHttpsOptions() : {},
    },
    port: process.env.npm_package_config_dev_server_port || 3000,
    static: [officeJsStatic],
    devMiddleware: { index: 'taskpane.html' },
  };

  const web = common('web', env.webOutput || 'dist-web', true);
  web.entry = { web: './src/web/index.tsx', [WORKER]: './src/web/worker.ts' };
  // Chunks next to the page; inlined scripts have no src from which webpack could guess it.
  web.output.publicPath = '';
  web.plugins.push(
    page(serveWeb ? 'web' : 'index', './src/web/web.html', ['web']),
    new WorkerScriptPlugin(['web.html', 'index.html', 'thidua.html'], ['thidua.html']),
    ...(serveWeb
      ? []
      : [
          page('thidua', './src/web/web.html', ['web'], {
            inject: 'body',
            scriptLoading: 'blocking',
          }),
          new InlineScriptsPlugin('thidua.html'),
          new ServiceWorkerPlugin(),
        ]),
  );
  web.devServer = {
    server: 'http',
    host: 'localhost',
    port: Number(env.port) || WEB_PORT,
    devMiddleware: { index: 'web.html' },
    client: { overlay: { warnings: false } },
  };

  if (serveWeb || env.target === 'web') return web;
  // `webpack serve` without `--env web` is the add-in's https dev server (npm start).
  if (env.target === 'addin' || env.WEBPACK_SERVE) return addin;
  return [addin, web];
};
