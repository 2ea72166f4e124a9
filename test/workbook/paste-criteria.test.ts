import { scoreUnit } from '../../src/core/scoring/score';
import { compileTemplate } from '../../src/core/template/compile';
import { parsePastedCriteria, type PastedRow } from '../../src/workbook/paste-criteria';
import { toTcvn3, toVni } from '../support/legacy-vietnamese';

const tsv = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\r\n');
const byCode = (rows: readonly PastedRow[]) => new Map(rows.map((r) => [r.code, r]));

/** A fragment as Excel copies it: a title line, the header, a tree of I / 1 / a / a1 / a1.1. */
const SHEET = tsv([
  ['BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2025 - KHỐI NỘI CHÍNH', '', '', '', '', ''],
  ['STT', 'Nội dung tiêu chí', 'Điểm chuẩn', 'Thưởng', 'Trừ', 'Ghi chú'],
  ['I', 'Công tác chỉ đạo, tổ chức phong trào thi đua', '10', '', '', ''],
  ['1', 'Ban hành kế hoạch phát động thi đua', '4', '', '', ''],
  [
    '2',
    'Tổ chức ký kết giao ước thi đua',
    '6',
    '',
    '',
    'Mỗi đơn vị trực thuộc không đăng ký trừ 0,5 điểm, tổng trừ không quá 2 điểm',
  ],
  ['2.1', 'Mỗi bài viết về điển hình tiên tiến được đăng', '', '0,2', '', 'tối đa 1 điểm'],
  ['II', 'Thực hiện nhiệm vụ chuyên môn', '90', '', '', ''],
  ['a', 'Công tác tham mưu', '40', '', '', ''],
  ['a1', 'Tham mưu ban hành văn bản đúng hạn', '15', '', '', ''],
  ['a1.1', 'Văn bản ban hành chậm so với kế hoạch', '', '', '0,5', 'Mỗi trường hợp'],
  ['a1.2', 'Văn bản bị cấp trên yêu cầu sửa đổi, mỗi trường hợp trừ 0,25 điểm', '', '', '', ''],
  ['', 'Tổng điểm trừ của mục a1 không quá 1,5 điểm', '', '', '', ''],
  ['a2', 'Tổ chức thực hiện', '30', '', '', ''],
  ['a.7', 'Công tác phối hợp', '', '', '', ''],
  ['a.7.1', 'Phối hợp liên ngành', '0', '', '', ''],
  ['b', 'Công tác chuyên môn', '45', '', '', ''],
  ['C1', 'Chuyển đổi số', '45', '', '', ''],
  ['C1.2', 'Mỗi sáng kiến được công nhận +0,5 điểm, tối đa 2 điểm', '', '', '', ''],
  ['', 'Tổng cộng', '100', '', '', ''],
]);

