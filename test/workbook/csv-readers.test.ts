import { compileTemplate } from '../../src/core/template/compile';
import { SAMPLE_BLOC, SAMPLE_TEMPLATE } from '../../src/sample';
import {
  criteriaToCsv,
  readCollectivesCsv,
  readCriteriaCsv,
  readPeopleCsv,
  readScoresCsv,
  readUnitsCsv,
  sheetNameProblem,
} from '../../src/workbook/csv';

const units = SAMPLE_BLOC.units;
const compiled = compileTemplate(SAMPLE_TEMPLATE);
const scores = (body: string, header = 'don_vi;ma;tu_cham;khoi_cham;minh_chung;ly_do') =>
  readScoresCsv(`${header}\r\n${body}`, 'diem.csv', { units, compiled });

describe('readCriteriaCsv', () => {
  it('takes the title from the file name and returns warnings apart from problems', () => {
    const text = criteriaToCsv({ ...SAMPLE_TEMPLATE, declaredTotal: 100 });
    const r = readCriteriaCsv(text, 'C:\\khoi\\bang-diem-2025.csv', { declaredTotal: 105 });
    expect(r.problems).toEqual([]);
    expect(r.template?.title).toBe('bang-diem-2025');
    expect(r.template?.declaredTotal).toBe(105);
    expect(r.warnings.map((w) => w.kind)).toEqual(['declared-total']);
  });

  it('accepts Vietnamese headers and kind names, and names lines past multi-line cells', () => {
    const text =
      'Mã;Mã cha;Nội dung;Loại;Điểm chuẩn;Mức;Trần cộng;Trần trừ;Trần tổng;Cần minh chứng\r\n' +
      'I;;"Phần I\r\n(hai dòng)";nhóm;;;;;;\r\n' +
      '1;I;Mục 1;chuẩn;100;;;;;\r\n' +
      '1.1;1;Mỗi lần trừ 0,5;trừ;;0,5;;;;\r\n' +
      '1.2;X;Mục cha sai;cộng;;1;;;;\r\n';
    const r = readCriteriaCsv(text, 'tieu-chi.csv');
    expect(r.problems).toEqual([expect.objectContaining({ location: 'dòng 6', code: '1.2' })]);
    const ok = readCriteriaCsv(text.split('\r\n').slice(0, 5).join('\r\n'), 'tieu-chi.csv');
    expect(ok.problems).toEqual([]);
    expect(ok.template?.criteria.map((c) => [c.code, c.kind, c.rate])).toEqual([
      ['I', 'group', undefined],
      ['1', 'base', undefined],
      ['1.1', 'penalty', 0.5],
    ]);
  });
});

describe('readUnitsCsv', () => {
  it('defaults the role to thanh-vien and accepts labels in any case, with or without diacritics', () => {
    const r = readUnitsCsv(
      'mã,tên đơn vị,vai trò\nA,Đơn vị A,\nB,Đơn vị B,PHO TRUONG KHOI\nC,Đơn vị C,Trưởng Khối\n',
      'dv.csv',
    );
    expect(r.problems).toEqual([]);
    expect(r.units?.map((u) => u.role)).toEqual(['thanh-vien', 'pho-truong-khoi', 'truong-khoi']);
  });

  it('works without a role column, and lists every problem', () => {
    expect(readUnitsCsv('ma,ten\nA,Đơn vị A\n', 'dv.csv').units).toEqual([
      { code: 'A', name: 'Đơn vị A', role: 'thanh-vien' },
    ]);
    const r = readUnitsCsv('ma,ten\nA,\n,Đơn vị B\nC:1,Đơn vị C\n', 'dv.csv');
    expect(r.problems.map((p) => p.location)).toEqual(['dòng 2', 'dòng 3', 'dòng 4']);
  });

  it('knows which codes cannot name a sheet', () => {
    expect(sheetNameProblem('CAT')).toBeUndefined();
    expect(sheetNameProblem('A'.repeat(31))).toBeUndefined();
    for (const bad of ['A[1]', 'A:B', 'A*', 'A?', 'A/B', 'A\\B', 'A'.repeat(32), "'A", 'cảnh báo'])
      expect(sheetNameProblem(bad)).toBeDefined();
  });
});

