import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { openXlsx, xlsxBytes, type XlsxWorkbook } from '../xlsx';
import { readInputFile } from './files';

/** Reads an .xlsx file; a missing, empty or damaged file becomes an InputError naming it. */
export async function loadXlsx(file: string): Promise<XlsxWorkbook> {
  const { name, bytes } = await readInputFile(file);
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
