/**
 * Opening .xlsx bytes with the file adapter: workbooks as other programs write them open and save
 * again; what is not a readable .xlsx is refused in Vietnamese, naming the file.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { openXlsx, xlsxBytes } from '../../src/io/xlsx';
import { InputError } from '../../src/workbook';

/** A workbook with one table, as ExcelJS writes it. */
async function withTable(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Danh sách').addTable({
    name: 'tblDanhSach',
    ref: 'A1',
    headerRow: true,
    columns: [{ name: 'Mã' }, { name: 'Tên' }],
    rows: [['CAT', 'Công an tỉnh']],
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function refusal(bytes: Uint8Array, name: string): Promise<string> {
  const e = await openXlsx(bytes, name).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(InputError);
  // A file that does not open is not "invalid data": the notice's title says so.
  expect((e as InputError).title).toBe('Không mở được tệp, chưa ghi gì');
  const [p] = (e as InputError).problems;
  expect(p).toMatchObject({ source: name, location: 'tệp' });
  return p!.message;
}

describe('openXlsx', () => {
  it('saves again a table written without a style record, as LibreOffice Calc writes it', async () => {
    const zip = await JSZip.loadAsync(await withTable());
    const part = 'xl/tables/table1.xml';
    const xml = await zip.file(part)!.async('string');
    expect(xml).toContain('<tableStyleInfo');
    zip.file(part, xml.replace(/<tableStyleInfo[^>]*\/>/, ''));
    const bytes = await zip.generateAsync({ type: 'uint8array' });

    const saved = await xlsxBytes(await openXlsx(bytes, 'calc.xlsx'));
    const again = await openXlsx(saved, 'calc.xlsx');
    const ws = again.workbook.getWorksheet('Danh sách')!;
    expect(ws.getCell('B2').value).toBe('Công an tỉnh');
    expect(ws.getTables()).toHaveLength(1);
  });

  it('refuses a password-protected workbook and an old .xls, saying what to do', async () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const xls = ole.slice();
    ole.set(new Uint8Array(Buffer.from('EncryptedPackage', 'utf16le')), 1024);
    expect(await refusal(ole, 'mat-khau.xlsx')).toMatch(
      /^sổ tính có mật khẩu mở tệp \(được mã hóa\), không đọc được\. .*Mã hóa bằng mật khẩu/,
    );
    expect(await refusal(xls, 'cu.xls')).toMatch(/^tệp dạng Excel 97–2003 \(\.xls\)/);
  });

  it('refuses an empty, a truncated and a foreign file', async () => {
    expect(await refusal(new Uint8Array(0), 'rong.xlsx')).toMatch(/tệp rỗng \(0 byte\)/);
    const good = await withTable();
    expect(await refusal(good.slice(0, good.length >> 1), 'cut.xlsx')).toMatch(/bị cắt cụt/);
    expect(await refusal(new TextEncoder().encode('ma;ten\n'), 'csv.xlsx')).toMatch(
      /không phải tệp Excel \.xlsx/,
    );
  });
});
