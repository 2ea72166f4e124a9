import type { SheetStatus } from '../core/bloc';
import type { WorkbookPort } from '../workbook/grid';
import { sheetFinder } from '../workbook/layout';
import { InputError } from '../workbook/problems';
import { planScoreUpdates, planStatusUpdates } from '../workbook/unit-sheet';
import { readScoresFile, type InputFile, type InputOptions } from './inputs';
import { readBlocConfig } from './workbook-actions';

/**
 * Writes the scores of a file into the unit sheets: every row is checked first and one bad row
 * writes nothing; a unit whose sheet is gone (deleted, renamed) is refused the same way.
 */
export async function importScores(
  port: WorkbookPort,
  file: InputFile,
  options: { status?: SheetStatus } & InputOptions = {},
): Promise<{ rows: number; cells: number; notes: string[] }> {
  const { bloc, compiled, sheetNames } = await readBlocConfig(port);
  const read = await readScoresFile(file, { units: bloc.units, compiled }, options);
  if (!read.rows) throw new InputError(read.problems);
  const updates = planScoreUpdates(compiled, read.rows, file.name);
  if (options.status)
    updates.push(
      ...planStatusUpdates(
        compiled,
        read.rows.map((r) => r.unitCode),
        options.status,
      ),
    );
  const exists = sheetFinder(sheetNames);
  const missing = [...new Set(updates.map((u) => u.sheet))].filter((s) => !exists(s));
  if (missing.length)
    throw new InputError(
      missing.map((s) => ({
        source: s,
        location: 'trang tính',
        message: `không có trang đơn vị "${s}" (đã bị xóa hoặc đổi tên); không ghi gì.`,
      })),
    );
  await port.write({ replace: [], update: updates });
  return { rows: read.rows.length, cells: updates.length, notes: read.notes };
}
