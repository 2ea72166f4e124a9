import type {
  Collective,
  CollectiveTitle,
  IndividualTitle,
  Person,
  TitleHeld,
} from '../core/quota/people';

/**
 * The sample lists of individuals and collectives (danh sách cá nhân, tập thể) of the Khối Nội
 * chính tỉnh Tuyên Quang, year 2025. Names are built from fixed lists by position, so the data is
 * the same on every run. What the quota checks should find (default preset, 15% CSTĐCS):
 *
 * - CAT: one officer recruited 7 months ago is proposed for LĐTT (cannot be LĐTT); the CSTĐ cấp
 *   tỉnh proposal has 3 consecutive CSTĐCS (2022–2024) and passes.
 * - BDBP: proposed TTLĐXS but one member did not complete his duties (needs 100%).
 * - TAND: all three CSTĐCS proposals are leaders (needs leaders below 70%).
 * - VKSND: proposes a CSTĐ cấp tỉnh whose CSTĐCS run is broken in 2023.
 * - STP: four CSTĐCS for 18 LĐTT (15% allows 2).
 * - every other unit passes.
 */

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Ngô',
  'Dương',
  'Lý',
  'Ma',
  'Hà',
  'Nông',
  'Triệu',
  'Lương',
  'Quan',
];
const MALE_MIDDLE = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Xuân', 'Mạnh', 'Thanh', 'Công', 'Tiến'];
const MALE_GIVEN = [
  'Hùng',
  'Dũng',
  'Tuấn',
  'Hải',
  'Long',
  'Thắng',
  'Cường',
  'Sơn',
  'Bình',
  'Quyết',
  'Trung',
  'Khánh',
  'Phong',
  'Tùng',
  'Hiếu',
  'Nam',
  'Đạt',
  'Việt',
  'Quân',
  'Huy',
  'Toàn',
  'Lâm',
  'Kiên',
  'Thành',
];
const FEMALE_MIDDLE = ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh', 'Hồng', 'Thúy', 'Phương'];
const FEMALE_GIVEN = [
  'Hà',
  'Lan',
  'Hương',
  'Huyền',
  'Thảo',
  'Trang',
  'Nhung',
  'Yến',
  'Ngân',
  'Hạnh',
  'Liên',
  'Dung',
  'Oanh',
  'Mai',
  'Loan',
  'Thủy',
  'Vân',
  'Hiền',
  'Chi',
  'Linh',
];

/** The n-th man or woman of the whole list; the combination repeats only after 360 people. */
function fullName(n: number, female: boolean): string {
  const family = FAMILY[(n * 7) % FAMILY.length]!;
  return female
    ? `${family} ${FEMALE_MIDDLE[n % FEMALE_MIDDLE.length]!} ${FEMALE_GIVEN[n % FEMALE_GIVEN.length]!}`
    : `${family} ${MALE_MIDDLE[n % MALE_MIDDLE.length]!} ${MALE_GIVEN[n % MALE_GIVEN.length]!}`;
}

interface StaffList {
  unitCode: string;
  size: number;
  /** Posts of the leaders (lãnh đạo, quản lý), who head the list. */
  leaderPosts: string[];
  /** Posts of the others, taken in turn. */
  staffPosts: string[];
  /** Positions in the list (from 0) of the people proposed for CSTĐCS; the others get LĐTT. */
  cstdcs: number[];
  /** Positions of the people proposed for CSTĐ cấp tỉnh. */
  cstdTinh?: number[];
  /** Armed forces: the leaders on the list are men. */
  armed?: boolean;
  /** Changes for single people, by position in the list. */
  special?: Record<number, Partial<Person>>;
}

const ldtt3 = (title2023: IndividualTitle): TitleHeld<IndividualTitle>[] => [
  { year: 2022, title: 'ldtt' },
  { year: 2023, title: title2023 },
  { year: 2024, title: 'ldtt' },
];

