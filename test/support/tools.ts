import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/**
 * The machine's tools the integration tier needs: LibreOffice Calc (`soffice` on PATH, the
 * formula-parity engine) and Chromium (CHROMIUM_PATH, else /usr/bin/chromium, else `chromium` on
 * PATH; the browser of the end-to-end tests). When one is missing the tests fail with one message
 * naming it and the command that installs both — they are never skipped.
 * scripts/ensure-test-tools.mjs (npm's pretest) looks them up the same way.
 */
export const INSTALL_COMMAND = 'sudo apt-get install -y libreoffice-calc-nogui chromium';

export type ToolName = 'soffice' | 'chromium';

/** Where to look: the environment (PATH, CHROMIUM_PATH) and whether a file can be run. */
export interface Lookup {
  env: Record<string, string | undefined>;
  isExecutable(file: string): boolean;
}

export const SYSTEM: Lookup = {
  env: process.env,
  isExecutable(file) {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
};

function onPath(command: string, lookup: Lookup): string | undefined {
  for (const dir of (lookup.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, command);
    if (lookup.isExecutable(file)) return file;
  }
  return undefined;
}

/** The path of the tool, or undefined when it is not there. */
export function findTool(tool: ToolName, lookup: Lookup = SYSTEM): string | undefined {
  if (tool === 'soffice') return onPath('soffice', lookup);
  // An explicit CHROMIUM_PATH is the one used, or none.
  const explicit = lookup.env.CHROMIUM_PATH;
  if (explicit) return lookup.isExecutable(explicit) ? explicit : undefined;
  if (lookup.isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium';
  return onPath('chromium', lookup);
}

function describeTool(tool: ToolName, lookup: Lookup): string {
  if (tool === 'soffice') return 'LibreOffice Calc (`soffice` on PATH)';
  const explicit = lookup.env.CHROMIUM_PATH;
  return explicit
    ? `Chromium (CHROMIUM_PATH=${explicit})`
    : 'Chromium (/usr/bin/chromium or `chromium` on PATH)';
}

export function missingTools(
  tools: readonly ToolName[] = ['soffice', 'chromium'],
  lookup: Lookup = SYSTEM,
): ToolName[] {
  return tools.filter((t) => findTool(t, lookup) === undefined);
}

/** The message for missing tools, in Vietnamese and English, with the command to install them. */
export function missingToolsMessage(missing: readonly ToolName[], lookup: Lookup = SYSTEM): string {
  const names = missing.map((t) => describeTool(t, lookup)).join(', ');
  return [
    `Thiếu công cụ cho các bài kiểm thử tích hợp / Missing tools for the integration tests: ${names}.`,
    `Cài đặt / Install (Debian, Ubuntu): ${INSTALL_COMMAND}`,
    'Không cần chúng / Not needed by: npm run test:unit',
  ].join('\n');
}

/** An error whose stack is its message: jest and Node then print the message, not a trace. */
export class MissingToolsError extends Error {
  constructor(
    readonly missing: readonly ToolName[],
    lookup: Lookup = SYSTEM,
  ) {
    super(missingToolsMessage(missing, lookup));
    this.name = 'MissingToolsError';
    this.stack = this.message;
  }
}

/** Throws MissingToolsError naming every missing one of `tools`. */
export function requireTools(tools: readonly ToolName[], lookup: Lookup = SYSTEM): void {
  const missing = missingTools(tools, lookup);
  if (missing.length) throw new MissingToolsError(missing, lookup);
}

/** The path of the tool; throws MissingToolsError when it is not there. */
export function requireTool(tool: ToolName, lookup: Lookup = SYSTEM): string {
  const found = findTool(tool, lookup);
  if (found === undefined) throw new MissingToolsError([tool], lookup);
  return found;
}
