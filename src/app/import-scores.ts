import { STATUS_LABELS, type SheetStatus } from '../core/bloc';
import type { EntryValue, ItemEntry } from '../core/scoring/types';
import type { CompiledTemplate } from '../core/template/compile';
import type { CellUpdate, CellValue, WorkbookPort } from '../workbook/grid';
import { address } from '../workbook/grid';
import { UNIT, unitSheetName } from '../workbook/layout';
import { InputError, type InputProblem } from '../workbook/problems';
import { unitLayout, unitSheetCells } from '../workbook/unit-formulas';
import { readScoresFile, type InputFile } from './inputs';
import { readBlocConfig } from './workbook-actions';

/** One item's values for one unit, with the line of its source (a CSV line, a sheet row). */
export interface ScoreInput extends ItemEntry {
  line: number;
  unitCode: string;
  code: string;
}

const cellValue = (v: EntryValue): CellValue => (typeof v === 'boolean' ? (v ? 'có' : 'không') : v);

/**
 * The input cells validated score rows write: Tự chấm, Khối chấm, Minh chứng, Ghi chú of each item.
 * A value aimed at a cell that takes none (a group, an alternative's row) is refused, whoever
 * produced the rows, so a locked cell of the sheet is never written.
 */
export function planScoreUpdates(
  compiled: CompiledTemplate,
  rows: readonly ScoreInput[],
  source = 'CSV',
): CellUpdate[] {
  const layout = unitLayout(compiled);
  const updates: CellUpdate[] = [];
  const problems: InputProblem[] = [];
  for (const r of rows) {
    const i = compiled.indexOf.get(r.code);
    const info = i === undefined ? undefined : layout.rows[i];
    const refuse = (message: string) =>
      problems.push({ source, location: `dòng ${r.line}`, code: r.code, message });
    if (!info) {
      refuse(`mã tiêu chí "${r.code}" không có trong bảng chấm điểm.`);
      continue;
    }
    const sheet = unitSheetName(r.unitCode);
    const put = (column: number, value: CellValue) =>
      updates.push({ sheet, address: address(info.row, column), value });
    if (r.self !== undefined || r.verified !== undefined) {
      if (info.input === 'none')
        refuse(`mục ${r.code} không nhập điểm (nhóm hoặc phương án của mục chọn).`);
      else {
        if (r.self !== undefined) put(UNIT.col.self, cellValue(r.self));
        if (r.verified !== undefined) put(UNIT.col.verified, cellValue(r.verified));
      }
    }
    if (r.evidence !== undefined || r.reason !== undefined) {
      if (!info.notes)
        refuse(`mục ${r.code} không ghi minh chứng, lý do (nhóm hoặc phương án của mục chọn).`);
      else {
        if (r.evidence !== undefined) put(UNIT.col.evidence, r.evidence);
        if (r.reason !== undefined) put(UNIT.col.note, r.reason);
      }
    }
  }
  if (problems.length) throw new InputError(problems);
  return updates;
}

/** The status cell of each unit: what a sheet verified elsewhere says, so it ranks for good. */
export function planStatusUpdates(
  compiled: CompiledTemplate,
  unitCodes: Iterable<string>,
  status: SheetStatus,
): CellUpdate[] {
  const cell = unitSheetCells(compiled).status;
  return [...new Set(unitCodes)].map((code) => ({
    sheet: unitSheetName(code),
    address: cell,
    value: STATUS_LABELS[status],
  }));
}

/**
 * Writes the scores of a file into the unit sheets: every row is checked first and one bad row
 * writes nothing; a unit whose sheet is gone (deleted, renamed) is refused the same way.
 */
export async function importScores(
  port: WorkbookPort,
  file: InputFile,
  options: { status?: SheetStatus } = {},
): Promise<{ rows: number; cells: number }> {
  const { bloc, compiled, sheetNames } = await readBlocConfig(port);
  const read = readScoresFile(file, { units: bloc.units, compiled });
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
  const names = new Set(sheetNames);
  const missing = [...new Set(updates.map((u) => u.sheet))].filter((s) => !names.has(s));
  if (missing.length)
    throw new InputError(
      missing.map((s) => ({
        source: s,
        location: 'trang tính',
        message: `không có trang đơn vị "${s}" (đã bị xóa hoặc đổi tên); không ghi gì.`,
      })),
    );
  await port.write({ replace: [], update: updates });
  return { rows: read.rows.length, cells: updates.length };
}
