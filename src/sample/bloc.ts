import { DEFAULT_PROPOSALS } from '../core/award/proposals';
import { DEFAULT_SETTINGS, type Bloc, type Submission, type Unit } from '../core/bloc';
import type { EntryValue, ItemEntry, UnitSheet } from '../core/scoring/types';
import { SAMPLE_TEMPLATE } from './template';

/**
 * The built-in sample: the year-end (cả năm) verification of "Khối Nội chính tỉnh Tuyên Quang",
 * 2025, scored with SAMPLE_TEMPLATE. The numbers are made up but follow real verification minutes
 * (biên bản thẩm định). What the data is meant to show, once run through evaluateBloc:
 *
 * 1. CAT 118,4 (Xuất sắc): the net cap of 2.1 (±7) binds; 2.1.2 re-measured at 97,6%.
 * 2. BCHQS 115,5 (Xuất sắc): caps of 1.3.1 (1 point) and of part V (15 points).
 * 3. VKSND 107,5 (Xuất sắc): ties with TAND, ahead on fewer penalty points (0,5 against 1,5).
 * 4. TAND 107,5 (Xuất sắc).
 * 5. BDBP 101,8 (Xuất sắc): a bonus in 2.2.2.1 without evidence; 1.3.1 lowered by the bloc
 *    without an explanation.
 * 6. TTT 89,5 (Tốt) and 7. STP 89,5 (Tốt): same total, same penalty, same base earned in part II;
 *    Thanh tra tỉnh sent its sheet earlier (10/12 against 12/12).
 * 8. THADS 79 (Tốt): plan issued after 31/01; the cap of 2.2.1.1 (3 points) binds.
 * –. BNC 95 on paper, Không xếp loại: no explanatory report (KXL.1); the cap of part IV binds.
 */

