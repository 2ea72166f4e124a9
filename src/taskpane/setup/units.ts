import { ROLE_LABELS, type Unit, type UnitRole, nfc } from '../../core';
import { unstorableText, sheetNameProblem, type InputProblem } from '../../workbook';

/** A unit as typed in the editor. */
export interface UnitDraft {
  code: string;
  name: string;
  role: UnitRole;
}

export const UNITS_SOURCE = 'Danh sách đơn vị';

export interface UnitErrors {
  code?: string;
  name?: string;
  role?: string;
}

/**
 * The same rules as readUnitsCsv (docs/csv-formats.md), for the editor: a code that can name a
 * sheet (sheetNameProblem), no control character, no two codes equal ignoring case (Excel sheet
 * names), no two equal names, at most one Trưởng khối. Units are returned only without problems.
 */
export function checkUnits(drafts: readonly UnitDraft[]): {
  units?: Unit[];
  problems: InputProblem[];
  errors: UnitErrors[];
} {
  const problems: InputProblem[] = [];
  const errors: UnitErrors[] = drafts.map(() => ({}));
  const fail = (i: number, field: keyof UnitErrors, message: string) => {
    errors[i]![field] ??= message;
    problems.push({ source: UNITS_SOURCE, location: `đơn vị thứ ${i + 1}`, message });
  };
  if (!drafts.length)
    problems.push({
      source: UNITS_SOURCE,
      location: 'danh sách',
      message: 'chưa có đơn vị nào: hãy thêm các đơn vị thành viên của khối.',
    });
  const codes = new Map<string, number>();
  const names = new Map<string, number>();
  let leader: number | undefined;
  drafts.forEach((d, i) => {
    const code = nfc(d.code);
    const name = nfc(d.name);
    const unstorableCode = unstorableText(d.code);
    const unstorableName = unstorableText(d.name);
    if (!code) fail(i, 'code', 'thiếu mã đơn vị.');
    else if (unstorableCode) fail(i, 'code', `mã đơn vị: ${unstorableCode}`);
    else {
      const bad = sheetNameProblem(code);
      if (bad) fail(i, 'code', bad);
      const key = code.toLocaleLowerCase('vi');
      const seen = codes.get(key);
      if (seen !== undefined)
        fail(
          i,
          'code',
          `mã đơn vị "${code}" trùng với đơn vị thứ ${seen + 1} (tên trang tính không phân biệt hoa thường).`,
        );
      else codes.set(key, i);
    }
    if (!name) fail(i, 'name', 'thiếu tên đơn vị.');
    else if (unstorableName) fail(i, 'name', `tên đơn vị: ${unstorableName}`);
    else {
      const key = name.toLocaleLowerCase('vi');
      const seen = names.get(key);
      if (seen !== undefined)
        fail(i, 'name', `tên đơn vị "${name}" trùng với đơn vị thứ ${seen + 1}.`);
      else names.set(key, i);
    }
    if (!(d.role in ROLE_LABELS)) fail(i, 'role', 'vai trò không hợp lệ.');
    if (d.role === 'truong-khoi') {
      if (leader !== undefined)
        fail(
          i,
          'role',
          `khối chỉ có một Trưởng khối, nhưng đơn vị thứ ${leader + 1} và đơn vị thứ ${i + 1} đều là Trưởng khối.`,
        );
      else leader = i;
    }
  });
  if (problems.length) return { problems, errors };
  return {
    units: drafts.map((d) => ({ code: nfc(d.code), name: nfc(d.name), role: d.role })),
    problems,
    errors,
  };
}
