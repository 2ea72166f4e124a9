import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { loadXlsx } from '../../src/io/node';
import { SHEETS } from '../../src/workbook/layout';
import { billionLaughsSheet, deflated, partsOf, zeros, zipOf } from './hostile-packages';

/**
 * Workbook-level bad inputs, made at test time from a good bloc workbook (init + import of
 * test/fixtures/csv/). Each case copies the good file and breaks it the way a person could in
 * Excel; the list is documented in test/fixtures/bad/workbook-cases.md.
 *
 * Rows of the unit sheets for test/fixtures/csv/criteria.csv (criterion i on row 6 + i).
 */
export const ROW = {
  '1.1': 7, // choice banded on dates (F takes a date)
  '1.2': 10, // base item, base 4
  '1.2.1': 11, // penalty with a rate (F takes a number of cases)
  '1.4': 14, // choice by code (1.4.a, 1.4.b, 1.4.c)
  '2.1.1': 20, // base item, base 10
  'KXL.1': 67, // knock-out (có / không)
} as const;

export type Command = 'rank' | 'quota' | 'export';

export interface WorkbookCase {
  /** File name of the broken copy (messages about the file name it). */
  file: string;
  /** What a person did, for the test title. */
  title: string;
  /** Breaks `file`, a copy of the good workbook (or writes it from scratch). */
  make(file: string, good: string): Promise<void> | void;
  /** Fragments the message on stderr must contain (sheet and cell, or the file). */
  expect: string[];
  /** Commands to run on the broken file; every one must refuse it. */
  commands: Command[];
}

