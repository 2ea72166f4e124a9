import { foldKey } from '../csv/table';
import { columnLetter } from '../grid';
import type { PastedRecord } from './records';

export type Column = 'code' | 'text' | 'base' | 'bonus' | 'penalty' | 'note';

const COLUMN_LABELS: Readonly<Record<Column, string>> = {
  code: 'STT',
  text: 'Nội dung',
  base: 'Điểm chuẩn',
  bonus: 'Thưởng',
  penalty: 'Trừ',
  note: 'Ghi chú',
};

/** The columns holding points, in the order they are read. */
export const POINT_COLUMNS: readonly Column[] = ['base', 'bonus', 'penalty'];

/** The column a header cell names (folded: no case, no diacritics, no punctuation). */
function headerColumn(cell: string, subHeader = false): Column | undefined {
  const k = foldKey(cell);
  if (!k) return undefined;
  if (['stt', 'tt', 'sott', 'so', 'ma', 'maso', 'matieuchi', 'mamuc'].includes(k)) return 'code';
  if (/^(noidung|tieuchi|tieuchuan|cactieuchi)/.test(k)) return 'text';
  if (/^(diemthuong|diemcong|thuong|cong$|congdiem)/.test(k)) return 'bonus';
  if (/^(diemtru|tru$|trudiem)/.test(k)) return 'penalty';
  if (/^(diemchuan|diemtoida|thangdiem|sodiem|diemquydinh|diem$|diemchuantoida)/.test(k))
    return 'base';
  if (subHeader && /^(chuan|toida)/.test(k)) return 'base';
  if (/^(ghichu|cachcham|cachtinh|huongdan)/.test(k)) return 'note';
  return undefined;
}

export interface Header {
  /** Index of the header record. */
  at: number;
  /** Index of the first data record. */
  dataFrom: number;
  columns: Map<Column, number>;
  labels: Map<number, string>;
}

function mapHeader(cells: readonly string[], subHeader = false): Map<Column, number> {
  const columns = new Map<Column, number>();
  cells.forEach((c, i) => {
    const col = headerColumn(c, subHeader);
    if (col && !columns.has(col)) columns.set(col, i);
  });
  return columns;
}

/** The header among the first records: a row naming STT and Nội dung, maybe over a sub-header row. */
export function findHeader(records: readonly PastedRecord[]): Header | undefined {
  for (let at = 0; at < Math.min(records.length, 15); at++) {
    const cells = records[at]!.cells;
    const columns = mapHeader(cells);
    if (!columns.has('code') || !columns.has('text')) continue;
    const labels = new Map<number, string>(cells.map((c, i) => [i, c]));
    let dataFrom = at + 1;
    // A merged "Điểm" over "Chuẩn | Thưởng | Trừ" on the next row.
    const next = records[at + 1]?.cells;
    if (next && !next[columns.get('code')!] && !next[columns.get('text')!]) {
      const sub = mapHeader(next, true);
      const points = POINT_COLUMNS.filter((c) => sub.has(c));
      if (points.length) {
        for (const c of points) {
          const i = sub.get(c)!;
          columns.set(c, i);
          labels.set(i, [cells[i], next[i]].filter(Boolean).join(' '));
        }
        dataFrom = at + 2;
      }
    }
    return { at, dataFrom, columns, labels };
  }
  return undefined;
}

/** The cell of a record under a column ('' when the header has no such column). */
export type RowCells = (column: Column) => string;

export function rowCells(header: Header, record: PastedRecord): RowCells {
  return (column) => {
    const i = header.columns.get(column);
    return i === undefined ? '' : (record.cells[i] ?? '');
  };
}

/** Where a cell is, for problems: "dòng 4, cột C (Điểm chuẩn)". */
export type CellPlace = (line: number, column: Column) => string;

export function cellPlace(header: Header): CellPlace {
  return (line, column) => {
    const i = header.columns.get(column)!;
    return `dòng ${line}, cột ${columnLetter(i + 1)} (${header.labels.get(i) || COLUMN_LABELS[column]})`;
  };
}
