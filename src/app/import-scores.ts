import type { EntryValue } from '../core/scoring/types';
import type { CompiledTemplate } from '../core/template/compile';
import type { ScoreRow } from '../workbook/csv';
import type { CellUpdate, CellValue } from '../workbook/grid';
import { address } from '../workbook/grid';
import { UNIT, unitSheetName } from '../workbook/layout';
import { unitSheetCells } from '../workbook/unit-sheet';

const cellValue = (v: EntryValue): CellValue => (typeof v === 'boolean' ? (v ? 'có' : 'không') : v);

/** The input cells validated score rows write: Tự chấm, Khối chấm, Minh chứng, Ghi chú of each item. */
export function planScoreUpdates(
  compiled: CompiledTemplate,
  rows: readonly ScoreRow[],
): CellUpdate[] {
  const cells = unitSheetCells(compiled);
  const updates: CellUpdate[] = [];
  for (const r of rows) {
    const sheet = unitSheetName(r.unitCode);
    const row = cells.row(r.code);
    const put = (column: number, value: CellValue) =>
      updates.push({ sheet, address: address(row, column), value });
    if (r.self !== undefined) put(UNIT.col.self, cellValue(r.self));
    if (r.verified !== undefined) put(UNIT.col.verified, cellValue(r.verified));
    if (r.evidence !== undefined) put(UNIT.col.evidence, r.evidence);
    if (r.reason !== undefined) put(UNIT.col.note, r.reason);
  }
  return updates;
}
