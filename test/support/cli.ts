import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli/thidua';

/** Runs the `thidua` command in-process and captures what it prints. */
export async function thidua(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((s) => ((stdout += String(s)), true));
  const err = jest
    .spyOn(process.stderr, 'write')
    .mockImplementation((s) => ((stderr += String(s)), true));
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

export function checksum(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'csv');

/**
 * `thidua init` of the Khối Nội chính bloc of 2025 into `out`, from the fixtures' criteria and
 * units CSV unless other files are given; `more` options follow.
 */
export function initBloc(
  out: string,
  files: { criteria?: string; units?: string } = {},
  ...more: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  return thidua(
    'init',
    '--criteria',
    files.criteria ?? path.join(FIXTURES, 'criteria.csv'),
    '--units',
    files.units ?? path.join(FIXTURES, 'units.csv'),
    '--name',
    'Khối Nội chính',
    '--year',
    '2025',
    '-o',
    out,
    ...more,
  );
}
