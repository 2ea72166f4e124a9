/**
 * The pure planning of cell updates into a unit sheet: the input cells that score rows write, and
 * the status cell. The actions that read the workbook and write these updates are in src/app.
 */
import { STATUS_LABELS, type SheetStatus } from '../../core/bloc';
import type { EntryValue, ItemEntry } from '../../core/scoring/types';
import type { CompiledTemplate } from '../../core/template/compile';
import { address, type CellUpdate, type CellValue } from '../grid';
import { InputError, type InputProblem } from '../problems';
import { UNIT, unitLayout, unitSheetCells, unitSheetName } from './layout';

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
