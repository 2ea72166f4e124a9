import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