describe('parsePastedCriteria', () => {
  it('reads a table copied out of a .VnTime (TCVN3) or VNI-Times document as the same table', () => {
    const unicode = parsePastedCriteria(SHEET);
    const legacy = parsePastedCriteria(toTcvn3(SHEET));
    expect(legacy.problems).toEqual([]);
    expect(legacy.template).toEqual(unicode.template);
    expect(legacy.notes).toEqual([
      'Bảng dán: chữ theo bảng mã TCVN3 (phông .VnTime), đã chuyển sang Unicode.',
    ]);
    expect(unicode.notes).toEqual([]);
    const vni = parsePastedCriteria(toVni(SHEET));
    expect(vni.template).toEqual(unicode.template);
    expect(vni.notes).toEqual([
      'Bảng dán: chữ theo bảng mã VNI (phông VNI-Times), đã chuyển sang Unicode.',
    ]);
  });

  it('reads the tree, kinds, rates and caps of an Excel fragment', () => {
    const { template, understood, problems, warnings } = parsePastedCriteria(SHEET);
    expect(problems).toEqual([]);
    expect(template?.title).toBe('BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2025 - KHỐI NỘI CHÍNH');
    expect(template?.declaredTotal).toBe(100);
    const rows = byCode(understood);
    const parentOf = (code: string) => rows.get(code)?.parent;
    expect(parentOf('I')).toBeUndefined();
    expect(parentOf('1')).toBe('I');
    expect(parentOf('2.1')).toBe('2');
    expect(parentOf('II')).toBeUndefined();
    expect(parentOf('a')).toBe('II');
    expect(parentOf('a1')).toBe('a');
    expect(parentOf('a1.2')).toBe('a1');
    expect(parentOf('a2')).toBe('a');
    expect(parentOf('a.7')).toBe('a');
    expect(parentOf('a.7.1')).toBe('a.7');
    expect(parentOf('b')).toBe('II');
    expect(parentOf('C1.2')).toBe('C1');

    // a1 keeps its base: its children are only penalty rows; its cap comes from the note row.
    expect(rows.get('a1')).toMatchObject({ kind: 'base', base: 15, caps: { penalty: 1.5 } });
    expect(rows.get('a1.1')).toMatchObject({ kind: 'penalty', rate: 0.5 });
    expect(rows.get('a1.2')).toMatchObject({ kind: 'penalty', rate: 0.25 });
    // A bonus with a rate in the Thưởng column and a cap in its note.
    expect(rows.get('2.1')).toMatchObject({ kind: 'bonus', rate: 0.2, caps: { bonus: 1 } });
    // A base item whose note holds a per-case penalty: a rule row is made below it.
    expect(rows.get('2')).toMatchObject({ kind: 'base', base: 6, caps: { penalty: 2 } });
    expect(rows.get('2.tru')).toMatchObject({
      kind: 'penalty',
      rate: 0.5,
      parent: '2',
      derived: true,
    });
    // "+0,5 điểm, tối đa 2 điểm" in the text.
    expect(rows.get('C1.2')).toMatchObject({ kind: 'bonus', rate: 0.5, caps: { bonus: 2 } });
    expect(rows.get('a')).toMatchObject({ kind: 'group' });
    expect(rows.get('a1')!.reading).toContain(
      'trần điểm trừ 1,5 (dòng 12 "Tổng điểm trừ của mục a1 không quá 1,5 điểm")',
    );
    expect(rows.get('2')!.reading).toEqual([
      'tạo dòng 2.tru: trừ 0,5 điểm mỗi trường hợp (đọc từ ghi chú)',
      'trần điểm trừ 2 (câu "…tổng trừ không quá 2 điểm")',
    ]);

    // The template compiles; the part sums that do not add up are warnings with their codes.
    expect(() => compileTemplate(template!)).not.toThrow();
    expect(parentOf('C1')).toBe('b');
    expect(warnings.map((w) => [w.kind, w.code])).toEqual([['base-sum', 'a']]);
    expect(warnings[0]!.message).toContain(
      'điểm chuẩn ghi 40 nhưng tổng điểm chuẩn các mục con là 45',
    );
  });

  it('places a combined cap on the code the sentence names', () => {
    const text = tsv([
      ['TT', 'Nội dung', 'Điểm tối đa', 'Điểm cộng', 'Điểm trừ'],
      ['d', 'Công tác khác', '10', '', ''],
      ['d1', 'Công tác A', '3', '', ''],
      ['d2', 'Công tác B', '7', '', ''],
      ['d2.1', 'Mỗi nhiệm vụ vượt kế hoạch', '', '1', ''],
      ['d2.2', 'Mỗi nhiệm vụ không hoàn thành', '', '', '-1'],
      ['', 'Điểm trừ, cộng tối đa đối với d2 không quá 7 điểm', '', '', ''],
    ]);
    const { template, understood, problems } = parsePastedCriteria(text);
    expect(problems).toEqual([]);
    const rows = byCode(understood);
    expect(rows.get('d2')?.caps).toEqual({ net: 7 });
    expect(rows.get('d2.2')).toMatchObject({ kind: 'penalty', rate: 1 });
    expect(template?.declaredTotal).toBe(100);
  });

  it('reads a cap that leaves the bonus out, and a cap written in the Trừ cell', () => {
    const text = tsv([
      ['STT', 'Nội dung', 'Điểm chuẩn', 'Thưởng', 'Trừ', 'Ghi chú'],
      [
        '1',
        'Cải cách hành chính',
        '60',
        '',
        '',
        'Điểm trừ tối đa 3 điểm (không liên quan đến điểm cộng)',
      ],
      ['1.1', 'Mỗi hồ sơ quá hạn', '', '', '0,5', ''],
      ['1.2', 'Mỗi sáng kiến', '', '1', '', ''],
      ['2', 'Kỷ luật, kỷ cương', '40', '', '', ''],
      ['2.1', 'Vi phạm kỷ luật (khối đánh giá)', '', '', 'tối đa 5', ''],
    ]);
    const { understood, problems } = parsePastedCriteria(text);
    expect(problems).toEqual([]);
    const rows = byCode(understood);
    expect(rows.get('1')).toMatchObject({ kind: 'base', caps: { penalty: 3 } });
    expect(rows.get('2.1')).toMatchObject({ kind: 'penalty', caps: { penalty: 5 } });
    expect(rows.get('2.1')!.rate).toBeUndefined();
  });

  it('makes repeated STT codes unique under their part', () => {
    const text = tsv([
      ['STT', 'NỘI DUNG', 'ĐIỂM CHUẨN'],
      ['I.', 'Phần một', '10'],
      ['1.', 'Mục một', '10'],
      ['II.', 'Phần hai', '5'],
      ['1.', 'Mục một của phần hai', '5'],
      ['1.1', 'Chi tiết', '5'],
    ]);
    const { understood, problems } = parsePastedCriteria(text, { declaredTotal: 15 });
    expect(problems).toEqual([]);
    expect(understood.map((r) => [r.code, r.parent ?? ''])).toEqual([
      ['I', ''],
      ['1', 'I'],
      ['II', ''],
      ['II.1', 'II'],
      ['II.1.1', 'II.1'],
    ]);
    expect(understood[3]!.reading.join(' ')).toContain('STT "1" đã có ở dòng 3');
  });

  it('reads a table typed with | and a merged Điểm header over Chuẩn | Thưởng | Trừ', () => {
    const piped = [
      '| STT | Nội dung | Điểm chuẩn | Thưởng | Trừ | Ghi chú |',
      '|---|---|---|---|---|---|',
      '| 1 | Chấp hành chế độ báo cáo | 100 | | | |',
      '| 1.1 | Báo cáo chậm | | | 0,5 | |',
    ].join('\n');
    const a = parsePastedCriteria(piped);
    expect(a.problems).toEqual([]);
    expect(byCode(a.understood).get('1.1')).toMatchObject({ kind: 'penalty', rate: 0.5 });

    const merged = tsv([
      ['STT', 'Nội dung', 'Điểm', '', ''],
      ['', '', 'Chuẩn', 'Thưởng', 'Trừ'],
      ['1', 'Hoàn thành nhiệm vụ', '100', '', ''],
      ['1.1', 'Mỗi chỉ tiêu vượt', '', '1', ''],
    ]);
    const b = parsePastedCriteria(merged);
    expect(b.problems).toEqual([]);
    expect(byCode(b.understood).get('1.1')).toMatchObject({ kind: 'bonus', rate: 1 });
    expect(byCode(b.understood).get('1')).toMatchObject({ kind: 'base', base: 100 });
  });

  it('keeps a quoted Excel cell spanning lines together', () => {
    const text =
      'STT\tNội dung\tĐiểm chuẩn\r\n1\t"Tổ chức hội nghị\nsơ kết, ""tổng kết"""\t100\r\n';
    const { understood, problems } = parsePastedCriteria(text);
    expect(problems).toEqual([]);
    expect(understood).toHaveLength(1);
    expect(understood[0]!.text).toBe('Tổ chức hội nghị sơ kết, "tổng kết"');
  });

  it('joins the extra lines of a Word cell of several paragraphs', () => {
    const text = [
      'STT\tNội dung\tĐiểm chuẩn\tThưởng\tTrừ',
      '1\tChấp hành chế độ thông tin, báo cáo\t100\t\t',
      '1.1\tBáo cáo chậm hạn:',
      'mỗi báo cáo trừ 0,25 điểm\t\t\t',
    ].join('\n');
    const { understood, problems } = parsePastedCriteria(text);
    expect(problems).toEqual([]);
    expect(byCode(understood).get('1.1')).toMatchObject({
      text: 'Báo cáo chậm hạn: mỗi báo cáo trừ 0,25 điểm',
      kind: 'penalty',
      rate: 0.25,
    });
  });

  it('reads a knock-out condition and a penalty written only in words', () => {
    const text = tsv([
      ['STT', 'Nội dung', 'Điểm chuẩn'],
      ['1', 'Thực hiện nhiệm vụ', '100'],
      ['1.1', 'Mỗi trường hợp vi phạm kỷ luật bị trừ 2 điểm', ''],
      ['KXL', 'Không gửi báo cáo giải trình: không xếp loại', ''],
    ]);
    const { understood, problems } = parsePastedCriteria(text);
    expect(problems).toEqual([]);
    const rows = byCode(understood);
    expect(rows.get('1.1')).toMatchObject({ kind: 'penalty', rate: 2 });
    expect(rows.get('KXL')).toMatchObject({ kind: 'knockout' });
  });

  // The phrasings of issue #9 §2 and docs/scoring-rules.md (quoted there from published sheets).
  it('reads tiers written in the text as a choice banded on the measured value', () => {
    const text = tsv([
      ['STT', 'Nội dung', 'Điểm chuẩn', 'Thưởng', 'Trừ', 'Ghi chú'],
      [
        '1',
        'Tỷ lệ hồ sơ giải quyết đúng hạn',
        '5',
        '',
        '',
        'Đạt trên 98%: 5 điểm; từ 97% đến dưới 98%: 4 điểm; từ 96% đến dưới 97%: 3 điểm; dưới 96%: 0 điểm',
      ],
      [
        '2',
        'Số hồ sơ tiếp nhận trong năm',
        '3',
        '',
        '',
        // Excel quotes a cell of several lines.
        '"≥ 2.000 hồ sơ: 3 điểm\nTừ 1.000 đến dưới 2.000 hồ sơ: 2 điểm\nDưới 1.000 hồ sơ: 1 điểm"',
      ],
      [
        '3',
        'Thực hiện chỉ tiêu kế hoạch năm',
        '2',
        '',
        '',
        'Đạt 100%: 2 điểm; từ 90% đến dưới 100%: 1 điểm; dưới 90%: 0 điểm',
      ],
      ['', 'Tổng cộng', '10', '', '', ''],
    ]);
    const { template, understood, problems, warnings } = parsePastedCriteria(text);
    expect(problems).toEqual([]);
    const rows = byCode(understood);
    expect(rows.get('1')).toMatchObject({ kind: 'choice', base: 5 });
    expect(rows.get('1')!.reading).toEqual([
      'chọn một mức theo số liệu nhập vào: 4 mức (đọc từ ghi chú)',
    ]);
    expect(understood.filter((r) => r.parent === '1').map((r) => [r.code, r.base, r.band])).toEqual(
      [
        ['1.m1', 5, { from: 98 }],
        ['1.m2', 4, { from: 97, to: 98 }],
        ['1.m3', 3, { from: 96, to: 97 }],
        ['1.m4', 0, { to: 96 }],
      ],
    );
    // "trên 98%" leaves 98% itself to no tier; the reading says where it put it.
    expect(rows.get('1.m1')!.unsure).toEqual([
      '"Đạt trên 98%": mốc 98 được tính vào mức này (từ 98 trở lên)',
    ]);
    expect(warnings.filter((w) => w.kind === 'paste-guess').map((w) => w.code)).toEqual([
      '1.m1',
      '3.m1',
    ]);
    // "2.000" is two thousand files, as Vietnamese writes counts.
    expect(understood.filter((r) => r.parent === '2').map((r) => [r.text, r.base, r.band])).toEqual(
      [
        ['≥ 2.000 hồ sơ', 3, { from: 2000 }],
        ['Từ 1.000 đến dưới 2.000 hồ sơ', 2, { from: 1000, to: 2000 }],
        ['Dưới 1.000 hồ sơ', 1, { to: 1000 }],
      ],
    );
    // "Đạt 100%" above "từ 90% đến dưới 100%" is the top tier; that reading is a guess, said so.
    expect(understood.filter((r) => r.parent === '3').map((r) => [r.code, r.base, r.band])).toEqual(
      [
        ['3.m1', 2, { from: 100 }],
        ['3.m2', 1, { from: 90, to: 100 }],
        ['3.m3', 0, { to: 90 }],
      ],
    );
    expect(rows.get('3.m1')!.unsure).toEqual(['"Đạt 100%": đọc là từ 100 trở lên (mức cao nhất)']);
    expect(template?.declaredTotal).toBe(10);
    expect(warnings.map((w) => w.kind)).not.toContain('declared-total');
    expect(() => compileTemplate(template!)).not.toThrow();
  });

  it('reads tiers listed as "-" rows under their item as a choice, not a sum', () => {
    const text = tsv([
      ['STT', 'Nội dung', 'Điểm chuẩn', 'Thưởng', 'Trừ'],
      ['1', 'Tỷ lệ hồ sơ giải quyết đúng hạn', '5', '', ''],
      ['-', 'Đạt trên 98%', '5', '', ''],
      ['-', 'Từ 97% đến dưới 98%', '4', '', ''],
      ['-', 'Dưới 97%', '0', '', ''],
      ['2', 'Thực hiện nhiệm vụ chuyên môn', '95', '', ''],
    ]);
    const { template, understood, problems, warnings } = parsePastedCriteria(text);
    expect(problems).toEqual([]);
    const rows = byCode(understood);
    expect(rows.get('1')).toMatchObject({ kind: 'choice', base: 5 });
    expect(rows.get('1')!.unsure).toEqual([
      'các dòng con cộng lại 9 điểm, mức cao nhất 5 bằng điểm chuẩn của mục: đọc là các mức để chọn một, không cộng dồn',
    ]);
    expect(understood.filter((r) => r.parent === '1').map((r) => [r.code, r.base, r.band])).toEqual(
      [
        ['1.m1', 5, { from: 98 }],
        ['1.m2', 4, { from: 97, to: 98 }],
        ['1.m3', 0, { to: 97 }],
      ],
    );
    expect(rows.get('1.m2')!.reading).toEqual(['STT "-" (gạch đầu dòng): dùng mã 1.m2']);
    // The best tier counts, so the sheet adds up to its 100 points.
    expect(warnings.map((w) => w.kind)).not.toContain('declared-total');
    expect(warnings.map((w) => w.kind)).not.toContain('base-sum');
    expect(() => compileTemplate(template!)).not.toThrow();
  });

  it('reads alternatives as a choice, a penalty alternative worth its points once', () => {
    const text = tsv([
      ['STT', 'Nội dung', 'Điểm chuẩn', 'Ghi chú'],
      [
        '1',
        'Gửi báo cáo giải trình',
        '2',
        'Có báo cáo: 2 điểm / Không có công văn: 0 điểm và trừ 2 điểm',
      ],
    ]);
    const { template, understood, problems } = parsePastedCriteria(text, { declaredTotal: 2 });
    expect(problems).toEqual([]);
    const rows = byCode(understood);
    expect(rows.get('1')).toMatchObject({ kind: 'choice', base: 2 });
    expect(rows.get('1.m1')).toMatchObject({ kind: 'base', base: 2, text: 'Có báo cáo' });
    expect(rows.get('1.m2')).toMatchObject({ kind: 'penalty', rate: 2, text: 'Không có công văn' });
    expect(rows.get('1.m2')!.band).toBeUndefined();
    // The rate of the alternative is not also read as a per-case penalty of the row.
    expect(understood.map((r) => r.code)).not.toContain('1.tru');
    expect(() => compileTemplate(template!)).not.toThrow();

    // Points that add up to the item's are its parts, not alternatives: the guess is said.
    const parts = parsePastedCriteria(
      tsv([
        ['STT', 'Nội dung', 'Điểm chuẩn', 'Ghi chú'],
        ['1', 'Công tác tuyên truyền', '3', 'Có kế hoạch: 1 điểm; tổ chức thực hiện: 2 điểm'],
      ]),
      { declaredTotal: 3 },
    );
    expect(parts.understood.map((r) => [r.code, r.kind, r.base])).toEqual([['1', 'base', 3]]);
    expect(parts.understood[0]!.unsure).toEqual([
      '2 phần ghi điểm (1 + 2) cộng lại bằng điểm chuẩn 3: đọc là các phần cộng dồn của mục, không phải chọn một',
    ]);
  });

  it('reads a date rule as a choice banded on dates, the year taken from the title', () => {
    const rule = [
      '1',
      'Ban hành kế hoạch: trong tháng 01: 4 điểm; sau ngày 31/01: trừ 1 điểm',
      '4',
    ];
    const dated = parsePastedCriteria(
      tsv([['BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2025', '', ''], ['STT', 'Nội dung', 'Điểm chuẩn'], rule]),
      { declaredTotal: 4 },
    );
    expect(dated.problems).toEqual([]);
    const rows = byCode(dated.understood);
    expect(rows.get('1')).toMatchObject({ kind: 'choice', base: 4 });
    expect(rows.get('1.m1')).toMatchObject({
      kind: 'base',
      base: 4,
      band: { from: '2025-01-01', to: '2025-02-01' },
    });
    expect(rows.get('1.m2')).toMatchObject({
      kind: 'penalty',
      rate: 1,
      text: 'sau ngày 31/01',
      band: { from: '2025-02-01' },
    });
    expect(rows.get('1.m2')!.unsure).toEqual(['"sau ngày 31/01": năm 2025 lấy từ tiêu đề bảng']);
    expect(() => compileTemplate(dated.template!)).not.toThrow();

    // Without a year anywhere, no band: the alternative is chosen by its code, and the row says so.
    const undated = parsePastedCriteria(tsv([['STT', 'Nội dung', 'Điểm chuẩn'], rule]));
    const m2 = byCode(undated.understood).get('1.m2')!;
    expect(m2.band).toBeUndefined();
    expect(m2.unsure).toEqual([
      '"sau ngày 31/01": không rõ năm của mốc ngày; hãy nhập mã phương án khi chấm',
    ]);
  });

  it('reads a per-item rate with its cap, and a knock-out sentence under a base item', () => {
    const text = tsv([
      ['STT', 'Nội dung', 'Điểm chuẩn', 'Thưởng', 'Trừ', 'Ghi chú'],
      [
        '1',
        'Chấp hành chế độ báo cáo',
        '100',
        '',
        '',
        'Mỗi trường hợp trừ 0,5 điểm. Không gửi báo cáo giải trình chấm điểm (không xếp loại)',
      ],
      [
        '2',
        'Tin, bài tuyên truyền về điển hình tiên tiến',
        '',
        '',
        '',
        '+0,2 điểm/bài, tối đa 1 điểm',
      ],
    ]);
    const { template, understood, problems } = parsePastedCriteria(text);
    expect(problems).toEqual([]);
    const rows = byCode(understood);
    expect(rows.get('1')).toMatchObject({ kind: 'base', base: 100 });
    expect(rows.get('1.tru')).toMatchObject({ kind: 'penalty', rate: 0.5, parent: '1' });
    expect(rows.get('1.kxl')).toMatchObject({
      kind: 'knockout',
      parent: '1',
      text: 'Không gửi báo cáo giải trình chấm điểm (không xếp loại)',
    });
    expect(rows.get('2')).toMatchObject({ kind: 'bonus', rate: 0.2, caps: { bonus: 1 } });
    expect(() => compileTemplate(template!)).not.toThrow();
  });

  it('scores what it read: the measured tier, the dated alternative, the chosen alternative', () => {
    const { template, problems } = parsePastedCriteria(
      tsv([
        ['BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2025', '', '', ''],
        ['STT', 'Nội dung', 'Điểm chuẩn', 'Ghi chú'],
        [
          '1',
          'Tỷ lệ hồ sơ đúng hạn',
          '5',
          'Đạt trên 98%: 5 điểm; từ 97% đến dưới 98%: 4 điểm; dưới 97%: 0 điểm',
        ],
        ['2', 'Ban hành kế hoạch: trong tháng 01: 4 điểm; sau ngày 31/01: trừ 1 điểm', '4', ''],
        ['3', 'Báo cáo', '2', 'Có báo cáo: 2 điểm / Không có công văn: 0 điểm và trừ 2 điểm'],
        ['', 'Tổng cộng', '11', ''],
      ]),
    );
    expect(problems).toEqual([]);
    const compiled = compileTemplate(template!);
    // 97,5% → 4; issued 15/02 → −1; no dispatch → −2.
    const late = scoreUnit(compiled, {
      unitCode: 'X',
      entries: { '1': { self: 97.5 }, '2': { self: '2025-02-15' }, '3': { self: '3.m2' } },
    });
    expect(late.self.total).toBe(1);
    // 98% (the bound "trên 98%" was read to include) → 5; issued 20/01 → 4; report sent → 2.
    const onTime = scoreUnit(compiled, {
      unitCode: 'X',
      entries: { '1': { self: 98 }, '2': { self: '2025-01-20' }, '3': { self: '3.m1' } },
    });
    expect(onTime.self.total).toBe(11);
  });

  it('refuses text without a header, naming the line', () => {
    const { template, problems } = parsePastedCriteria('1\tBan hành kế hoạch\t4\n2\tKý kết\t6');
    expect(template).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ source: 'Bảng dán', location: 'dòng 1' });
    expect(problems[0]!.message).toContain('không nhận ra dòng tiêu đề');
    expect(parsePastedCriteria('  \n ').problems[0]!.message).toContain('chưa có nội dung');
  });

  it('refuses a bad number, a row with points but no STT and a row without points', () => {
    const text = tsv([
      ['STT', 'Nội dung', 'Điểm chuẩn', 'Thưởng', 'Trừ'],
      ['1', 'Ban hành kế hoạch', 'bốn', '', ''],
      ['', 'Dòng lạc', '3', '', ''],
      ['2', 'Tổ chức ký kết', '', '', ''],
      ['3', 'Báo cáo', '96', '', ''],
    ]);
    const { template, problems } = parsePastedCriteria(text);
    expect(template).toBeUndefined();
    expect(problems.map((p) => p.location)).toEqual([
      'dòng 2, cột C (Điểm chuẩn)',
      'dòng 3, cột A (STT)',
      'dòng 4',
    ]);
    expect(problems[0]!.message).toContain('"bốn" không phải là số điểm');
    expect(problems[2]).toMatchObject({ code: '2' });
  });

  it('warns when a cap does not say which side it binds', () => {
    const text = tsv([
      ['STT', 'Nội dung', 'Điểm chuẩn', 'Ghi chú'],
      ['1', 'Công tác A', '100', 'không quá 3 điểm'],
    ]);
    const { template, warnings } = parsePastedCriteria(text);
    expect(template).toBeDefined();
    expect(warnings.map((w) => w.kind)).toContain('paste-unclear-cap');
    expect(template!.criteria[0]!.caps).toBeUndefined();
  });

  it('reports the tree errors of validateTemplate, located at the row', () => {
    // A base item below a base item whose own children carry base points.
    const text = tsv([
      ['STT', 'Nội dung', 'Điểm chuẩn'],
      ['1', 'A', '50'],
      ['1.1', 'B', '50'],
      ['1.1.1', 'C', '-2'],
    ]);
    const { problems } = parsePastedCriteria(text);
    expect(problems[0]).toMatchObject({ location: 'dòng 4, cột C (Điểm chuẩn)' });
    expect(problems[0]!.message).toContain('không được âm');
  });
});
