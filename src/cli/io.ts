import { promises as fs } from 'node:fs';
import path from 'node:path';
import { InputError } from '../workbook/problems';

/** Exit codes of the `thidua` command. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Progress for long runs goes to stderr, so stdout stays clean for --json and pipes. */
export function progress(message: string): void {
  if (process.env.THIDUA_QUIET !== '1') process.stderr.write(`… ${message}\n`);
}

/** Reads a text file for a reader that names problems by file name. */
export async function readText(file: string): Promise<{ text: string; name: string }> {
  const name = path.basename(file);
  try {
    const bytes = await fs.readFile(file);
    return { text: new TextDecoder('utf-8').decode(bytes), name };
  } catch {
    throw new InputError([
      {
        source: name,
        location: 'tệp',
        message: 'không mở được tệp (không tồn tại hoặc không có quyền đọc).',
      },
    ]);
  }
}

export async function exists(file: string): Promise<boolean> {
  return fs
    .access(file)
    .then(() => true)
    .catch(() => false);
}

/** Writes a file through a temporary name, so a failure never leaves half a file. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(tmp, data);
  await fs.rename(tmp, file);
}
