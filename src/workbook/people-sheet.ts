import type { Bloc } from '../core/bloc';
import { TITLE_LABELS, type Collective, type Person } from '../core/quota';
import {
  collectiveRow,
  COLLECTIVE_COLUMNS,
  PEOPLE_COLUMNS,
  personRow,
  readCollectivesTable,
  readPeopleTable,
  type CsvTable,
} from './csv';
import type { ReadValue, SheetData, SheetSpec } from './grid';
import { emptySheet } from './grid';
import { SHEETS, TABLES } from './layout';
import type { InputProblem } from './problems';
import { withRowHeights } from './row-heights';
import { headerStyle } from './styles';

const PEOPLE_HEADER_ROW = 4;
const COLLECTIVES_LABEL = 'Tập thể';

/**
 * Column headers in Vietnamese. Each is one of the column's aliases, so the CSV readers take the
 * table back as they take the CSV keys (don_vi, ho_ten, …).
 */
const HEADER_LABELS: Readonly<Record<string, string>> = {
  don_vi: 'Đơn vị',
  ho_ten: 'Họ và tên',
  chuc_vu: 'Chức vụ',
  lanh_dao: 'Lãnh đạo',
  so_thang: 'Số tháng công tác',
  ngay_nghi: 'Số ngày nghỉ',
  ky_luat: 'Kỷ luật',
  hoan_thanh_nhiem_vu: 'Hoàn thành nhiệm vụ',
  de_nghi: 'Danh hiệu đề nghị',
  lich_su: 'Danh hiệu các năm trước',
};
const label = (key: string) => HEADER_LABELS[key] ?? key;

/**
 * Danh sách cá nhân: the people and collectives the quota checks count, as two tables people can
 * edit and filter, with the same columns as the CSV files (docs/csv-formats.md).
 */
export function buildPeopleSheet(
  bloc: Bloc,
  people: readonly Person[],
  collectives: readonly Collective[],
): SheetSpec {
  const spec = emptySheet(SHEETS.people, 'people');
  const legend = Object.entries(TITLE_LABELS)
    .map(([code, label]) => `${code} = ${label}`)
    .join('; ');
  spec.cells[0] = [
    { v: `DANH SÁCH CÁ NHÂN, TẬP THỂ ĐỀ NGHỊ KHEN THƯỞNG NĂM ${bloc.year} — ${bloc.name}` },
  ];
  spec.cells[1] = [{ v: `Mã danh hiệu: ${legend}. Danh hiệu các năm trước ghi "năm:mã; năm:mã".` }];
  spec.cells[PEOPLE_HEADER_ROW - 1] = PEOPLE_COLUMNS.map((c) => ({ v: label(c.key) }));
  const peopleRows = people.length ? people.map(personRow) : [PEOPLE_COLUMNS.map(() => null)];
  peopleRows.forEach((r, i) => (spec.cells[PEOPLE_HEADER_ROW + i] = r.map((v) => ({ v }))));
  const peopleEnd = PEOPLE_HEADER_ROW + peopleRows.length;
  const collectivesHeader = peopleEnd + 3;
  spec.cells[collectivesHeader - 2] = [{ v: COLLECTIVES_LABEL }];
  spec.cells[collectivesHeader - 1] = COLLECTIVE_COLUMNS.map((c) => ({ v: label(c.key) }));
  const collectiveRows = collectives.length
    ? collectives.map(collectiveRow)
    : [COLLECTIVE_COLUMNS.map(() => null)];
  collectiveRows.forEach((r, i) => (spec.cells[collectivesHeader + i] = r.map((v) => ({ v }))));
  for (let i = 0; i < spec.cells.length; i++) spec.cells[i] ??= [];
  spec.tables = [
    { name: TABLES.people, range: `A${PEOPLE_HEADER_ROW}:J${peopleEnd}` },
    {
      name: TABLES.collectives,
      range: `A${collectivesHeader}:C${collectivesHeader + collectiveRows.length}`,
    },
  ];
  const collectivesEnd = collectivesHeader + collectiveRows.length;
  // The legend is long: it wraps across the width of the people table.
  spec.merges = ['A2:J2'];
  spec.styles = [
    { range: 'A1', bold: true, fontSize: 14 },
    { range: 'A2', italic: true, fontColor: 'FF595959', wrap: true, vAlign: 'top' },
    headerStyle(`A${PEOPLE_HEADER_ROW}:J${PEOPLE_HEADER_ROW}`),
    { range: `A${PEOPLE_HEADER_ROW + 1}:J${peopleEnd}`, border: true, vAlign: 'top' },
    { range: `A${PEOPLE_HEADER_ROW + 1}:A${peopleEnd}`, hAlign: 'center' },
    { range: `D${PEOPLE_HEADER_ROW + 1}:I${peopleEnd}`, hAlign: 'center' },
    { range: `J${PEOPLE_HEADER_ROW + 1}:J${peopleEnd}`, wrap: true },
    { range: `A${collectivesHeader - 1}`, bold: true, fontSize: 13 },
    headerStyle(`A${collectivesHeader}:C${collectivesHeader}`),
    { range: `A${collectivesHeader + 1}:C${collectivesEnd}`, border: true, vAlign: 'top' },
    { range: `A${collectivesHeader + 1}:B${collectivesEnd}`, hAlign: 'center' },
    { range: `C${collectivesHeader + 1}:C${collectivesEnd}`, wrap: true },
  ];
  spec.columnWidths = [10, 26, 26, 10, 11, 10, 9, 12, 12, 30];
  spec.frozen = { rows: PEOPLE_HEADER_ROW, columns: 2 };
  spec.print = {
    landscape: true,
    fitToWidth: true,
    titleRows: [PEOPLE_HEADER_ROW, PEOPLE_HEADER_ROW],
  };
  return withRowHeights(spec);
}

const text = (v: ReadValue | undefined): string =>
  v === null || v === undefined ? '' : typeof v === 'object' ? v.error : String(v);

/** Rows from `from` (0-based) to the first blank row, as a table whose lines are sheet rows. */
function tableAt(data: SheetData, from: number): CsvTable {
  const rows: string[][] = [];
  const lines: number[] = [];
  for (let r = from; r < data.values.length; r++) {
    const cells = (data.values[r] ?? []).map(text);
    if (r > from && cells.every((c) => c.trim() === '')) break;
    rows.push(cells);
    lines.push(r + 1);
  }
  return { rows, lines, delimiter: ',', problems: [] };
}

/** Reads the people and collectives back, with the CSV readers' rules and messages. */
export function readPeopleSheet(
  data: SheetData,
  bloc: Bloc,
): { people: Person[]; collectives: Collective[]; problems: InputProblem[] } {
  const ctx = { units: bloc.units };
  const collectivesAt = data.values.findIndex((row) => text(row?.[0]) === COLLECTIVES_LABEL);
  const peopleTable = tableAt(data, PEOPLE_HEADER_ROW - 1);
  const hasPeople = peopleTable.rows.slice(1).some((r) => r.some((c) => c.trim() !== ''));
  const people = hasPeople
    ? readPeopleTable(peopleTable, data.name, ctx)
    : { people: [], problems: [] };
  const collectives =
    collectivesAt >= 0 &&
    tableAt(data, collectivesAt + 1)
      .rows.slice(1)
      .some((r) => r.some((c) => c.trim() !== ''))
      ? readCollectivesTable(tableAt(data, collectivesAt + 1), data.name, ctx)
      : { collectives: [], problems: [] };
  return {
    people: people.people ?? [],
    collectives: collectives.collectives ?? [],
    problems: [...people.problems, ...collectives.problems],
  };
}
