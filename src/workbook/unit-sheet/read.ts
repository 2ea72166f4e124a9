import {
  parseStatus,
  STATUS_LABELS,
  type SheetStatus,
  type Submission,
  type Unit,
} from '../../core/bloc';
import type { EntryValue, ItemEntry, UnitSheet } from '../../core/scoring/types';
import type { CompiledTemplate } from '../../core/template/compile';
import { isoParts, serialToIso } from '../../core/text/dates';
import { formatDecimal, nfc } from '../../core/text/vietnamese';
import {
  address,
  columnLetter,
  parseAddress,
  type CellValue,
  type ReadValue,
  type SheetData,
} from '../grid';
import { NO, YES } from '../layout';
import type { InputProblem } from '../problems';
import { codesByNumber, UNIT, unitLayout, type UnitLayout, type UnitRow } from './layout';

/**
 * Reads a unit sheet back (docs/workbook-format.md, "Trang đơn vị"). Values come back as the live
 * formulas of the sheet see them, so that scoring what was read gives the numbers the workbook
 * shows: text in a numeric cell stays text (the formulas count it 0, so does the engine), TRUE/FALSE
 * in a numeric cell becomes 1/0 (as N() does), a knock-out cell that is neither có nor không counts
 * as không. Every doubtful value is also reported as a problem naming the sheet, the cell, the
 * criterion and the rule.
 */

export interface ReadUnitSheetInput {
  compiled: CompiledTemplate;
  unit: Unit;
}

export interface ReadUnitSheetResult {
  sheet: UnitSheet;
  submission: Submission;
  problems: InputProblem[];
}

const fmt = (n: number) => formatDecimal(n);
const C = UNIT.col;

