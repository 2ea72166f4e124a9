/**
 * Starts the browser preview as `npm run preview` does (webpack.config.js with `--env preview`:
 * plain http on localhost, office.js from @microsoft/office-js at /office-js/), on a free port,
 * for end-to-end tests and screenshots. No certificates are involved.
 */
import { createServer } from 'node:net';
import path from 'node:path';
import webpack from 'webpack';
import WebpackDevServer from 'webpack-dev-server';
import { ROOT } from '../../bench/bundle';

export interface PreviewServer {
  /** The preview page, e.g. http://localhost:43121/preview.html */
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, 'localhost', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

type ConfigFactory = (
  env: Record<string, unknown>,
  argv: { mode: string },
) => Promise<webpack.Configuration & { devServer: WebpackDevServer.Configuration }>;

export async function startPreview(): Promise<PreviewServer> {
  const factory = (
    (await import(path.join(ROOT, 'webpack.config.js'))) as { default: ConfigFactory }
  ).default;
  const port = await freePort();
  const config = await factory(
    { WEBPACK_SERVE: true, preview: true, port },
    { mode: 'development' },
  );
  // One build, not watched: a test's page should not be rebuilt or reloaded under it.
  const compiler = webpack({
    ...config,
    mode: 'development',
    context: ROOT,
    watchOptions: { ignored: '**/*' },
    // Only errors in the test output (a failed build rejects with them below).
    stats: 'errors-only',
    infrastructureLogging: { level: 'error' },
  });
  const built = new Promise<void>((resolve, reject) =>
    compiler.hooks.done.tap('thidua-preview', (stats) =>
      stats.hasErrors() ? reject(new Error(stats.toString('errors-only'))) : resolve(),
    ),
  );
  const server = new WebpackDevServer(
    { ...config.devServer, port, hot: false, liveReload: false, client: false },
    compiler,
  );
  await server.start();
  try {
    await built;
  } catch (e) {
    await server.stop();
    throw e;
  }
  return {
    url: `http://localhost:${port}/preview.html`,
    stop: () => server.stop(),
  };
}