describe('readScoresCsv', () => {
  it('reads each kind: points with a decimal comma, cases, codes, dates, measures, yes/no', () => {
    const r = scores(
      [
        'Công an tỉnh;2.1.1;9,5;9.5;;',
        'CAT;1.2.1;2;1;;Một đơn vị đăng ký muộn',
        'CAT;1.4;a;1.4.B;;',
        'CAT;1.1;10/1/2025;2025-01-10;"\'=Kế hoạch số 12";',
        'CAT;2.1.2;98,2%;97,6;;',
        'CAT;2.3.1.1;2 350;;;',
        'CAT;KXL.1;không;x;;',
        'CAT;2.2.2.1;1,5;;Quyết định 15/QĐ;',
      ].join('\r\n'),
    );
    expect(r.problems).toEqual([]);
    expect(r.rows?.map(({ line, code, self, verified }) => [line, code, self, verified])).toEqual([
      [2, '2.1.1', 9.5, 9.5],
      [3, '1.2.1', 2, 1],
      [4, '1.4', '1.4.a', '1.4.b'],
      [5, '1.1', '2025-01-10', '2025-01-10'],
      [6, '2.1.2', 98.2, 97.6],
      [7, '2.3.1.1', 2350, undefined],
      [8, 'KXL.1', false, true],
      [9, '2.2.2.1', 1.5, undefined],
    ]);
    expect(r.rows?.[0]?.unitCode).toBe('CAT');
    expect(r.rows?.[1]?.reason).toBe('Một đơn vị đăng ký muộn');
    // The apostrophe that neutralised a formula-like text (as toCsv writes it) is not part of it.
    expect(r.rows?.[3]?.evidence).toBe('=Kế hoạch số 12');
  });

  it('lists every bad row, several problems per row when there are', () => {
    const r = scores(
      [
        'CAT;1.2;4;4;;',
        'CAT;1.2;abc;-1;=1+1\u001b;',
        'XYZ;1.3;6;;;',
        'CAT;2.3.1.3;1;;;',
        'CAT;1.3.1;0,5;;;',
      ].join('\r\n'),
    );
    expect(r.rows).toBeUndefined();
    expect(r.problems.map((p) => `${p.location}: ${p.message}`)).toEqual([
      'dòng 3: cột minh_chung: ô có ký tự điều khiển U+001B, không lưu được vào sổ tính; hãy xóa ký tự đó.',
      'dòng 3: tự chấm: "abc" không phải là số (ví dụ hợp lệ: 9,5)',
      'dòng 3: khối chấm không được âm (đang ghi -1).',
      'dòng 3: đơn vị CAT, mục 1.2 đã có ở dòng 2; mỗi mục chỉ ghi một dòng.',
      'dòng 4: đơn vị "XYZ" không có trong danh sách đơn vị của khối.',
      'dòng 5: mục chọn 2.3.1.3 chọn phương án theo số liệu của mục 2.3.1.1; hãy ghi số liệu vào dòng của mục đó.',
      'dòng 6: tự chấm (số trường hợp) phải là số nguyên (đang ghi 0,5).',
    ]);
  });

  it('points a banded alternative to the row of the measured value', () => {
    const r = scores('CAT;2.3.1.3.a.1;x;;;');
    expect(r.problems[0]?.message).toContain('ghi số liệu vào dòng của mục 2.3.1.2');
  });

  it('accepts Vietnamese headers and no ly_do column', () => {
    const r = scores('CAT;1.2;4;;', 'Đơn vị;Mã tiêu chí;Tự chấm;Khối chấm;Minh chứng');
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([{ line: 2, unitCode: 'CAT', code: '1.2', self: 4 }]);
  });
});

describe('readPeopleCsv and readCollectivesCsv', () => {
  const header =
    'Đơn vị,Họ và tên,Chức vụ,Lãnh đạo,Số tháng,Ngày nghỉ,Kỷ luật,Hoàn thành nhiệm vụ,Đề nghị,Lịch sử';

  it('reads titles by code, label or abbreviation, and histories in several spellings', () => {
    const r = readPeopleCsv(
      [
        header,
        'CAT,Nguyễn Văn A,Giám đốc,có,200,,,có,CSTĐ cấp tỉnh,"2022: CSTĐCS; 2023 - cstdcs, 2024:Chiến sĩ thi đua cơ sở"',
        'Sở Tư pháp,Trần Thị B,,,12,"2,5",không,x,LĐTT,',
        'TTT,Lê Văn C,Thanh tra viên,không,24,0,có,không,,2024:ldtt',
      ].join('\n'),
      'ca-nhan.csv',
      { units },
    );
    expect(r.problems).toEqual([]);
    expect(r.people).toEqual([
      {
        unitCode: 'CAT',
        name: 'Nguyễn Văn A',
        position: 'Giám đốc',
        leader: true,
        monthsInService: 200,
        daysOff: 0,
        disciplined: false,
        completesDuties: true,
        proposed: 'cstd-tinh',
        history: [
          { year: 2022, title: 'cstdcs' },
          { year: 2023, title: 'cstdcs' },
          { year: 2024, title: 'cstdcs' },
        ],
      },
      {
        unitCode: 'STP',
        name: 'Trần Thị B',
        leader: false,
        monthsInService: 12,
        daysOff: 2.5,
        disciplined: false,
        completesDuties: true,
        proposed: 'ldtt',
        history: [],
      },
      {
        unitCode: 'TTT',
        name: 'Lê Văn C',
        position: 'Thanh tra viên',
        leader: false,
        monthsInService: 24,
        daysOff: 0,
        disciplined: true,
        completesDuties: false,
        history: [{ year: 2024, title: 'ldtt' }],
      },
    ]);
    expect(r.collectives).toHaveLength(units.length);
  });

  it('gives every unit a collective, filled from the file where listed', () => {
    const r = readCollectivesCsv(
      'don_vi,de_nghi,lich_su\nSTP,TTLĐXS,2024:Cờ thi đua của UBND tỉnh\nCAT,Cờ Chính phủ,\n',
      'tap-the.csv',
      { units },
    );
    expect(r.problems).toEqual([]);
    expect(r.collectives?.map((c) => [c.unitCode, c.proposed, c.history.length])).toEqual(
      units.map((u) =>
        u.code === 'STP'
          ? ['STP', 'ttldxs', 1]
          : u.code === 'CAT'
            ? ['CAT', 'co-chinh-phu', 0]
            : [u.code, undefined, 0],
      ),
    );
    const dup = readCollectivesCsv('don_vi,de_nghi\nSTP,ttldtt\nSở Tư pháp,ttldxs\n', 't.csv', {
      units,
    });
    expect(dup.problems).toEqual([
      expect.objectContaining({ location: 'dòng 3', message: expect.stringContaining('dòng 2') }),
    ]);
  });
});
