import JSZip from 'jszip';
import { evaluateBloc } from '../../src/core/bloc';
import {
  buildMinutesDocx,
  buildReportDocx,
  vietnameseDateLine,
} from '../../src/export/docx-report';
import { SAMPLE_BLOC, SAMPLE_SHEETS, SAMPLE_SUBMISSIONS } from '../../src/sample';

const result = evaluateBloc(SAMPLE_BLOC, SAMPLE_SHEETS, SAMPLE_SUBMISSIONS);
const base = {
  bloc: SAMPLE_BLOC,
  result,
  place: 'Tuyên Quang',
  date: '2025-12-25',
  issuer: 'Khối thi đua Nội chính',
};

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

interface Unzipped {
  xml: string;
  /** The text of every paragraph, runs joined. */
  paragraphs: string[];
  core: string;
}

async function open(buffer: Uint8Array): Promise<Unzipped> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  const core = await zip.file('docProps/core.xml')!.async('string');
  const paragraphs = xml
    .split('</w:p>')
    .map((p) =>
      [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]!)).join(''),
    )
    .filter((t) => t !== '');
  return { xml, paragraphs, core };
}

describe('vietnameseDateLine', () => {
  it('pads days 1–9 and months 1–2 with a zero, as Decree 30 says', () => {
    expect(vietnameseDateLine('Tuyên Quang', '2026-01-01')).toBe(
      'Tuyên Quang, ngày 01 tháng 01 năm 2026',
    );
    expect(vietnameseDateLine('Tuyên Quang', '2025-02-05')).toBe(
      'Tuyên Quang, ngày 05 tháng 02 năm 2025',
    );
    expect(vietnameseDateLine('Tuyên Quang', '2025-03-15')).toBe(
      'Tuyên Quang, ngày 15 tháng 3 năm 2025',
    );
    expect(vietnameseDateLine('Tuyên Quang', '2025-10-09')).toBe(
      'Tuyên Quang, ngày 09 tháng 10 năm 2025',
    );
    expect(vietnameseDateLine('Tuyên Quang', '2025-12-25')).toBe(
      'Tuyên Quang, ngày 25 tháng 12 năm 2025',
    );
  });

  it('normalises the place to NFC', () => {
    const line = vietnameseDateLine('  Tuyên Quang '.normalize('NFD'), '2025-12-25');
    expect(line).toBe('Tuyên Quang, ngày 25 tháng 12 năm 2025');
    expect(line).toBe(line.normalize('NFC'));
  });

  it('rejects dates that are not ISO or not in the calendar', () => {
    expect(() => vietnameseDateLine('Hà Nội', '25/12/2025')).toThrow(RangeError);
    expect(() => vietnameseDateLine('Hà Nội', '2025-02-29')).toThrow(RangeError);
    expect(() => vietnameseDateLine('Hà Nội', '2025-13-01')).toThrow(RangeError);
    expect(vietnameseDateLine('Hà Nội', '2024-02-29')).toBe('Hà Nội, ngày 29 tháng 02 năm 2024');
  });
});

