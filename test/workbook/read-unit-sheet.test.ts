import { scoreUnit } from '../../src/core/scoring/score';
import { compileTemplate } from '../../src/core/template/compile';
import { SAMPLE_BLOC, SAMPLE_SHEETS, SAMPLE_SUBMISSIONS } from '../../src/sample';
import {
  parseAddress,
  type ReadValue,
  type SheetData,
  type SheetSpec,
} from '../../src/workbook/grid';
import { describeProblem } from '../../src/workbook/problems';
import { buildUnitSheet, readUnitSheet } from '../../src/workbook/unit-sheet';
import { serialToIso } from '../../src/core/text/dates';

const compiled = compileTemplate(SAMPLE_BLOC.template);
const unitOf = (code: string) => SAMPLE_BLOC.units.find((u) => u.code === code)!;

/** SheetSpec → SheetData as an adapter would read it back: values from `v`, formulas from `f`. */
function toSheetData(spec: SheetSpec): SheetData {
  return {
    name: spec.name,
    values: spec.cells.map((row) => row.map((c) => c.v ?? null)),
    formulas: spec.cells.map((row) => row.map((c) => c.f)),
    merges: [...spec.merges],
  };
}

function sampleData(unitCode: string): SheetData {
  return toSheetData(
    buildUnitSheet({
      bloc: SAMPLE_BLOC,
      compiled,
      unit: unitOf(unitCode),
      sheet: SAMPLE_SHEETS.find((s) => s.unitCode === unitCode)!,
      submission: SAMPLE_SUBMISSIONS.find((s) => s.unitCode === unitCode)!,
    }),
  );
}

function set(data: SheetData, a1: string, v: ReadValue) {
  const { row, column } = parseAddress(a1);
  const r = (data.values[row - 1] ??= []);
  r[column - 1] = v;
}

const read = (data: SheetData, unitCode = 'CAT') =>
  readUnitSheet(data, { compiled, unit: unitOf(unitCode) });

/** The problems of a CAT sheet changed by `edit`, as people see them. */
function problemsAfter(edit: (d: SheetData) => void): string[] {
  const data = sampleData('CAT');
  edit(data);
  return read(data).problems.map(describeProblem);
}

describe('readUnitSheet: round trip of the sample', () => {
  it.each(SAMPLE_SHEETS.map((s) => s.unitCode))(
    '%s: entries and submission come back exactly and score the same',
    (code) => {
      const original = SAMPLE_SHEETS.find((s) => s.unitCode === code)!;
      const got = read(sampleData(code), code);
      expect(got.problems).toEqual([]);
      expect(got.sheet).toEqual(original);
      expect(got.submission).toEqual(SAMPLE_SUBMISSIONS.find((s) => s.unitCode === code));
      const before = scoreUnit(compiled, original);
      const after = scoreUnit(compiled, got.sheet);
      expect([after.self, after.verified, after.knockedOut]).toEqual([
        before.self,
        before.verified,
        before.knockedOut,
      ]);
    },
  );

  it('reads dates typed into date cells (serial numbers) and labels in any case', () => {
    const data = sampleData('THADS');
    set(data, 'F7', 45687); // 30/01/2025
    set(data, 'G7', 45698.75); // 10/02/2025, with a time
    set(data, 'I3', 46006); // 15/12/2025
    set(data, 'B3', 'đã NỘP');
    set(data, 'F67', 'CÓ');
    set(data, 'G67', 0);
    const got = read(data, 'THADS');
    expect(got.problems).toEqual([]);
    expect(got.sheet.entries['1.1']).toMatchObject({ self: '2025-01-30', verified: '2025-02-10' });
    expect(got.sheet.entries['KXL.1']).toMatchObject({ self: true, verified: false });
    expect(got.submission).toEqual({
      unitCode: 'THADS',
      status: 'da-nop',
      submittedAt: '2025-12-15',
    });
  });

  it('leaves blank cells out and reads a blank sheet as an empty one', () => {
    const spec = buildUnitSheet({ bloc: SAMPLE_BLOC, compiled, unit: unitOf('STP') });
    const got = read(toSheetData(spec), 'STP');
    expect(got).toEqual({
      sheet: { unitCode: 'STP', entries: {} },
      submission: { unitCode: 'STP', status: 'chua-nop' },
      problems: [],
    });
  });

  it('converts serial days to ISO dates', () => {
    expect(serialToIso(45688)).toBe('2025-01-31');
    expect(serialToIso(45689)).toBe('2025-02-01');
    expect(serialToIso(0)).toBeUndefined();
    expect(serialToIso(3e6)).toBeUndefined();
  });
});

