import { ROLE_LABELS, type Unit, type UnitRole } from '../../core/bloc';
import { SHEET_NAME_FORBIDDEN, SHEET_NAME_MAX, sheetKey, SHEETS } from '../layout';
import type { InputProblem } from '../problems';
import { lineLabel, type TableSource } from './parse';
import { foldKey, unstorableText, openCsv, type ColumnSpec } from './table';
import { toCsv, type ToCsvOptions } from './write';

export const UNIT_COLUMNS = [
  { key: 'ma', aliases: ['mã', 'mã đơn vị', 'ma_don_vi'], required: true },
  { key: 'ten', aliases: ['tên', 'tên đơn vị', 'ten_don_vi'], required: true },
  { key: 'vai_tro', aliases: ['vai trò'] },
] as const satisfies readonly ColumnSpec<string>[];
type UnitColumn = (typeof UNIT_COLUMNS)[number]['key'];

const ROLE_BY_KEY = new Map<string, UnitRole>(
  (Object.entries(ROLE_LABELS) as [UnitRole, string][]).flatMap(([role, label]) => [
    [foldKey(role), role],
    [foldKey(label), role],
  ]),
);
const ROLE_HINT = Object.values(ROLE_LABELS).join(', ');

const RESERVED_SHEETS = new Map(
  [...Object.values(SHEETS), 'History'].map((name) => [sheetKey(name), name]),
);

/** Why a unit code cannot name its sheet in the workbook, else undefined. */
export function sheetNameProblem(code: string): string | undefined {
  if (SHEET_NAME_FORBIDDEN.test(code))
    return `mã đơn vị "${code}" không dùng được làm tên trang tính: không được chứa các ký tự [ ] : * ? / \\.`;
  if (code.length > SHEET_NAME_MAX)
    return `mã đơn vị "${code}" dài ${code.length} ký tự; tên trang tính tối đa ${SHEET_NAME_MAX} ký tự, hãy dùng mã ngắn hơn.`;
  if (code.startsWith("'") || code.endsWith("'"))
    return `mã đơn vị "${code}" không dùng được làm tên trang tính: không được bắt đầu hay kết thúc bằng dấu '.`;
  const reserved = RESERVED_SHEETS.get(sheetKey(code));
  if (reserved)
    return `mã đơn vị "${code}" trùng tên trang tính "${reserved}" của sổ tính; hãy đặt mã khác.`;
  return undefined;
}

/**
 * The bloc's member units: columns `ma, ten, vai_tro` (docs/csv-formats.md). The role is
 * truong-khoi / pho-truong-khoi / thanh-vien or its label ("Trưởng khối"…, any case, with or
 * without diacritics); empty means thanh-vien. Units are returned only when there is no problem.
 */
export function readUnitsCsv(
  source: TableSource,
  fileName: string,
): { units?: Unit[]; problems: InputProblem[] } {
  const { sheet, problems } = openCsv<UnitColumn>(source, fileName, UNIT_COLUMNS);
  if (!sheet) return { problems };
  const units: Unit[] = [];
  const codeLines = new Map<string, { code: string; line: number }>();
  const nameLines = new Map<string, { name: string; line: number }>();
  const leaders: number[] = [];
  for (const rec of sheet.records) {
    const fail = (message: string, code?: string) =>
      problems.push({
        source: fileName,
        location: lineLabel(rec.line),
        ...(code ? { code } : {}),
        message,
      });
    const code = sheet.text(rec, 'ma');
    const name = sheet.text(rec, 'ten');
    const roleText = sheet.text(rec, 'vai_tro');
    let ok = true;
    for (const [key, value, what] of [
      ['ma', code, 'mã đơn vị'],
      ['ten', name, 'tên đơn vị'],
    ] as const) {
      const unstorable = unstorableText(sheet.raw(rec, key));
      if (unstorable) {
        fail(`cột ${key}: ${unstorable}`);
        ok = false;
      } else if (!value) {
        fail(`thiếu ${what}.`);
        ok = false;
      }
    }
    if (code) {
      const invalid = sheetNameProblem(code);
      if (invalid) {
        fail(invalid);
        ok = false;
      }
      const seen = codeLines.get(sheetKey(code));
      if (seen) {
        const how =
          seen.code === code ? '' : ` ("${seen.code}"; tên trang tính không phân biệt hoa thường)`;
        fail(`mã đơn vị "${code}" trùng với dòng ${seen.line}${how}.`);
        ok = false;
      } else codeLines.set(sheetKey(code), { code, line: rec.line });
    }
    if (name) {
      // `nfc` makes a decomposed (NFD, macOS) copy of a name equal to the precomposed one.
      const key = name.toLocaleLowerCase('vi');
      const seen = nameLines.get(key);
      if (seen) {
        fail(`tên đơn vị "${name}" trùng với dòng ${seen.line}.`);
        ok = false;
      } else nameLines.set(key, { name, line: rec.line });
    }
    let role: UnitRole = 'thanh-vien';
    if (roleText) {
      const r = ROLE_BY_KEY.get(foldKey(roleText));
      if (!r) {
        fail(`vai trò "${roleText}" không hợp lệ (dùng: ${ROLE_HINT}; để trống là Thành viên).`);
        ok = false;
      } else role = r;
    }
    if (role === 'truong-khoi') {
      if (leaders.length)
        fail(
          `khối chỉ có một Trưởng khối, nhưng dòng ${leaders[0]} và dòng ${rec.line} đều là Trưởng khối.`,
        );
      leaders.push(rec.line);
    }
    if (ok) units.push({ code, name, role });
  }
  return problems.length ? { problems } : { units, problems };
}

/** Units as CSV text with the headers `ma, ten, vai_tro` (role labels in Vietnamese). */
export function unitsToCsv(units: readonly Unit[], options: ToCsvOptions = {}): string {
  return toCsv(
    [['ma', 'ten', 'vai_tro'], ...units.map((u) => [u.code, u.name, ROLE_LABELS[u.role]])],
    options,
  );
}