describe('buildReportDocx', () => {
  let doc: Unzipped;
  beforeAll(async () => {
    doc = await open(
      await buildReportDocx({
        ...base,
        documentNumber: '5/BC-KTĐNC',
        signerTitle: 'TM. Khối thi đua\nTrưởng khối',
        signerName: 'Nguyễn Văn An',
      }),
    );
  });

  it('has the header block of Decree 30', () => {
    expect(doc.paragraphs).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(doc.paragraphs).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(doc.paragraphs).toContain('KHỐI THI ĐUA NỘI CHÍNH');
    expect(doc.paragraphs).toContain('Số: 05/BC-KTĐNC');
    expect(doc.paragraphs).toContain('Tuyên Quang, ngày 25 tháng 12 năm 2025');
    expect(doc.paragraphs).toContain('BÁO CÁO');
    expect(doc.paragraphs).toContain('Kết quả chấm điểm, xếp hạng thi đua năm 2025');
  });

  it('is A4 portrait with the margins of Decree 30, in Times New Roman 13/14', () => {
    expect(doc.xml).toMatch(/<w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"/);
    const margins = /<w:pgMar([^>]*)\/>/.exec(doc.xml)![1]!;
    expect(margins).toContain('w:top="1134"');
    expect(margins).toContain('w:bottom="1134"');
    expect(margins).toContain('w:left="1701"');
    expect(margins).toContain('w:right="850"');
    expect(doc.xml).toContain('Times New Roman');
    expect(doc.xml).toContain('<w:sz w:val="26"/>');
    expect(doc.xml).toContain('<w:sz w:val="28"/>');
  });

  it('has the ranking table with every unit, points with a decimal comma', () => {
    for (const u of SAMPLE_BLOC.units) expect(doc.paragraphs).toContain(u.name);
    expect(doc.paragraphs).toContain('118,40');
    expect(doc.xml).toContain('118,4');
    expect(doc.paragraphs).toContain('Đề nghị khen thưởng');
    expect(doc.xml).toContain('<w:tblHeader/>');
    // Knocked-out units come last, under their own row.
    const rows = doc.paragraphs;
    expect(rows.indexOf('Đơn vị không xếp loại')).toBeGreaterThan(
      rows.indexOf('Cục Thi hành án dân sự tỉnh'),
    );
    expect(rows.indexOf('Ban Nội chính Tỉnh ủy')).toBeGreaterThan(
      rows.indexOf('Đơn vị không xếp loại'),
    );
    expect(doc.paragraphs.some((p) => p.includes('Không gửi báo cáo giải trình chấm điểm'))).toBe(
      true,
    );
  });

  it('explains each tie and the proposals', () => {
    const ties = doc.paragraphs.filter((p) => p.startsWith('- ') && p.includes('bằng điểm'));
    expect(ties).toHaveLength(2);
    expect(ties[0]).toContain(
      'Kết quả: Viện Kiểm sát nhân dân tỉnh xếp hạng 3, Tòa án nhân dân tỉnh xếp hạng 4.',
    );
    expect(doc.paragraphs).toContain('- Cờ thi đua của UBND tỉnh: Công an tỉnh (118,4 điểm).');
    expect(doc.paragraphs).toContain(
      '- Bằng khen của Chủ tịch UBND tỉnh: Bộ Chỉ huy Quân sự tỉnh (115,5 điểm); Viện Kiểm sát nhân dân tỉnh (107,5 điểm).',
    );
  });

  it('ends with the recipients and the signature', () => {
    expect(doc.paragraphs).toContain('Nơi nhận:');
    expect(doc.paragraphs).toContain('- Lưu: VT.');
    expect(doc.paragraphs).toContain('TM. KHỐI THI ĐUA');
    expect(doc.paragraphs).toContain('TRƯỞNG KHỐI');
    expect(doc.paragraphs).toContain('Nguyễn Văn An');
  });

  it('writes NFC text and dates its metadata with the document date', () => {
    expect(doc.xml).toBe(doc.xml.normalize('NFC'));
    expect(doc.core).toContain('2025-12-25T00:00:00Z');
  });

  it('shows a proposal awaiting a vote', async () => {
    const bloc = {
      ...SAMPLE_BLOC,
      settings: {
        ...SAMPLE_BLOC.settings,
        ranking: { ...SAMPLE_BLOC.settings.ranking, tieBreakers: [] },
      },
    };
    const tied = evaluateBloc(bloc, SAMPLE_SHEETS, SAMPLE_SUBMISSIONS);
    const d = await open(await buildReportDocx({ ...base, bloc, result: tied }));
    expect(d.paragraphs).toContain('Bằng khen của Chủ tịch UBND tỉnh (chờ biểu quyết)');
    expect(d.paragraphs).toContainEqual(
      expect.stringMatching(
        /^- Bằng khen của Chủ tịch UBND tỉnh: Bộ Chỉ huy Quân sự tỉnh \(115,5 điểm\); Tòa án nhân dân tỉnh, Viện Kiểm sát nhân dân tỉnh đồng hạng 3 tranh 1 suất .*khối cần biểu quyết\.$/,
      ),
    );
    expect(d.paragraphs).toContainEqual(
      expect.stringContaining(
        'Kết quả: Tòa án nhân dân tỉnh, Viện Kiểm sát nhân dân tỉnh đồng hạng 3.',
      ),
    );
    // Without a number, the number is left blank for the office.
    expect(d.paragraphs.some((p) => /^Số: +\/BC-KTĐNC$/.test(p))).toBe(true);
  });
});

describe('buildMinutesDocx', () => {
  it('gives each part, the totals, the self total and the differences of one unit', async () => {
    const doc = await open(await buildMinutesDocx({ ...base, unitCode: 'CAT' }));
    expect(doc.paragraphs).toContain('BIÊN BẢN');
    expect(doc.paragraphs).toContain('Thẩm định kết quả tự chấm điểm thi đua năm 2025');
    expect(doc.paragraphs).toContain('Tuyên Quang, ngày 25 tháng 12 năm 2025');
    expect(doc.paragraphs).toContain('Độc lập - Tự do - Hạnh phúc');
    const parts = doc.paragraphs.filter((p) =>
      /^- Tiêu chuẩn [IVX]+ – .*: điểm chuẩn [\d,]+, cộng [\d,]+, trừ [\d,]+, thống nhất đạt [\d,]+ điểm\.$/.test(
        p,
      ),
    );
    expect(parts).toHaveLength(5);
    expect(parts[0]).toBe(
      '- Tiêu chuẩn I – Công tác chỉ đạo, tổ chức phong trào thi đua: điểm chuẩn 20, cộng 0,4, trừ 1, thống nhất đạt 19,4 điểm.',
    );
    expect(doc.paragraphs).toContain(
      'Tổng cộng: điểm chuẩn 98, cộng 21,4, trừ 1, thống nhất đạt 118,4 điểm.',
    );
    expect(doc.paragraphs).toContain('Đơn vị tự chấm 120,4 điểm; chênh lệch -2 điểm.');
    const differ = doc.paragraphs.filter((p) => p.includes('khối chấm khác tự chấm'));
    expect(differ).toHaveLength(2);
    expect(differ[0]).toContain('Mục 2.1.1.1 (Mỗi chỉ tiêu vượt kế hoạch +1 điểm)');
    expect(differ[1]).toContain('976/1.000 đơn thư');
    expect(doc.paragraphs).toContain('Công an tỉnh thống nhất đạt 118,4 điểm, xếp loại Xuất sắc.');
    expect(doc.paragraphs).toContain('ĐẠI DIỆN ĐƠN VỊ');
    expect(doc.paragraphs).toContain('ĐẠI DIỆN KHỐI THI ĐUA');
    expect(doc.paragraphs.some((p) => p.startsWith('Số:') && p.includes('/BB-KTĐNC'))).toBe(true);
    expect(doc.xml).toContain('Times New Roman');
    // The knock-out part carries no points and is not listed as a part.
    expect(doc.paragraphs.some((p) => p.includes('Trường hợp không xếp loại'))).toBe(false);
  });

  it('says a knocked-out unit is not classified, and why', async () => {
    const doc = await open(
      await buildMinutesDocx({
        ...base,
        unitCode: 'BNC',
        unitRepresentatives: ['Ông Trần Văn B – Phó Trưởng ban'],
      }),
    );
    const conclusion = doc.paragraphs.find((p) => p.includes('thuộc trường hợp Không xếp loại'));
    expect(conclusion).toContain('Không gửi báo cáo giải trình chấm điểm và bảng chấm điểm');
    expect(conclusion).toContain('(mục KXL.1)');
    expect(doc.paragraphs).toContain('- Ông Trần Văn B – Phó Trưởng ban;');
  });

  it('rejects an unknown unit and a malformed date', async () => {
    await expect(buildMinutesDocx({ ...base, unitCode: 'XYZ' })).rejects.toThrow(RangeError);
    await expect(
      buildMinutesDocx({ ...base, unitCode: 'CAT', date: '25/12/2025' }),
    ).rejects.toThrow(RangeError);
    await expect(buildReportDocx({ ...base, date: '2025-12-32' })).rejects.toThrow(RangeError);
  });
});
