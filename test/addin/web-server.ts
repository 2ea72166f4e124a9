/**
 * Starts the web app as `npm run web` does (webpack.config.js with `--env web`:
 * plain http on localhost, office.js from @microsoft/office-js at /office-js/), on a free port,
 * for end-to-end tests and screenshots. No certificates are involved.
 */
import { createServer } from 'node:net';
import path from 'node:path';
import webpack from 'webpack';
import WebpackDevServer from 'webpack-dev-server';
import { ROOT } from '../../bench/bundle';

export interface WebServer {
  /** The web app's page, e.g. http://localhost:43121/web.html */
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

export async function startWebServer(): Promise<WebServer> {
  const factory = (
    (await import(path.join(ROOT, 'webpack.config.js'))) as { default: ConfigFactory }
  ).default;
  const port = await freePort();
  const config = await factory({ WEBPACK_SERVE: true, web: true, port }, { mode: 'development' });
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
    compiler.hooks.done.tap('thidua-web', (stats) =>
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
    url: `http://localhost:${port}/web.html`,
    stop: () => server.stop(),
  };
}
