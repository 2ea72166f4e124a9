import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { requireTool } from '../support/tools';

/**
 * Debian's Chromium (`npx playwright install` cannot download here): CHROMIUM_PATH, else
 * /usr/bin/chromium, else `chromium` on PATH; the error naming it and its install command if none.
 */
export const chromiumPath = () => requireTool('chromium');

/**
 * Flags headless Chromium needs as root here: no sandbox (root), and none of its background
 * connections, which a closed network refuses many at a time and which slow every start.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Runs `use` in a fresh headless Chromium profile (a new user-data-dir, removed afterwards), so no
 * cache or cookie of an earlier run changes what a page shows.
 */
export async function withChromium<T>(use: (context: BrowserContext) => Promise<T>): Promise<T> {
  const profile = mkdtempSync(path.join(tmpdir(), 'thidua-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    return await use(context);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
