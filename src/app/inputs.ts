/**
 * Reading the files a person gives (criteria, units, scores, people, collectives) into rows or
 * problems, for every door: the CLI hands the bytes it read from disk, the task pane those of the
 * file picked. One reader per kind of file, so no door decodes or parses a file itself.
 *
 * A file is taken as offices write it (docs/csv-formats.md): CSV or tab-separated text in UTF-8,
 * UTF-16 or Windows-1258, or a spreadsheet (.xlsx: its first sheet, or the one named) with the same
 * columns. What was understood beyond plain UTF-8 CSV comes back as `notes`, one line each.
 */
import { type BlocSettings, fromLegacy, legacyEncoding, type Template } from '../core';
import type { ReadValue } from '../workbook/grid';
import { address } from '../workbook/grid';
import {
  baseName,
  decodeText,
  ENCODING_LABEL,
  parseCsv,
  readCollectivesCsv,
  readCriteriaCsv,
  readPeopleCsv,
  readScoresCsv,
  readSettingsJson,
  readUnitsCsv,
  sheetKey,
  type CsvTable,
  type PeopleContext,
  type ReadCriteriaOptions,
  type ScoresContext,
} from '../workbook';
import { InputError, type InputProblem } from '../workbook/problems';

/** A file a person gave: its name (for messages) and its bytes. */
export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

export interface InputOptions {
  /** For a spreadsheet: the sheet to read (any case); default the first sheet. */
  sheet?: string;
}

/** What every reader adds to its result: how the file was understood, when that is worth saying. */
export interface InputNotes {
  notes: string[];
}

/** A table read from a file, named as its problems will name it. */
interface InputTable {
  table: CsvTable;
  source: string;
  notes: string[];
}

/** What the file pickers offer: the text files and spreadsheets the readers take. */
export const INPUT_FILE_TYPES = '.csv,.txt,.tsv,.xlsx,text/csv,text/plain';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const isSpreadsheet = (bytes: Uint8Array) => ZIP_MAGIC.every((b, i) => bytes[i] === b);

/** The file's text in whatever encoding it came, with a note when it was not UTF-8. */
export function inputText(file: InputFile): { text: string; notes: string[] } {
  const { text, encoding } = decodeText(file.bytes);
  const notes =
    encoding === 'utf-8' ? [] : [`${file.name}: đọc theo bảng mã ${ENCODING_LABEL[encoding]}.`];
  return { text, notes };
}

/** A cell of a sheet as the text a CSV of it would hold; errors (#REF!…) are refused by cell. */
function cellText(value: ReadValue): string | { error: string } {
  if (value === null) return '';
  if (typeof value === 'object') return value;
  if (typeof value === 'boolean') return value ? 'có' : 'không';
  return String(value);
}