/** How a raw cell value is shown in a message. */
function shown(v: CellValue): string {
  if (typeof v === 'string') return `"${v}"`;
  if (typeof v === 'number') return fmt(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return '(trống)';
}

const isError = (v: ReadValue | undefined): v is { error: string } =>
  v !== null && typeof v === 'object';

const isBlank = (v: ReadValue | undefined) => v === undefined || v === null || v === '';

export interface Interpreted {
  /** The entry value; absent when the cell means nothing (never for a non-blank cell today). */
  value?: EntryValue;
  /** What is wrong, without the rule (the caller appends "Mục X: rule."). */
  problem?: string;
}

/**
 * One non-blank, non-error input cell → the entry value the live formulas act on, and what is
 * wrong with it. Shared by the builder (to score a sheet as the workbook will hold it) and the reader.
 */
export function interpretInput(row: UnitRow, raw: CellValue): Interpreted {
  if (raw === null) return {};
  switch (row.input) {
    case 'none':
      return {};
    case 'points':
    case 'cases': {
      if (typeof raw === 'boolean')
        return {
          value: raw ? 1 : 0,
          problem: `${shown(raw)} là giá trị đúng/sai, không phải số (công thức tính là ${raw ? 1 : 0})`,
        };
      if (typeof raw === 'string')
        return {
          value: raw,
          problem: `${shown(raw)} là văn bản nên công thức của trang bỏ qua (tính 0); hãy nhập lại dưới dạng số`,
        };
      const v = raw === 0 ? 0 : raw;
      if (v < 0) return { value: v, problem: `số âm (${fmt(v)}) không hợp lệ, được tính là 0` };
      if (row.input === 'cases' && !Number.isInteger(v))
        return { value: v, problem: `số trường hợp ${fmt(v)} không phải số nguyên` };
      if (row.input === 'points' && row.max !== undefined && v > row.max)
        return {
          value: v,
          problem: `${fmt(v)} điểm vượt ${row.kind === 'base' ? 'điểm chuẩn' : 'mức tối đa'} ${fmt(row.max)}, chỉ được tính ${fmt(row.max)}`,
        };
      return { value: v };
    }
    case 'number':
      if (typeof raw === 'number') return { value: raw === 0 ? 0 : raw };
      if (typeof raw === 'string')
        return {
          value: raw,
          problem: `${shown(raw)} là văn bản nên công thức của trang bỏ qua; hãy nhập lại dưới dạng số`,
        };
      return { value: raw, problem: `${shown(raw)} là giá trị đúng/sai, không phải số` };
    case 'date': {
      if (typeof raw === 'number') {
        const iso = serialToIso(raw);
        return iso ? { value: iso } : { value: raw, problem: `${fmt(raw)} không phải một ngày` };
      }
      if (typeof raw === 'string') {
        if (isoParts(raw)) return { value: raw };
        return {
          value: raw,
          problem: `${shown(raw)} là văn bản, không phải ngày, nên công thức của trang bỏ qua; hãy nhập lại dưới dạng ngày`,
        };
      }
      return { value: raw, problem: `${shown(raw)} là giá trị đúng/sai, không phải ngày` };
    }
    case 'code': {
      if (typeof raw === 'string' && row.alternatives?.includes(raw)) return { value: raw };
      // "01" typed or picked from the list is stored by Excel as the number 1.
      const code =
        typeof raw === 'number' ? codesByNumber(row.alternatives ?? []).get(raw) : undefined;
      if (code !== undefined) return { value: code };
      return { value: raw, problem: `${shown(raw)} không phải mã phương án của mục này` };
    }
    case 'yesno': {
      if (typeof raw === 'boolean') return { value: raw };
      // As the formula does: LOWER() of the cell, compared without trimming or normalising.
      const word = String(raw).toLowerCase();
      if (YES.includes(word)) return { value: true };
      if (NO.includes(word)) return { value: false };
      return {
        value: false,
        problem: `${shown(raw)} không phải "có" hay "không", được tính là "không"`,
      };
    }
  }
}

/** Cell texts (evidence, reason) as strings; blank → undefined. */
function text(v: ReadValue | undefined): string | undefined {
  if (isBlank(v) || isError(v)) return undefined;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** The sheet being read, its layout, and the problems found so far. */
interface SheetReader {
  data: SheetData;
  layout: UnitLayout;
  problems: InputProblem[];
  cell(row: number, col: number): ReadValue;
  report(row: number, col: number, message: string, code?: string): void;
}

function sheetReader(data: SheetData, layout: UnitLayout): SheetReader {
  const problems: InputProblem[] = [];
  return {
    data,
    layout,
    problems,
    cell: (row, col) => data.values[row - 1]?.[col - 1] ?? null,
    report: (row, col, message, code) =>
      problems.push({
        source: data.name,
        location: `ô ${address(row, col)}`,
        ...(code !== undefined ? { code } : {}),
        message,
      }),
  };
}

/** Reads a unit sheet: entries, submission record and every problem found. */
export function readUnitSheet(data: SheetData, input: ReadUnitSheetInput): ReadUnitSheetResult {
  const { compiled: t, unit } = input;
  const sheet = sheetReader(data, unitLayout(t));
  checkUnitCode(sheet, unit);
  const status = readStatus(sheet);
  const submittedAt = readSubmittedAt(sheet);
  reportMerges(sheet);
  const shifted = reportShiftedRows(sheet);
  const skip = new Set(shifted.map((r) => r.row));
  const entries: Record<string, ItemEntry> = {};
  for (const r of sheet.layout.rows) {
    if (skip.has(r.row)) continue;
    const entry = readCriterionRow(sheet, r);
    if (Object.keys(entry).length) entries[r.code] = entry;
  }
  // Once rows have moved the totals rows are not where the layout says, so their errors mean nothing.
  if (shifted.length === 0) reportBrokenTotals(sheet);
  return {
    sheet: { unitCode: unit.code, entries },
    submission: { unitCode: unit.code, status, ...(submittedAt ? { submittedAt } : {}) },
    problems: sheet.problems,
  };
}

/** The unit code cell, not the sheet name, says whose sheet this is: it survives a rename or a copy. */
function checkUnitCode(sheet: SheetReader, unit: Unit): void {
  const codeCell = sheet.cell(UNIT.unitRow, UNIT.unitCodeCol);
  const codeText = isError(codeCell)
    ? codeCell.error
    : typeof codeCell === 'string'
      ? nfc(codeCell)
      : (text(codeCell) ?? '');
  if (codeText !== unit.code)
    sheet.report(
      UNIT.unitRow,
      UNIT.unitCodeCol,
      `mã đơn vị ghi ${codeText ? `"${codeText}"` : 'để trống'}, không phải "${unit.code}" (${unit.name}): trang đã bị đổi tên hoặc sao chép từ trang của đơn vị khác; hãy kiểm tra lại trang trước khi dùng số liệu.`,
    );
}

/** A cell of the status row, its error reported; blank → undefined. */
function statusRowCell(sheet: SheetReader, col: number, retype: string): CellValue | undefined {
  const v = sheet.cell(UNIT.statusRow, col);
  if (isError(v)) sheet.report(UNIT.statusRow, col, `ô có giá trị lỗi ${v.error}; hãy ${retype}.`);
  else if (!isBlank(v)) return v;
  return undefined;
}

function readStatus(sheet: SheetReader): SheetStatus {
  const statusCell = statusRowCell(sheet, UNIT.statusCol, 'chọn lại trạng thái');
  if (statusCell === undefined) return 'chua-nop';
  const found = parseStatus(String(statusCell));
  if (found) return found;
  sheet.report(
    UNIT.statusRow,
    UNIT.statusCol,
    `trạng thái ${shown(statusCell)} không có trong danh sách; chọn một trong: ${Object.values(STATUS_LABELS).join(', ')}.`,
  );
  return 'chua-nop';
}

function readSubmittedAt(sheet: SheetReader): string | undefined {
  const dateCell = statusRowCell(sheet, UNIT.dateCol, 'nhập lại ngày nộp');
  if (dateCell === undefined) return undefined;
  const iso =
    typeof dateCell === 'number'
      ? serialToIso(dateCell)
      : typeof dateCell === 'string' && isoParts(dateCell)
        ? dateCell
        : undefined;
  if (iso) return iso;
  sheet.report(
    UNIT.statusRow,
    UNIT.dateCol,
    typeof dateCell === 'string'
      ? `ngày nộp ${shown(dateCell)} là văn bản, không phải ngày; hãy nhập lại dưới dạng ngày (ngày/tháng/năm).`
      : `ngày nộp ${shown(dateCell)} không phải một ngày; hãy nhập ngày (ngày/tháng/năm).`,
  );
  return undefined;
}

/** A merged cell keeps only its top-left value: a merge in the criteria or totals rows hides input. */
function reportMerges({ data, layout, problems }: SheetReader): void {
  for (const merge of data.merges) {
    const [a, b = a] = merge.split(':') as [string, string?];
    const top = parseAddress(a).row;
    const bottom = parseAddress(b).row;
    if (bottom < layout.firstRow || top > layout.knockoutRow) continue;
    const r = Math.max(top, layout.firstRow);
    const row = layout.rows[r - layout.firstRow];
    problems.push({
      source: data.name,
      location: `ô ${merge}`,
      ...(row ? { code: row.code } : {}),
      message:
        'ô bị gộp (merge) trong vùng tiêu chí; hãy bỏ gộp ô để mỗi ô giữ giá trị của riêng nó.',
    });
  }
}

/**
 * The rows whose code cell is not the template's code for that row. The code column must list the
 * template's codes in order: anything else means rows were moved, and a moved row's cells would be
 * read as another criterion's, so these rows are not read. Reported once, at the first of them.
 */
function reportShiftedRows(sheet: SheetReader): UnitRow[] {
  const shifted = sheet.layout.rows.filter((r) => {
    const a = sheet.cell(r.row, C.code);
    return (typeof a === 'string' ? a : text(a)) !== r.code;
  });
  const first = shifted[0];
  if (first) {
    const a = sheet.cell(first.row, C.code);
    const found = isError(a) ? a.error : text(a);
    sheet.report(
      first.row,
      C.code,
      `cột ${columnLetter(C.code)} ${found === undefined ? 'để trống' : `ghi "${found}"`} nhưng theo bảng tiêu chí dòng ${first.row} phải là mục ${first.code}: có dòng đã bị chèn, xóa hoặc di chuyển. ${shifted.length} dòng không đúng vị trí chưa được đọc; hãy trả các dòng về đúng vị trí hoặc tạo lại trang.`,
      first.code,
    );
  }
  return shifted;
}

/** A blank or error self/verified cell gives no entry (the error is reported with the row's others). */
function readCriterionRow(sheet: SheetReader, r: UnitRow): ItemEntry {
  const rule = r.rule ? `Mục ${r.code}: ${r.rule}.` : undefined;
  reportErrorCells(sheet, r.row, rule, r.code);
  const entry: ItemEntry = {};
  if (r.input !== 'none') {
    for (const [col, key] of [
      [C.self, 'self'],
      [C.verified, 'verified'],
    ] as const) {
      const v = sheet.cell(r.row, col);
      if (isBlank(v) || isError(v)) continue;
      const got = interpretInput(r, v);
      if (got.problem) sheet.report(r.row, col, `${got.problem}. ${rule}`, r.code);
      if (got.value !== undefined) entry[key] = got.value;
    }
  }
  if (r.notes) {
    const evidence = text(sheet.cell(r.row, C.evidence));
    const reason = text(sheet.cell(r.row, C.note));
    if (evidence !== undefined) entry.evidence = evidence;
    if (reason !== undefined) entry.reason = reason;
  }
  return entry;
}

/** The totals rows hold formulas only: an error there is a broken formula. */
function reportBrokenTotals(sheet: SheetReader): void {
  for (let row = sheet.layout.totalRow; row <= sheet.layout.knockoutRow; row++)
    reportErrorCells(sheet, row);
}

/** Errors from the text column on: criterion rows pass their rule, for the message of a mistyped input. */
function reportErrorCells(sheet: SheetReader, row: number, rule?: string, code?: string): void {
  for (let col = C.text; col <= UNIT.lastColumn; col++) {
    const v = sheet.cell(row, col);
    if (isError(v)) sheet.report(row, col, errorMessage(sheet.data, row, col, v.error, rule), code);
  }
}

/**
 * An error in a formula cell (one that has a formula, or a column that only ever holds formulas)
 * cannot be fixed by retyping a value, so it asks for a fresh sheet; an error typed into an input
 * cell asks for the value again.
 */
function errorMessage(data: SheetData, row: number, col: number, error: string, rule?: string) {
  const header = UNIT.headers[col - 1];
  if (
    data.formulas[row - 1]?.[col - 1] !== undefined ||
    (col >= C.selfPoints && col <= C.difference) ||
    col > C.kind
  )
    return `ô công thức (cột ${header}) có lỗi ${error}: công thức của trang đã bị hỏng (thường do xóa, chèn hay dán đè ô); hãy tạo lại trang.`;
  return `ô có giá trị lỗi ${error}; hãy nhập lại giá trị.${rule ? ` ${rule}` : ''}`;
}
