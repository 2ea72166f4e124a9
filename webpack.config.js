/*
 * The add-in's build, after Microsoft's React task-pane template (Office-Addin-TaskPane-React):
 * the same entries, pages, asset copying and an https dev server on port 3000 with
 * office-addin-dev-certs. Differences, and why:
 *
 * - `--env preview` builds only the browser preview and serves it over plain http on
 *   localhost:3001 (`npm run preview`): no certificates, since getHttpsServerOptions() installs a CA
 *   with sudo and throws where that is impossible. office.js comes from @microsoft/office-js,
 *   served locally at /office-js/ (the whole dist/: office.js loads companion files from its folder).
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
 * - `--env output=DIR` builds elsewhere than dist-addin/ (the bundle test does).
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
const PREVIEW_PORT = 3001;

async function getHttpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

/** office.js and its companion files, from the npm package, in place of Microsoft's CDN. */
const officeJsStatic = { directory: OFFICE_JS, publicPath: '/office-js', watch: false };

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === 'development';
  const preview = Boolean(env.preview);
  /** Where the production build will be hosted: the manifest's URLs are rewritten to it. */
  const urlProd = (process.env.ADDIN_URL || urlDev).replace(/\/?$/, '/');
  const page = (name, template, chunks) =>
    new HtmlWebpackPlugin({ filename: `${name}.html`, template, chunks });

  const config = {
    devtool: 'source-map',
    entry: preview
      ? { preview: './src/preview/index.tsx' }
      : {
          taskpane: './src/taskpane/index.tsx',
          commands: './src/commands/commands.ts',
          preview: './src/preview/index.tsx',
        },
    output: {
      path: path.resolve(__dirname, env.output || 'dist-addin'),
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
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: 'exceljs', chunks: 'all' },
          docx: { test: /[\\/]node_modules[\\/]docx[\\/]/, name: 'docx', chunks: 'all' },
        },
      },
      minimizer: [new MinimizerPlugin({ exclude: /^exceljs\./ })],
    },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          ...(preview
            ? []
            : [
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
              ]),
        ],
      }),
      ...(preview
        ? []
        : [
            page('taskpane', './src/taskpane/taskpane.html', ['taskpane']),
            page('commands', './src/commands/commands.html', ['commands']),
          ]),
      page('preview', './src/preview/preview.html', ['preview']),
    ],
    devServer: preview
      ? {
          server: 'http',
          host: 'localhost',
          port: Number(env.port) || PREVIEW_PORT,
          static: [officeJsStatic],
          devMiddleware: { index: 'preview.html' },
          client: { overlay: { warnings: false } },
        }
      : {
          hot: true,
          headers: { 'Access-Control-Allow-Origin': '*' },
          server: {
            type: 'https',
            // Only `webpack serve` (npm start, npm run dev-server) asks for the certificates.
            options: env.WEBPACK_SERVE ? await getHttpsOptions() : {},
          },
          port: process.env.npm_package_config_dev_server_port || 3000,
          static: [officeJsStatic],
          devMiddleware: { index: 'taskpane.html' },
        },
  };
  return config;
};
