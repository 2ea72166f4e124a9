#!/usr/bin/env node
/**
 * npm's pretest (and pretest:integration): the integration tier needs LibreOffice Calc (`soffice`)
 * and Chromium. Both there: nothing to do, nothing printed. Missing, on Debian/Ubuntu as root (a
 * container, CI): installs them with apt-get, saying so first. Missing anywhere else: stops at once
 * with the one command to run. There is no switch to skip them; `npm run test:unit` does not need
 * them. Plain Node, no dependency. Looks the tools up as test/support/tools.ts does.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGES = ['libreoffice-calc-nogui', 'chromium'];
export const INSTALL_COMMAND = `sudo apt-get install -y ${PACKAGES.join(' ')}`;

const NAMES = { soffice: 'LibreOffice Calc (soffice)', chromium: 'Chromium' };

/** The fields of /etc/os-release (KEY=value lines, values maybe quoted). */
export function parseOsRelease(text) {
  const fields = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) fields[m[1]] = m[2].replace(/^(["'])(.*)\1$/, '$2');
  }
  return fields;
}

export function isDebianLike(osRelease) {
  const ids = [osRelease.ID ?? '', ...(osRelease.ID_LIKE ?? '').split(/\s+/)];
  return ids.some((id) => id === 'debian' || id === 'ubuntu');
}

/**
 * What to do, from the facts alone: `missing` (tool names, 'soffice' and/or 'chromium'),
 * `osRelease` (parsed /etc/os-release, {} when there is none) and `uid` (undefined off POSIX).
 * Returns {action: 'none'}, {action: 'install', say, commands: [[file, args], …], env} or
 * {action: 'stop', message}.
 */
export function decide({ missing, osRelease, uid }) {
  if (missing.length === 0) return { action: 'none' };
  const names = missing.map((t) => NAMES[t] ?? t).join(', ');
  const head = `Thiếu / Missing: ${names} — needed by the integration tests (npm test).`;
  if (isDebianLike(osRelease) && uid === 0) {
    const install = ['install', '-y', '--no-install-recommends', ...PACKAGES];
    return {
      action: 'install',
      say: `${head}\nĐang cài / Installing (root, ${osRelease.ID}): apt-get update && apt-get ${install.join(' ')}`,
      commands: [
        ['apt-get', ['update']],
        ['apt-get', install],
      ],
      env: { DEBIAN_FRONTEND: 'noninteractive' },
    };
  }
  const how = isDebianLike(osRelease)
    ? `Chạy / Run: ${INSTALL_COMMAND}`
    : 'Cài LibreOffice Calc và Chromium bằng trình quản lý gói của hệ thống / Install LibreOffice ' +
      'Calc and Chromium with your package manager, so that `soffice` and `chromium` are on PATH ' +
      `(or set CHROMIUM_PATH). On Debian/Ubuntu: ${INSTALL_COMMAND}`;
  return {
    action: 'stop',
    message: `${head}\n${how}\nThen run npm test again. (npm run test:unit needs neither.)`,
  };
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(command, env) {
  return (env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .some((dir) => isExecutable(path.join(dir, command)));
}

/** The tools missing on this machine, looked up as test/support/tools.ts does. */
export function missingTools(env = process.env) {
  const missing = [];
  if (!onPath('soffice', env)) missing.push('soffice');
  const chromium = env.CHROMIUM_PATH
    ? isExecutable(env.CHROMIUM_PATH)
    : isExecutable('/usr/bin/chromium') || onPath('chromium', env);
  if (!chromium) missing.push('chromium');
  return missing;
}

function readOsRelease() {
  for (const file of ['/etc/os-release', '/usr/lib/os-release']) {
    try {
      return parseOsRelease(readFileSync(file, 'utf8'));
    } catch {
      // the next one, or none
    }
  }
  return {};
}

function main() {
  const facts = {
    missing: missingTools(),
    osRelease: readOsRelease(),
    uid: process.getuid?.(),
  };
  const plan = decide(facts);
  if (plan.action === 'none') return 0;
  if (plan.action === 'stop') {
    console.error(plan.message);
    return 1;
  }
  console.error(plan.say);
  for (const [file, args] of plan.commands) {
    const run = spawnSync(file, args, { stdio: 'inherit', env: { ...process.env, ...plan.env } });
    if (run.status !== 0) {
      console.error(`${file} ${args.join(' ')} failed (${run.error?.message ?? run.status}).`);
      return 1;
    }
  }
  const still = missingTools();
  if (still.length) {
    console.error(`Still missing after apt-get: ${still.map((t) => NAMES[t]).join(', ')}.`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main();
}