describe('readUnitSheet: problems name the sheet, the cell, the criterion and the rule', () => {
  it('a unit code that does not match (a renamed or copied sheet)', () => {
    expect(problemsAfter((d) => set(d, 'I2', 'BCHQS'))).toEqual([
      'CAT, ô I2: mã đơn vị ghi "BCHQS", không phải "CAT" (Công an tỉnh): trang đã bị đổi tên hoặc sao chép từ trang của đơn vị khác; hãy kiểm tra lại trang trước khi dùng số liệu.',
    ]);
  });

  it('rows moved: codes in column A out of template order, and the moved rows are not read', () => {
    const data = sampleData('CAT');
    const [r11, r12] = [data.values[10]!, data.values[11]!];
    data.values[10] = r12;
    data.values[11] = r11;
    const got = read(data);
    expect(got.problems.map(describeProblem)).toEqual([
      'CAT, ô A11 (tiêu chí 1.2.1): cột A ghi "1.3" nhưng theo bảng tiêu chí dòng 11 phải là mục 1.2.1: có dòng đã bị chèn, xóa hoặc di chuyển. 2 dòng không đúng vị trí chưa được đọc; hãy trả các dòng về đúng vị trí hoặc tạo lại trang.',
    ]);
    expect(got.sheet.entries['1.2.1']).toBeUndefined();
    expect(got.sheet.entries['1.3']).toBeUndefined();
    expect(got.sheet.entries['1.2']).toEqual({ self: 4, verified: 4 });
  });

  it('a row deleted: column A left blank at the end', () => {
    const data = sampleData('CAT');
    data.values.splice(20, 1);
    const problems = read(data).problems.map(describeProblem);
    expect(problems).toEqual([
      'CAT, ô A21 (tiêu chí 2.1.1.1): cột A ghi "2.1.1.2" nhưng theo bảng tiêu chí dòng 21 phải là mục 2.1.1.1: có dòng đã bị chèn, xóa hoặc di chuyển. 48 dòng không đúng vị trí chưa được đọc; hãy trả các dòng về đúng vị trí hoặc tạo lại trang.',
    ]);
  });

  it('a merged cell in the criteria area', () => {
    expect(problemsAfter((d) => d.merges.push('B12:C12'))).toEqual([
      'CAT, ô B12:C12 (tiêu chí 1.3): ô bị gộp (merge) trong vùng tiêu chí; hãy bỏ gộp ô để mỗi ô giữ giá trị của riêng nó.',
    ]);
  });

  it('error values in an input cell and in formula cells', () => {
    expect(
      problemsAfter((d) => {
        set(d, 'F10', { error: '#VALUE!' });
        set(d, 'H10', { error: '#REF!' });
        set(d, 'I69', { error: '#REF!' });
      }),
    ).toEqual([
      'CAT, ô F10 (tiêu chí 1.2): ô có giá trị lỗi #VALUE!; hãy nhập lại giá trị. Mục 1.2: nhập điểm đạt từ 0 đến 4.',
      'CAT, ô H10 (tiêu chí 1.2): ô công thức (cột Điểm tự chấm) có lỗi #REF!: công thức của trang đã bị hỏng (thường do xóa, chèn hay dán đè ô); hãy tạo lại trang.',
      'CAT, ô I69: ô công thức (cột Điểm khối chấm) có lỗi #REF!: công thức của trang đã bị hỏng (thường do xóa, chèn hay dán đè ô); hãy tạo lại trang.',
    ]);
  });

  it('a number typed as text, kept as text since the formulas count it 0', () => {
    const data = sampleData('CAT');
    set(data, 'F12', '9,5');
    const got = read(data);
    expect(got.problems.map(describeProblem)).toEqual([
      'CAT, ô F12 (tiêu chí 1.3): "9,5" là văn bản nên công thức của trang bỏ qua (tính 0); hãy nhập lại dưới dạng số. Mục 1.3: nhập điểm đạt từ 0 đến 6.',
    ]);
    expect(got.sheet.entries['1.3']).toEqual({ self: '9,5', verified: 6 });
  });

  it('a negative value', () => {
    expect(problemsAfter((d) => set(d, 'F11', -1))).toEqual([
      'CAT, ô F11 (tiêu chí 1.2.1): số âm (-1) không hợp lệ, được tính là 0. Mục 1.2.1: nhập số trường hợp (số nguyên ≥ 0).',
    ]);
  });

  it('points above the base', () => {
    expect(problemsAfter((d) => set(d, 'F10', 5))).toEqual([
      'CAT, ô F10 (tiêu chí 1.2): 5 điểm vượt điểm chuẩn 4, chỉ được tính 4. Mục 1.2: nhập điểm đạt từ 0 đến 4.',
    ]);
  });

  it('a number of cases that is not whole', () => {
    expect(problemsAfter((d) => set(d, 'G13', 2.5))).toEqual([
      'CAT, ô G13 (tiêu chí 1.3.1): số trường hợp 2,5 không phải số nguyên. Mục 1.3.1: nhập số trường hợp (số nguyên ≥ 0).',
    ]);
  });

  it('an unknown alternative code', () => {
    expect(problemsAfter((d) => set(d, 'F14', '1.4.d'))).toEqual([
      'CAT, ô F14 (tiêu chí 1.4): "1.4.d" không phải mã phương án của mục này. Mục 1.4: chọn một phương án: 1.4.a, 1.4.b, 1.4.c.',
    ]);
  });

  it('a knock-out value other than có/không, read as không like the formula does', () => {
    const data = sampleData('CAT');
    set(data, 'G67', 'abc');
    const got = read(data);
    expect(got.problems.map(describeProblem)).toEqual([
      'CAT, ô G67 (tiêu chí KXL.1): "abc" không phải "có" hay "không", được tính là "không". Mục KXL.1: chọn "có" hoặc "không".',
    ]);
    expect(got.sheet.entries['KXL.1']).toEqual({ self: false, verified: false });
  });

  it('a date typed as text', () => {
    expect(problemsAfter((d) => set(d, 'F7', '10/01/2025'))).toEqual([
      'CAT, ô F7 (tiêu chí 1.1): "10/01/2025" là văn bản, không phải ngày, nên công thức của trang bỏ qua; hãy nhập lại dưới dạng ngày. Mục 1.1: nhập ngày (ngày/tháng/năm) để chọn mức.',
    ]);
    expect(problemsAfter((d) => set(d, 'I3', '08/12/2025'))).toEqual([
      'CAT, ô I3: ngày nộp "08/12/2025" là văn bản, không phải ngày; hãy nhập lại dưới dạng ngày (ngày/tháng/năm).',
    ]);
  });

  it('a measure typed as text', () => {
    expect(problemsAfter((d) => set(d, 'G35', '2.350 hồ sơ'))).toEqual([
      'CAT, ô G35 (tiêu chí 2.3.1.1): "2.350 hồ sơ" là văn bản nên công thức của trang bỏ qua; hãy nhập lại dưới dạng số. Mục 2.3.1.1: nhập số liệu (số).',
    ]);
  });

  it('TRUE typed into a numeric cell, read as 1 like N() does', () => {
    const data = sampleData('CAT');
    set(data, 'F51', true);
    const got = read(data);
    expect(got.problems.map(describeProblem)).toEqual([
      'CAT, ô F51 (tiêu chí 3.1): TRUE là giá trị đúng/sai, không phải số (công thức tính là 1). Mục 3.1: nhập điểm đạt từ 0 đến 10.',
    ]);
    expect(got.sheet.entries['3.1']).toEqual({ self: 1, verified: 10 });
  });

  it('an unknown status, read as chưa nộp', () => {
    const data = sampleData('CAT');
    set(data, 'B3', 'Đã duyệt');
    const got = read(data);
    expect(got.problems.map(describeProblem)).toEqual([
      'CAT, ô B3: trạng thái "Đã duyệt" không có trong danh sách; chọn một trong: Chưa nộp, Đã nộp, Đã thẩm định.',
    ]);
    expect(got.submission).toEqual({
      unitCode: 'CAT',
      status: 'chua-nop',
      submittedAt: '2025-12-08',
    });
  });

  it('lists several problems in sheet order', () => {
    const problems = problemsAfter((d) => {
      set(d, 'F59', 'bảy');
      set(d, 'I2', 'X');
      set(d, 'F10', 4.5);
    });
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'CAT, ô I2',
      'CAT, ô F10 (tiêu chí 1.2)',
      'CAT, ô F59 (tiêu chí 4.2.1)',
    ]);
  });
});
