import { promises as fs } from 'node:fs';
import path from 'node:path';
import { InputError } from '../../workbook';

/** A file's bytes with its name, for readers that name problems by file (the app's InputFile). */
export async function readInputFile(file: string): Promise<{ name: string; bytes: Uint8Array }> {
  const name = path.basename(file);
  try {
    return { name, bytes: await fs.readFile(file) };
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