const STAFF: StaffList[] = [
  {
    unitCode: 'CAT',
    armed: true,
    size: 30,
    leaderPosts: [
      'Giám đốc',
      'Phó Giám đốc',
      'Phó Giám đốc',
      'Phó Giám đốc',
      'Trưởng phòng',
      'Trưởng phòng',
      'Phó Trưởng phòng',
      'Phó Trưởng phòng',
    ],
    staffPosts: ['Điều tra viên', 'Cán bộ', 'Điều tra viên', 'Trinh sát viên'],
    cstdcs: [1, 9, 14],
    cstdTinh: [4],
    special: {
      4: {
        history: [
          { year: 2022, title: 'cstdcs' },
          { year: 2023, title: 'cstdcs' },
          { year: 2024, title: 'cstdcs' },
        ],
      },
      // Recruited in March 2025: cannot be LĐTT (under 10 months), yet proposed.
      29: { monthsInService: 7, history: [] },
    },
  },
  {
    unitCode: 'BCHQS',
    armed: true,
    size: 26,
    leaderPosts: [
      'Chỉ huy trưởng',
      'Chính ủy',
      'Phó Chỉ huy trưởng',
      'Phó Chính ủy',
      'Tham mưu trưởng',
      'Chủ nhiệm Chính trị',
      'Trưởng phòng',
    ],
    staffPosts: ['Trợ lý', 'Quân nhân chuyên nghiệp', 'Trợ lý', 'Nhân viên'],
    cstdcs: [2, 10, 17],
    // Long sick leave: not proposed, so nothing to check.
    special: { 20: { daysOff: 52, proposed: undefined } },
  },
  {
    unitCode: 'BDBP',
    armed: true,
    size: 24,
    leaderPosts: [
      'Chỉ huy trưởng',
      'Chính ủy',
      'Phó Chỉ huy trưởng',
      'Phó Chính ủy',
      'Đồn trưởng',
      'Đồn trưởng',
    ],
    staffPosts: ['Trợ lý', 'Nhân viên', 'Trinh sát viên'],
    cstdcs: [0, 12],
    // Did not complete his duties: the unit's TTLĐXS proposal fails.
    special: { 21: { completesDuties: false, proposed: undefined } },
  },
  {
    unitCode: 'TAND',
    size: 22,
    leaderPosts: [
      'Chánh án',
      'Phó Chánh án',
      'Phó Chánh án',
      'Chánh tòa Hình sự',
      'Chánh tòa Dân sự',
      'Chánh Văn phòng',
    ],
    staffPosts: ['Thẩm phán', 'Thư ký Tòa án', 'Thẩm phán', 'Thẩm tra viên'],
    // Every CSTĐCS proposal is a leader.
    cstdcs: [1, 3, 4],
  },
  {
    unitCode: 'VKSND',
    size: 20,
    leaderPosts: [
      'Viện trưởng',
      'Phó Viện trưởng',
      'Phó Viện trưởng',
      'Trưởng phòng',
      'Chánh Văn phòng',
    ],
    staffPosts: ['Kiểm sát viên', 'Kiểm tra viên', 'Kiểm sát viên', 'Chuyên viên'],
    cstdcs: [1, 12],
    cstdTinh: [9],
    special: {
      // CSTĐCS in 2022 and 2024 only: not three consecutive years.
      9: {
        history: [
          { year: 2022, title: 'cstdcs' },
          { year: 2023, title: 'ldtt' },
          { year: 2024, title: 'cstdcs' },
        ],
      },
    },
  },
  {
    unitCode: 'STP',
    size: 18,
    leaderPosts: ['Giám đốc', 'Phó Giám đốc', 'Phó Giám đốc', 'Chánh Văn phòng', 'Trưởng phòng'],
    staffPosts: ['Chuyên viên', 'Trợ giúp viên pháp lý', 'Chuyên viên', 'Công chứng viên'],
    // Four CSTĐCS for 18 LĐTT: 15% allows 2.
    cstdcs: [1, 3, 7, 11],
  },
  {
    unitCode: 'TTT',
    size: 16,
    leaderPosts: ['Chánh Thanh tra', 'Phó Chánh Thanh tra', 'Phó Chánh Thanh tra', 'Trưởng phòng'],
    staffPosts: ['Thanh tra viên chính', 'Thanh tra viên', 'Chuyên viên'],
    cstdcs: [2, 6],
    // The reprimand counted in 3.2.1 of the unit's sheet: not proposed.
    special: { 9: { disciplined: true, proposed: undefined } },
  },
  {
    unitCode: 'THADS',
    size: 23,
    leaderPosts: [
      'Cục trưởng',
      'Phó Cục trưởng',
      'Phó Cục trưởng',
      'Trưởng phòng',
      'Chánh Văn phòng',
      'Phó Trưởng phòng',
    ],
    staffPosts: ['Chấp hành viên', 'Thẩm tra viên', 'Chấp hành viên', 'Thư ký thi hành án'],
    cstdcs: [1, 8, 13],
    special: { 15: { disciplined: true, proposed: undefined } },
  },
  {
    unitCode: 'BNC',
    size: 12,
    leaderPosts: ['Trưởng ban', 'Phó Trưởng ban', 'Trưởng phòng'],
    staffPosts: ['Chuyên viên', 'Chuyên viên chính'],
    cstdcs: [5],
  },
];