const units: Unit[] = [
  { code: 'CAT', name: 'Công an tỉnh', role: 'thanh-vien' },
  { code: 'BCHQS', name: 'Bộ Chỉ huy Quân sự tỉnh', role: 'thanh-vien' },
  { code: 'BDBP', name: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', role: 'thanh-vien' },
  { code: 'TAND', name: 'Tòa án nhân dân tỉnh', role: 'thanh-vien' },
  { code: 'VKSND', name: 'Viện Kiểm sát nhân dân tỉnh', role: 'truong-khoi' },
  { code: 'STP', name: 'Sở Tư pháp', role: 'pho-truong-khoi' },
  { code: 'TTT', name: 'Thanh tra tỉnh', role: 'thanh-vien' },
  { code: 'THADS', name: 'Cục Thi hành án dân sự tỉnh', role: 'thanh-vien' },
  { code: 'BNC', name: 'Ban Nội chính Tỉnh ủy', role: 'thanh-vien' },
];

export const SAMPLE_BLOC: Bloc = {
  name: 'Khối Nội chính tỉnh Tuyên Quang',
  year: 2025,
  round: 'ca-nam',
  units,
  template: SAMPLE_TEMPLATE,
  settings: {
    ...DEFAULT_SETTINGS,
    ranking: {
      ...DEFAULT_SETTINGS.ranking,
      tieBreakers: [
        { kind: 'fewer-penalty' },
        { kind: 'higher-base', subtree: 'II' },
        { kind: 'earlier-submission' },
      ],
    },
    // The bloc proposes by ranking only: no vote share is required.
    proposals: { levels: DEFAULT_PROPOSALS.levels },
  },
};

/**
 * What a unit that fully meets every item enters (full base points, no cases, no knock-out), in
 * both columns. Each unit's sheet starts from this and changes only what differs. The dated and
 * measured items (1.1, 2.1.2, 2.3.1.1, 2.3.1.2) and the award of the previous year (5.1) have no
 * sensible default and are given for every unit.
 */
const FULL_MARKS: Record<string, EntryValue> = {
  '1.2': 4,
  '1.2.1': 0,
  '1.3': 6,
  '1.3.1': 0,
  '1.4': '1.4.a',
  '2.1.1': 10,
  '2.1.1.1': 0,
  '2.1.1.2': 0,
  '2.2.1': 8,
  '2.2.1.1': 0,
  '2.2.2': 7,
  '2.2.2.1': 0,
  '2.3.1': 15,
  '3.1': 10,
  '3.2': 10,
  '3.2.1': 0,
  '3.2.2': 0,
  '4.1': 5,
  '4.1.1': 0,
  '4.2': 5,
  '4.2.1': 0,
  '5.2': 0,
  'KXL.1': false,
  'KXL.2': false,
};

/** Self value, then the verified value when the bloc scored differently (else the same). */
type Row = [self: EntryValue, verified?: EntryValue];

interface Notes {
  /** Evidence (tài liệu kiểm chứng) by criterion code. */
  evidence?: Record<string, string>;
  /** Why the verified value differs from the self value, by criterion code. */
  reasons?: Record<string, string>;
}

function sheet(unitCode: string, rows: Record<string, Row>, notes: Notes = {}): UnitSheet {
  const entries: Record<string, ItemEntry> = {};
  for (const [code, value] of Object.entries(FULL_MARKS)) {
    entries[code] = { self: value, verified: value };
  }
  for (const [code, [self, verified = self]] of Object.entries(rows)) {
    entries[code] = { self, verified };
  }
  for (const [code, evidence] of Object.entries(notes.evidence ?? {})) {
    entries[code] = { ...entries[code], evidence };
  }
  for (const [code, reason] of Object.entries(notes.reasons ?? {})) {
    entries[code] = { ...entries[code], reason };
  }
  return { unitCode, entries };
}

export const SAMPLE_SHEETS: UnitSheet[] = [
  // 118,4: base 98 + bonus 21,4 − penalty 1. Nine targets exceeded claimed, eight accepted, and
  // the net cap of 2.1 (7 points) binds anyway.
  sheet(
    'CAT',
    {
      '1.1': ['2025-01-10'],
      '1.2.1': [2],
      '1.3.1': [2],
      '2.1.1.1': [9, 8],
      '2.1.2': [98.2, 97.6],
      '2.3.1.1': [2350],
      '2.3.1.2': [36.2],
      '5.1': ['5.1.b'],
      '5.2': [2],
    },
    {
      evidence: {
        '1.1': 'Kế hoạch số 12/KH-CAT ngày 10/01/2025',
        '1.3.1': 'Bài đăng Báo Tuyên Quang ngày 14/5/2025 và ngày 02/9/2025',
        '2.1.1.1': 'Báo cáo số 415/BC-CAT ngày 28/11/2025 (phụ lục chỉ tiêu)',
        '5.1': 'Quyết định số 98/QĐ-UBND ngày 20/01/2025 của UBND tỉnh',
        '5.2': 'Quyết định số 1375/QĐ-UBND ngày 15/8/2025 công nhận sáng kiến',
      },
      reasons: {
        '2.1.1.1':
          'Chỉ tiêu tỷ lệ điều tra làm rõ tội phạm rất nghiêm trọng chưa có số liệu kiểm chứng',
        '2.1.2':
          'Đối chiếu sổ theo dõi: 976/1.000 đơn thư giải quyết đúng hạn (97,6%), không phải 98,2%',
      },
    },
  ),
  // 115,5: the Government flag of 2024 (+15) plus one recognised model reaches the 15-point cap
  // of part V; six published articles reach the 1-point cap of 1.3.1.
  sheet(
    'BCHQS',
    {
      '1.1': ['2025-01-20'],
      '1.3.1': [6],
      '2.1.2': [99],
      '2.2.1.1': [1],
      '2.3.1.1': [420],
      '2.3.1.2': [55],
      '4.1.1': [0, 1],
      '5.1': ['5.1.a'],
      '5.2': [2, 1],
    },
    {
      evidence: {
        '1.1': 'Kế hoạch số 08/KH-BCH ngày 20/01/2025',
        '1.3.1': 'Báo Quân khu 2 và Báo Tuyên Quang, 06 bài (danh mục kèm theo)',
        '5.1': 'Quyết định số 412/QĐ-TTg ngày 05/4/2024 của Thủ tướng Chính phủ',
        '5.2': 'Quyết định số 215/QĐ-BCH ngày 12/6/2025 công nhận mô hình "Dân vận khéo"',
      },
      reasons: {
        '4.1.1': 'Vắng Hội nghị ký kết giao ước thi đua ngày 20/3/2025 không có lý do',
        '5.2': 'Sáng kiến thứ hai mới được cấp cơ sở công nhận, chưa đủ thẩm quyền',
      },
    },
  ),
  // 101,8: a digital-transformation bonus is accepted without any evidence cited (a warning the
  // office should follow up); 1.3.1 is lowered by the bloc without an explanation.
  sheet(
    'BDBP',
    {
      '1.1': ['2025-01-25'],
      '1.3.1': [4, 3],
      '2.1.1.1': [1],
      '2.1.2': [98],
      '2.2.2.1': [1.2],
      '2.3.1.1': [380],
      '2.3.1.2': [28],
      '4.2.1': [2],
    },
    {
      evidence: {
        '1.1': 'Kế hoạch số 21/KH-BĐBP ngày 25/01/2025',
        '1.3.1': 'Báo Biên phòng, 04 bài (danh mục kèm theo)',
        '2.1.1.1': 'Báo cáo số 367/BC-BĐBP ngày 25/11/2025',
      },
    },
  ),
  // 107,5 with 1,5 penalty points: ties with VKSND, which has fewer penalty points.
  sheet(
    'TAND',
    {
      '1.1': ['2025-01-16'],
      '1.2.1': [1],
      '1.3.1': [5],
      '2.1.1.1': [2],
      '2.1.2': [98.3],
      '2.2.1.1': [2],
      '2.3.1.1': [2600],
      '2.3.1.2': [22],
      '5.1': ['5.1.c'],
    },
    {
      evidence: {
        '1.1': 'Kế hoạch số 03/KH-TA ngày 16/01/2025',
        '1.3.1': 'Trang thông tin điện tử TAND tỉnh, 05 bài (danh mục kèm theo)',
        '2.1.1.1': 'Báo cáo số 112/BC-TA ngày 30/11/2025',
        '5.1': 'Quyết định số 2150/QĐ-UBND ngày 26/12/2024 của Chủ tịch UBND tỉnh',
      },
    },
  ),
  // 107,5 with 0,5 penalty points (sheet sent one day late, 16/12).
  sheet(
    'VKSND',
    {
      '1.1': ['2025-01-22'],
      '1.3.1': [5],
      '2.1.1.1': [1],
      '2.1.2': [98.8],
      '2.3.1.1': [1450],
      '2.3.1.2': [25],
      '4.2.1': [0, 1],
      '5.1': ['5.1.c'],
    },
    {
      evidence: {
        '1.1': 'Kế hoạch số 05/KH-VKS ngày 22/01/2025',
        '1.3.1': 'Báo Bảo vệ pháp luật và Báo Tuyên Quang, 05 bài',
        '2.1.1.1': 'Báo cáo số 88/BC-VKS ngày 29/11/2025',
        '5.1': 'Quyết định số 2150/QĐ-UBND ngày 26/12/2024 của Chủ tịch UBND tỉnh',
      },
      reasons: { '4.2.1': 'Bảng tự chấm gửi ngày 16/12/2025, chậm 01 ngày' },
    },
  ),
  // 89,5 = base 92 + 0,5 − 3; base of part II 45. Same as TTT in all three: the earlier sheet wins.
  sheet(
    'STP',
    {
      '1.1': ['2025-01-14'],
      '1.2.1': [2],
      '1.3': [5],
      '2.1.2': [97.5],
      '2.2.1.1': [2],
      '2.2.2': [4],
      '2.3.1.1': [760],
      '2.3.1.2': [31],
      '3.1': [8],
      '4.1.1': [1],
    },
    { evidence: { '1.1': 'Kế hoạch số 09/KH-STP ngày 14/01/2025' } },
  ),
  // 89,5 = base 92 + 0,5 − 3; base of part II 45.
  sheet(
    'TTT',
    {
      '1.1': ['2025-01-28'],
      '1.4': ['1.4.a', '1.4.b'],
      '2.1.2': [96.4],
      '2.2.1': [7],
      '2.3.1.1': [850],
      '2.3.1.2': [35],
      '3.2.1': [1],
      '4.1.1': [1],
    },
    {
      evidence: { '1.1': 'Kế hoạch số 02/KH-TTr ngày 28/01/2025' },
      reasons: { '1.4': 'Báo cáo sơ kết 6 tháng gửi chậm 05 ngày so với quy định' },
    },
  ),
  // 79: plan issued after 31/01, on-time share below 96%, eight overdue files (capped at 3 points).
  sheet(
    'THADS',
    {
      '1.1': ['2025-01-30', '2025-02-10'],
      '2.1.1.1': [1],
      '2.1.1.2': [2],
      '2.1.2': [95.2],
      '2.2.1.1': [8],
      '2.3.1.1': [3100],
      '2.3.1.2': [12],
      '3.2.1': [1],
    },
    {
      evidence: {
        '1.1': 'Kế hoạch số 05/KH-CTHADS ngày 10/02/2025',
        '2.1.1.1': 'Báo cáo số 640/BC-CTHADS ngày 30/11/2025',
      },
      reasons: {
        '1.1':
          'Kế hoạch ban hành ngày 10/02/2025 (sau 31/01); ngày 30/01 là ngày ký tờ trình dự thảo',
      },
    },
  ),
  // 95 on paper, but only the self-scored table arrived (22/12, seven days late) and no signed
  // explanatory report: not classified.
  sheet(
    'BNC',
    {
      '1.1': ['2025-01-24'],
      '2.1.2': [97.2],
      '2.3.1.1': [240],
      '2.3.1.2': [20],
      '4.2.1': [7],
      'KXL.1': [false, true],
    },
    {
      evidence: { '1.1': 'Kế hoạch số 04-KH/BNCTU ngày 24/01/2025' },
      reasons: {
        'KXL.1':
          'Đơn vị chỉ gửi bảng tự chấm qua thư điện tử ngày 22/12/2025, không gửi báo cáo giải trình chấm điểm có chữ ký, đóng dấu',
      },
    },
  ),
];

export const SAMPLE_SUBMISSIONS: Submission[] = [
  { unitCode: 'CAT', status: 'da-tham-dinh', submittedAt: '2025-12-08' },
  { unitCode: 'BCHQS', status: 'da-tham-dinh', submittedAt: '2025-12-11' },
  { unitCode: 'BDBP', status: 'da-tham-dinh', submittedAt: '2025-12-17' },
  { unitCode: 'TAND', status: 'da-tham-dinh', submittedAt: '2025-12-12' },
  { unitCode: 'VKSND', status: 'da-tham-dinh', submittedAt: '2025-12-16' },
  { unitCode: 'STP', status: 'da-tham-dinh', submittedAt: '2025-12-12' },
  { unitCode: 'TTT', status: 'da-tham-dinh', submittedAt: '2025-12-10' },
  { unitCode: 'THADS', status: 'da-tham-dinh', submittedAt: '2025-12-15' },
  { unitCode: 'BNC', status: 'da-nop', submittedAt: '2025-12-22' },
];
