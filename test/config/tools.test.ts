/**
 * The integration tier's tool check (test/support/tools.ts and the project's globalSetup), with a
 * made-up machine, and with PATH pointed away from the real one.
 */
import integrationSetup from '../support/integration-setup';
import {
  findTool,
  INSTALL_COMMAND,
  missingTools,
  missingToolsMessage,
  MissingToolsError,
  requireTool,
  type Lookup,
} from '../support/tools';

/** A machine where only `files` can be run. */
const machine = (env: Record<string, string>, ...files: string[]): Lookup => ({
  env,
  isExecutable: (f) => files.includes(f),
});

test('finds soffice on PATH, Chromium at CHROMIUM_PATH, /usr/bin/chromium or on PATH', () => {
  const both = machine({ PATH: '/opt/x:/usr/bin' }, '/usr/bin/soffice', '/usr/bin/chromium');
  expect(findTool('soffice', both)).toBe('/usr/bin/soffice');
  expect(findTool('chromium', both)).toBe('/usr/bin/chromium');
  expect(missingTools(undefined, both)).toEqual([]);
  expect(findTool('chromium', machine({ PATH: '/snap/bin' }, '/snap/bin/chromium'))).toBe(
    '/snap/bin/chromium',
  );
  const explicit = machine(
    { CHROMIUM_PATH: '/opt/c/chrome' },
    '/opt/c/chrome',
    '/usr/bin/chromium',
  );
  expect(findTool('chromium', explicit)).toBe('/opt/c/chrome');
});

test('an explicit CHROMIUM_PATH that is not there is missing, even with /usr/bin/chromium', () => {
  const lookup = machine({ CHROMIUM_PATH: '/nowhere/chrome' }, '/usr/bin/chromium');
  expect(missingTools(['chromium'], lookup)).toEqual(['chromium']);
  expect(missingToolsMessage(['chromium'], lookup)).toContain('CHROMIUM_PATH=/nowhere/chrome');
});

test('the message names what is missing, in Vietnamese and English, with the install command', () => {
  const none = machine({ PATH: '/usr/bin' });
  expect(missingTools(undefined, none)).toEqual(['soffice', 'chromium']);
  expect(missingToolsMessage(['soffice', 'chromium'], none)).toBe(
    [
      'Thiếu công cụ cho các bài kiểm thử tích hợp / Missing tools for the integration tests: ' +
        'LibreOffice Calc (`soffice` on PATH), Chromium (/usr/bin/chromium or `chromium` on PATH).',
      'Cài đặt / Install (Debian, Ubuntu): sudo apt-get install -y libreoffice-calc-nogui chromium',
      'Không cần chúng / Not needed by: npm run test:unit',
    ].join('\n'),
  );
  expect(INSTALL_COMMAND).toBe('sudo apt-get install -y libreoffice-calc-nogui chromium');
});

test('requireTool returns the path, or throws an error that is its message, without a trace', () => {
  expect(requireTool('soffice', machine({ PATH: '/usr/bin' }, '/usr/bin/soffice'))).toBe(
    '/usr/bin/soffice',
  );
  const error = (() => {
    try {
      requireTool('soffice', machine({ PATH: '/usr/bin' }, '/usr/bin/chromium'));
    } catch (e) {
      return e as MissingToolsError;
    }
  })();
  expect(error).toBeInstanceOf(MissingToolsError);
  expect(error!.missing).toEqual(['soffice']);
  expect(error!.message).toMatch(/^Thiếu .*: LibreOffice Calc \(`soffice` on PATH\)\.$/m);
  expect(error!.message).not.toContain('Chromium (');
  expect(error!.stack).toBe(error!.message);
});

describe('the integration globalSetup on this machine', () => {
  const saved = { PATH: process.env.PATH, CHROMIUM_PATH: process.env.CHROMIUM_PATH };
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  test('with PATH and CHROMIUM_PATH pointed away, fails naming both tools', () => {
    process.env.PATH = '/nonexistent';
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    expect(() => integrationSetup()).toThrow(
      'Missing tools for the integration tests: LibreOffice Calc (`soffice` on PATH), ' +
        'Chromium (CHROMIUM_PATH=/nonexistent/chromium).',
    );
  });
});