function buildPeople(lists: readonly StaffList[]): Person[] {
  const people: Person[] = [];
  let men = 0;
  let women = 0;
  for (const list of lists) {
    for (let i = 0; i < list.size; i++) {
      const n = people.length;
      const leader = i < list.leaderPosts.length;
      const position = leader
        ? list.leaderPosts[i]!
        : list.staffPosts[(i - list.leaderPosts.length) % list.staffPosts.length]!;
      // About two in five are women; the head of each unit and armed-forces leaders are men.
      const female = i > 0 && !(list.armed && leader) && (n % 5 === 1 || n % 5 === 3);
      const name = female ? fullName(women++, true) : fullName(men++, false);
      const proposed: IndividualTitle = list.cstdTinh?.includes(i)
        ? 'cstd-tinh'
        : list.cstdcs.includes(i)
          ? 'cstdcs'
          : 'ldtt';
      people.push({
        unitCode: list.unitCode,
        name,
        position,
        leader,
        monthsInService: leader ? 180 + ((n * 13) % 150) : 40 + ((n * 37) % 240),
        daysOff: (n * 7) % 9,
        disciplined: false,
        completesDuties: true,
        proposed,
        history: ldtt3(n % 4 === 0 ? 'cstdcs' : 'ldtt'),
        ...list.special?.[i],
      });
    }
  }
  return people;
}

export const SAMPLE_PEOPLE: Person[] = buildPeople(STAFF);

const held = (
  t2022: CollectiveTitle,
  t2023: CollectiveTitle,
  t2024: CollectiveTitle,
): TitleHeld<CollectiveTitle>[] => [
  { year: 2022, title: t2022 },
  { year: 2023, title: t2023 },
  { year: 2024, title: t2024 },
];

/** Each member unit as a collective; the 2024 titles match item 5.1 of the scoring sheets. */
export const SAMPLE_COLLECTIVES: Collective[] = [
  {
    unitCode: 'CAT',
    name: 'Công an tỉnh',
    proposed: 'ttldxs',
    history: held('ttldxs', 'ttldxs', 'co-tinh'),
  },
  {
    unitCode: 'BCHQS',
    name: 'Bộ Chỉ huy Quân sự tỉnh',
    proposed: 'ttldxs',
    history: held('co-tinh', 'ttldxs', 'co-chinh-phu'),
  },
  {
    unitCode: 'BDBP',
    name: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh',
    proposed: 'ttldxs',
    history: held('ttldtt', 'ttldxs', 'ttldxs'),
  },
  {
    unitCode: 'TAND',
    name: 'Tòa án nhân dân tỉnh',
    proposed: 'ttldxs',
    history: held('ttldxs', 'co-tinh', 'ttldxs'),
  },
  {
    unitCode: 'VKSND',
    name: 'Viện Kiểm sát nhân dân tỉnh',
    proposed: 'ttldxs',
    history: held('ttldxs', 'ttldxs', 'ttldxs'),
  },
  {
    unitCode: 'STP',
    name: 'Sở Tư pháp',
    proposed: 'ttldtt',
    history: held('ttldtt', 'ttldxs', 'ttldtt'),
  },
  {
    unitCode: 'TTT',
    name: 'Thanh tra tỉnh',
    proposed: 'ttldtt',
    history: held('ttldtt', 'ttldtt', 'ttldtt'),
  },
  {
    unitCode: 'THADS',
    name: 'Cục Thi hành án dân sự tỉnh',
    proposed: 'ttldtt',
    history: held('ttldtt', 'ttldtt', 'ttldxs'),
  },
  {
    unitCode: 'BNC',
    name: 'Ban Nội chính Tỉnh ủy',
    proposed: 'ttldtt',
    history: held('ttldxs', 'ttldtt', 'ttldtt'),
  },
];
