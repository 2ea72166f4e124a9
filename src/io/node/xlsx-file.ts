import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { InputError } from '../../workbook';
import { openXlsx, xlsxBytes, type XlsxWorkbook } from '../xlsx';

/** Reads an .xlsx file; a missing, empty or damaged file becomes an InputError naming it. */
export async function loadXlsx(file: string): Promise<XlsxWorkbook> {
  const name = path.basename(file);
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch {
    throw new InputError([
      {
        source: name,
        location: 'tệp',
        message: 'không mở được tệp (không tồn tại hoặc không có quyền đọc).',
      },
    ]);
  }
  return openXlsx(bytes, name);
}

/** Writes the workbook to a temporary file beside the target, then renames it over the target. */
export async function saveXlsx(workbook: XlsxWorkbook, file: string): Promise<void> {
  const tmp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await fs.writeFile(tmp, await xlsxBytes(workbook));
    await fs.rename(tmp, file);
  } finally {
    await fs.rm(tmp, { force: true });
  }
}