/** Loads an .xlsx with the toolkit's own loader, lets `edit` change it with ExcelJS, saves it. */
export async function editXlsx(
  file: string,
  edit: (wb: ExcelJS.Workbook) => void | Promise<void>,
): Promise<void> {
  const wb = await loadXlsx(file);
  await edit(wb.workbook);
  await wb.workbook.xlsx.writeFile(file);
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name} in the good workbook`);
  return ws;
}

/** Copies the good workbook, then sets one cell of one sheet. */
function setCell(sheetName: string, address: string, value: ExcelJS.CellValue) {
  return async (file: string, good: string) => {
    copyFileSync(good, file);
    await editXlsx(file, (wb) => {
      sheet(wb, sheetName).getCell(address).value = value;
    });
  };
}

function editCopy(edit: (wb: ExcelJS.Workbook) => void) {
  return async (file: string, good: string) => {
    copyFileSync(good, file);
    await editXlsx(file, edit);
  };
}

const ALL: Command[] = ['rank', 'quota', 'export'];

export const WORKBOOK_CASES: readonly WorkbookCase[] = [
  {
    file: 'chu-trong-o-diem.xlsx',
    title: 'a word ("mười") in a score cell',
    make: setCell('CAT', `F${ROW['1.2']}`, 'mười'),
    expect: [
      `CAT, ô F${ROW['1.2']}`,
      '"mười" là văn bản nên công thức của trang bỏ qua (tính 0); hãy nhập lại dưới dạng số',
      'Mục 1.2: nhập điểm đạt từ 0 đến 4',
    ],
    commands: ALL,
  },
  {
    file: 'so-thap-phan-dang-van-ban.xlsx',
    title: '"9,5" typed as text in a base item cell',
    make: setCell('CAT', `G${ROW['2.1.1']}`, '9,5'),
    expect: [
      `CAT, ô G${ROW['2.1.1']}`,
      '"9,5" là văn bản nên công thức của trang bỏ qua',
      'Mục 2.1.1: nhập điểm đạt từ 0 đến 10',
    ],
    commands: ['rank'],
  },
  {
    file: 'diem-am.xlsx',
    title: 'a negative score',
    make: setCell('CAT', `F${ROW['1.2']}`, -1),
    expect: [`CAT, ô F${ROW['1.2']}`, 'số âm (-1) không hợp lệ, được tính là 0'],
    commands: ['rank'],
  },
  {
    file: 'vuot-diem-chuan.xlsx',
    title: 'points above the base',
    make: setCell('CAT', `G${ROW['1.2']}`, 5),
    expect: [`CAT, ô G${ROW['1.2']}`, '5 điểm vượt điểm chuẩn 4, chỉ được tính 4'],
    commands: ['rank'],
  },
  {
    file: 'so-truong-hop-le.xlsx',
    title: 'a fractional number of cases',
    make: setCell('CAT', `F${ROW['1.2.1']}`, 1.5),
    expect: [
      `CAT, ô F${ROW['1.2.1']}`,
      'số trường hợp 1,5 không phải số nguyên',
      'Mục 1.2.1: nhập số trường hợp (số nguyên ≥ 0)',
    ],
    commands: ['rank'],
  },
  {
    file: 'ma-phuong-an-la.xlsx',
    title: 'an unknown alternative code in a choice cell',
    make: setCell('CAT', `F${ROW['1.4']}`, '1.4.d'),
    expect: [
      `CAT, ô F${ROW['1.4']}`,
      '"1.4.d" không phải mã phương án của mục này',
      'chọn một phương án: 1.4.a, 1.4.b, 1.4.c',
    ],
    commands: ['rank'],
  },
  {
    file: 'khong-xep-loai-co-le.xlsx',
    title: 'a knock-out cell holding "có lẽ"',
    make: setCell('CAT', `F${ROW['KXL.1']}`, 'có lẽ'),
    expect: [
      `CAT, ô F${ROW['KXL.1']}`,
      '"có lẽ" không phải "có" hay "không", được tính là "không"',
    ],
    commands: ['rank'],
  },
  {
    file: 'ngay-dang-van-ban.xlsx',
    title: 'a date typed as text "10/02/2025"',
    make: setCell('CAT', `F${ROW['1.1']}`, '10/02/2025'),
    expect: [
      `CAT, ô F${ROW['1.1']}`,
      '"10/02/2025" là văn bản, không phải ngày',
      'hãy nhập lại dưới dạng ngày',
    ],
    commands: ['rank', 'export'],
  },
  {
    file: 'ngay-nop-van-ban.xlsx',
    title: 'the submission date (I3) typed as text',
    make: setCell('CAT', 'I3', '10/02/2025'),
    expect: ['CAT, ô I3', 'ngày nộp "10/02/2025" là văn bản, không phải ngày'],
    commands: ['rank'],
  },
  {
    file: 'trang-thai-la.xlsx',
    title: 'an unknown status in B3',
    make: setCell('CAT', 'B3', 'Đã gửi'),
    expect: ['CAT, ô B3', 'trạng thái "Đã gửi" không có trong danh sách'],
    commands: ['rank'],
  },
  {
    file: 'dung-sai-trong-o-so.xlsx',
    title: 'TRUE in a numeric cell',
    make: setCell('CAT', `F${ROW['1.2']}`, true),
    expect: [`CAT, ô F${ROW['1.2']}`, 'TRUE là giá trị đúng/sai, không phải số'],
    commands: ['rank'],
  },
  {
    file: 'loi-ref.xlsx',
    title: 'a #REF! error value in a score cell',
    make: setCell('CAT', `F${ROW['1.2']}`, { error: '#REF!' } as ExcelJS.CellErrorValue),
    expect: [`CAT, ô F${ROW['1.2']}`, 'ô có giá trị lỗi #REF!; hãy nhập lại giá trị'],
    commands: ALL,
  },
  {
    file: 'cong-thuc-hong.xlsx',
    title: 'a broken formula (#REF!) in a total column',
    make: setCell('CAT', `H${ROW['1.2']}`, {
      formula: 'SUM(#REF!)',
      result: { error: '#REF!' },
    } as ExcelJS.CellFormulaValue),
    expect: [
      `CAT, ô H${ROW['1.2']}`,
      'ô công thức (cột Điểm tự chấm) có lỗi #REF!',
      'hãy tạo lại trang',
    ],
    commands: ['rank'],
  },
  {
    file: 'gop-o.xlsx',
    title: 'merged cells in the criteria area',
    make: editCopy((wb) => sheet(wb, 'CAT').mergeCells(`F${ROW['1.2']}:G${ROW['1.2']}`)),
    expect: [`CAT, ô F${ROW['1.2']}:G${ROW['1.2']}`, 'ô bị gộp (merge) trong vùng tiêu chí'],
    commands: ['rank'],
  },
  {
    file: 'xoa-trang-don-vi.xlsx',
    title: 'a unit sheet deleted',
    make: editCopy((wb) => wb.removeWorksheet(sheet(wb, 'CAT').id)),
    expect: [
      'CAT, trang tính',
      'không có trang của đơn vị Công an tỉnh (CAT): trang đã bị xóa hoặc đổi tên',
    ],
    commands: ALL,
  },
  {
    file: 'doi-ten-trang-don-vi.xlsx',
    title: 'a unit sheet renamed',
    make: editCopy((wb) => (sheet(wb, 'CAT').name = 'Công an')),
    expect: [
      'CAT, trang tính',
      'không có trang của đơn vị Công an tỉnh (CAT)',
      'đặt lại tên "CAT"',
    ],
    commands: ['rank'],
  },
  {
    file: 'trang-sao-chep.xlsx',
    title: 'a unit sheet whose I2 code was changed (copied from another unit)',
    make: setCell('BCHQS', 'I2', 'CAT'),
    expect: [
      'BCHQS, ô I2',
      'mã đơn vị ghi "CAT", không phải "BCHQS" (Bộ Chỉ huy Quân sự tỉnh)',
      'sao chép từ trang của đơn vị khác',
    ],
    commands: ['rank', 'export'],
  },
  {
    file: 'xoa-trang-cau-hinh.xlsx',
    title: 'the configuration sheet deleted',
    make: editCopy((wb) => wb.removeWorksheet(sheet(wb, SHEETS.config).id)),
    expect: [`${SHEETS.config}, sổ tính`, 'không có trang cấu hình'],
    commands: ALL,
  },
  {
    file: 'xoa-dong-tieu-chi.xlsx',
    title: 'a criteria row deleted on a unit sheet',
    make: editCopy((wb) => sheet(wb, 'CAT').spliceRows(ROW['1.2'], 1)),
    expect: [
      `CAT, ô A${ROW['1.2']}`,
      `cột A ghi "1.2.1" nhưng theo bảng tiêu chí dòng ${ROW['1.2']} phải là mục 1.2`,
      'có dòng đã bị chèn, xóa hoặc di chuyển',
    ],
    commands: ['rank'],
  },
  {
    file: 'rong.xlsx',
    title: 'a 0-byte .xlsx',
    make: (file) => writeFileSync(file, ''),
    expect: ['rong.xlsx, tệp', 'tệp rỗng (0 byte), không phải sổ tính .xlsx'],
    commands: ALL,
  },
  {
    file: 'cat-cut.xlsx',
    title: 'a truncated .xlsx (half the bytes)',
    make: (file, good) => {
      const bytes = readFileSync(good);
      writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    },
    expect: ['cat-cut.xlsx, tệp', 'không đọc được sổ tính .xlsx: tệp hỏng, bị cắt cụt'],
    commands: ['rank', 'quota'],
  },
  {
    file: 'csv-doi-ten.xlsx',
    title: 'a CSV file renamed to .xlsx',
    make: (file) => copyFileSync(path.join(__dirname, '..', 'fixtures', 'csv', 'scores.csv'), file),
    expect: ['csv-doi-ten.xlsx, tệp', 'không đọc được sổ tính .xlsx'],
    commands: ['rank', 'export'],
  },
  {
    file: 'bom-nen.xlsx',
    title: 'a zip bomb (1.6 MB inflating to 1.5 GB)',
    make: async (file, good) => {
      const parts = await partsOf(readFileSync(good));
      writeFileSync(file, zipOf([...parts, zeros('xl/worksheets/sheet99.xml', 1536)]));
    },
    expect: ['bom-nen.xlsx, tệp', 'giải nén ra 1536,8 MB, quá 128,0 MB', '(zip bomb)'],
    commands: ALL,
  },
  {
    file: 'thuc-the-xml.xlsx',
    title: 'a sheet declaring XML entities (billion laughs)',
    make: async (file, good) => {
      const parts = await partsOf(readFileSync(good));
      const sheet = 'xl/worksheets/sheet2.xml';
      writeFileSync(
        file,
        zipOf(parts.map((p) => (p.name === sheet ? deflated(sheet, billionLaughsSheet()) : p))),
      );
    },
    expect: ['thuc-the-xml.xlsx, tệp', 'phần "xl/worksheets/sheet2.xml" khai báo DOCTYPE'],
    commands: ['rank', 'quota'],
  },
  {
    file: 'xep-hang-tu-tao.xlsx',
    title: 'a sheet "Xếp hạng" a person made (no generated marker)',
    make: editCopy((wb) => {
      const old = wb.getWorksheet(SHEETS.ranking);
      if (old) wb.removeWorksheet(old.id);
      const ws = wb.addWorksheet(SHEETS.ranking);
      ws.getCell('A1').value = 'Xếp hạng do văn phòng lập tay';
      ws.getCell('A2').value = 'Công an tỉnh';
      ws.getCell('B2').value = 1;
    }),
    expect: [
      `${SHEETS.ranking}, ô A2`,
      'trang "Xếp hạng" trùng tên trang do thidua tạo nhưng không phải do thidua tạo',
    ],
    commands: ['rank'],
  },
];