/** The sheet's used cells as a table whose line numbers are the sheet's row numbers. */
async function spreadsheetTable(file: InputFile, options: InputOptions): Promise<InputTable> {
  const { openXlsx } = await import('../io/xlsx/xlsx-workbook');
  const workbook = await openXlsx(file.bytes, file.name);
  const { sheetNames } = await workbook.read([]);
  const wanted = options.sheet?.normalize('NFC');
  const name = wanted ? sheetNames.find((s) => sheetKey(s) === sheetKey(wanted)) : sheetNames[0];
  if (name === undefined)
    throw new InputError([
      {
        source: file.name,
        location: 'trang tính',
        message: wanted
          ? `không có trang "${options.sheet}" (sổ tính có: ${sheetNames.join(', ')}).`
          : 'sổ tính không có trang nào.',
      },
    ]);
  const { sheets } = await workbook.read([name]);
  const source = `${file.name} (trang ${name})`;
  const problems: InputProblem[] = [];
  const rows: string[][] = [];
  const lines: number[] = [];
  (sheets[0]?.values ?? []).forEach((values, r) => {
    const cells = values.map((v, c) => {
      const text = cellText(v ?? null);
      if (typeof text === 'string') return text.normalize('NFC');
      problems.push({
        source,
        location: `ô ${address(r + 1, c + 1)}`,
        message: `ô có lỗi ${text.error}; hãy sửa ô (hoặc công thức của nó) trong sổ tính rồi thử lại.`,
      });
      return '';
    });
    if (cells.every((c) => c.trim() === '')) return;
    rows.push(cells);
    lines.push(r + 1);
  });
  if (!rows.length)
    problems.push({ source, location: 'dòng 1', message: 'trang trống, không có dữ liệu.' });
  // Cells typed in a .VnTime or VNI-Times font hold their letters as Latin-1 ones.
  const legacy = legacyEncoding(rows.map((cells) => cells.join('\t')).join('\n'));
  if (legacy) rows.forEach((cells, i) => (rows[i] = cells.map((c) => fromLegacy(c, legacy))));
  // A sheet's title ("BẢNG ĐIỂM…", often merged across) stands above the header in one cell;
  // every kind of file has at least two columns, so the header is the first row with two cells.
  const title = rows.findIndex((cells) => cells.filter((c) => c.trim() !== '').length > 1);
  const skipped = title > 0 ? lines.slice(0, title) : [];
  const table: CsvTable = {
    rows: rows.slice(skipped.length),
    lines: lines.slice(skipped.length),
    delimiter: '\t',
    problems,
  };
  const which =
    sheetNames.length > 1 && !wanted
      ? `đọc trang đầu tiên "${name}" (sổ tính có ${sheetNames.length} trang)`
      : `đọc trang "${name}"`;
  const titleRows = skipped.length
    ? `; bỏ qua ${skipped.length === 1 ? `dòng ${skipped[0]}` : `các dòng ${skipped.join(', ')}`} phía trên dòng tiêu đề cột`
    : '';
  const encoding = legacy ? `; chữ theo bảng mã ${ENCODING_LABEL[legacy]}` : '';
  return { table, source, notes: [`${file.name}: ${which}${titleRows}${encoding}.`] };
}

/** The file as a table: a spreadsheet by its content (whatever its name), else text. */
async function inputTable(file: InputFile, options: InputOptions = {}): Promise<InputTable> {
  if (isSpreadsheet(file.bytes)) return spreadsheetTable(file, options);
  const { text, notes } = inputText(file);
  return { table: parseCsv(text, file.name), source: file.name, notes };
}

/** Reads a file with one of the table readers, adding what was understood of the file. */
async function readWith<R>(
  file: InputFile,
  options: InputOptions | undefined,
  read: (table: CsvTable, source: string) => R,
): Promise<R & InputNotes> {
  const input = await inputTable(file, options);
  const result = read(input.table, input.source);
  return { ...result, notes: [...input.notes, ...((result as Partial<InputNotes>).notes ?? [])] };
}

export const readCriteriaFile = (file: InputFile, options?: ReadCriteriaOptions & InputOptions) =>
  readWith(file, options, (table, source) =>
    // The title defaults to the file's name, not to the sheet's place in it.
    readCriteriaCsv(table, source, { title: baseName(file.name), ...options }),
  );

export const readUnitsFile = (file: InputFile, options?: InputOptions) =>
  readWith(file, options, readUnitsCsv);

export const readScoresFile = (file: InputFile, context: ScoresContext, options?: InputOptions) =>
  readWith(file, options, (table, source) => readScoresCsv(table, source, context));

export const readPeopleFile = (file: InputFile, context: PeopleContext, options?: InputOptions) =>
  readWith(file, options, (table, source) => readPeopleCsv(table, source, context));

export const readCollectivesFile = (
  file: InputFile,
  context: PeopleContext,
  options?: InputOptions,
) => readWith(file, options, (table, source) => readCollectivesCsv(table, source, context));

/** A settings file (JSON, docs/settings.md) over the bloc's current settings. */
export const readSettingsFile = (file: InputFile, template: Template, base: BlocSettings) =>
  readSettingsJson(inputText(file).text, file.name, template, base);
