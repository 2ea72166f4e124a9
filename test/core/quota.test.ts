import fc from 'fast-check';
import {
  ARMY_PRESET,
  DEFAULT_PRESET,
  MILITIA_PRESET,
  PRESETS,
  isQuotaPresetId,
  checkGovernmentFlagShare,
  maxCountAtMost,
  maxCountStrictlyBelow,
  minCountAtLeast,
  quotaFindings,
  runQuotaChecks,
  validateRuleSet,
  withOverrides,
  type Collective,
  type Person,
  type QuotaCheck,
  type QuotaCheckId,
  type QuotaRuleSet,
} from '../../src/core/quota';

const YEAR = 2025;
let seq = 0;

function person(o: Partial<Person> = {}): Person {
  seq++;
  return {
    unitCode: 'CA',
    name: `Cán bộ ${seq}`,
    leader: false,
    monthsInService: 36,
    daysOff: 0,
    disciplined: false,
    completesDuties: true,
    proposed: 'ldtt',
    history: [],
    ...o,
  };
}

function many(n: number, o: Partial<Person> = {}): Person[] {
  return Array.from({ length: n }, () => person(o));
}

function unit(unitCode: string, o: Partial<Collective> = {}): Collective {
  return { unitCode, name: `Đơn vị ${unitCode}`, proposed: 'ttldtt', history: [], ...o };
}

function run(
  people: Person[],
  o: { collectives?: Collective[]; rules?: QuotaRuleSet; unitCodes?: string[]; year?: number } = {},
): QuotaCheck[] {
  return runQuotaChecks({
    year: o.year ?? YEAR,
    people,
    collectives: o.collectives ?? [unit('CA')],
    rules: o.rules ?? DEFAULT_PRESET,
    ...(o.unitCodes === undefined ? {} : { unitCodes: o.unitCodes }),
  });
}

function find(checks: QuotaCheck[], id: QuotaCheckId, scope = 'CA'): QuotaCheck {
  const c = checks.find((x) => x.id === id && x.scope === scope);
  if (c === undefined) throw new Error(`no check ${id} for ${scope}`);
  return c;
}

/** People of one unit: `ldtt` LĐTT of whom `cstdcs` proposed CSTĐCS. */
function cstdcsUnit(ldtt: number, cstdcs: number, unitCode = 'CA'): Person[] {
  return [
    ...many(cstdcs, { unitCode, proposed: 'cstdcs' }),
    ...many(ldtt - cstdcs, { unitCode, proposed: 'ldtt' }),
  ];
}

describe('CSTĐCS share (≤ 15% of LĐTT, floor)', () => {
  it.each([
    [149, true],
    [150, true],
    [151, false],
  ])('1000 LĐTT with %i CSTĐCS → pass %s', (k, pass) => {
    const c = find(run(cstdcsUnit(1000, k)), 'cstdcs-share');
    expect(c.pass).toBe(pass);
    expect(c.applicable).toBe(true);
    expect(c.numbers).toEqual({
      counted: k,
      base: 1000,
      shareUnits: 1500,
      exactUnits: 1_500_000,
      allowed: 150,
    });
    expect(c.rounding).toBe('floor');
    expect(c.limitText).toBe(
      '≤ 15% của 1.000 người LĐTT = 150 → tối đa 150 người (làm tròn xuống)',
    );
  });

  it('23 LĐTT allow 3 (3,45 rounded down) and the text says so', () => {
    const ok = find(run(cstdcsUnit(23, 3)), 'cstdcs-share');
    expect(ok.pass).toBe(true);
    expect(ok.numbers.allowed).toBe(3);
    expect(ok.limitText).toBe('≤ 15% của 23 người LĐTT = 3,45 → tối đa 3 người (làm tròn xuống)');

    const bad = find(run(cstdcsUnit(23, 4)), 'cstdcs-share');
    expect(bad.pass).toBe(false);
    expect(bad.numbers).toMatchObject({ counted: 4, base: 23, allowed: 3, exactUnits: 34_500 });
    expect(bad.message).toBe(
      'Đơn vị CA (CA): 4 người đạt/đề nghị CSTĐCS trên 23 người LĐTT (≈ 17,39%) — ' +
        'KHÔNG ĐẠT, vượt 1 người. Giới hạn: ≤ 15% của 23 người LĐTT = 3,45 → tối đa 3 người ' +
        '(làm tròn xuống).',
    );
    expect(bad.source).toBe(DEFAULT_PRESET.cstdcsShare?.source);
    expect(bad.source).toContain('Nghị định 91/2017/NĐ-CP, Điều 9');
    expect(bad.details[0]).toMatch(/^Đề nghị CSTĐCS: /);
  });

  it('0 people: passes, not applicable, says "không có người nào"', () => {
    const c = find(run([], { unitCodes: ['CA'] }), 'cstdcs-share');
    expect(c.pass).toBe(true);
    expect(c.applicable).toBe(false);
    expect(c.numbers).toMatchObject({ counted: 0, base: 0, allowed: 0 });
    expect(c.message).toContain('không có người nào');
    expect(c.limitText).toBe('≤ 15% của 0 người LĐTT: không có người nào → tối đa 0 người');
  });

  it('1 person: 15% of 1 = 0,15 → 0 allowed', () => {
    const ok = find(run([person()]), 'cstdcs-share');
    expect(ok.pass).toBe(true);
    expect(ok.applicable).toBe(true);
    expect(ok.numbers.allowed).toBe(0);
    expect(ok.limitText).toBe('≤ 15% của 1 người LĐTT = 0,15 → tối đa 0 người (làm tròn xuống)');

    const bad = find(run([person({ proposed: 'cstdcs' })]), 'cstdcs-share');
    expect(bad.pass).toBe(false);
    expect(bad.numbers).toMatchObject({ counted: 1, base: 1, allowed: 0 });
  });

  it('leaves people who cannot be LĐTT out of the base, and names them', () => {
    const people = [...cstdcsUnit(20, 3), person({ name: 'Lê Văn Mới', monthsInService: 9 })];
    const c = find(run(people), 'cstdcs-share');
    expect(c.numbers.base).toBe(20);
    expect(c.details).toContain(
      'Không tính vào số LĐTT: Lê Văn Mới (mới tuyển dụng 9 tháng — chưa đủ 10 tháng)',
    );
  });

  it('base 0 but a CSTĐCS proposed (nobody can be LĐTT) is applicable and fails', () => {
    const c = find(run([person({ proposed: 'cstdcs', disciplined: true })]), 'cstdcs-share');
    expect(c.applicable).toBe(true);
    expect(c.pass).toBe(false);
    expect(c.numbers).toMatchObject({ counted: 1, base: 0, allowed: 0 });
  });

  it('counts a higher proposal and a title already recorded this year as CSTĐCS', () => {
    const people = [
      ...many(8),
      person({ proposed: 'cstd-tinh' }),
      person({ proposed: undefined, history: [{ year: YEAR, title: 'cstdcs' }] }),
    ];
    const c = find(run(people), 'cstdcs-share');
    expect(c.numbers).toMatchObject({ counted: 2, base: 10, allowed: 1 });
  });

  it('runs per unit and for the bloc; a bloc pass does not hide a unit failure', () => {
    const people = [...cstdcsUnit(10, 1, 'A'), ...cstdcsUnit(10, 2, 'B')];
    const checks = run(people, { collectives: [unit('A'), unit('B')] });
    expect(find(checks, 'cstdcs-share', 'A').pass).toBe(true);
    const b = find(checks, 'cstdcs-share', 'B');
    expect(b.pass).toBe(false);
    expect(b.numbers.allowed).toBe(1);
    const bloc = find(checks, 'cstdcs-share', 'khoi');
    expect(bloc.pass).toBe(true);
    expect(bloc.numbers).toMatchObject({ counted: 3, base: 20, allowed: 3 });
    expect(bloc.message.startsWith('Toàn khối: ')).toBe(true);
  });

  it('scopes are a setting', () => {
    const rules = withOverrides(DEFAULT_PRESET, { cstdcsShare: { scopes: ['khoi'] } });
    const checks = run(cstdcsUnit(10, 1), { rules }).filter((c) => c.id === 'cstdcs-share');
    expect(checks.map((c) => c.scope)).toEqual(['khoi']);
  });

  it('29% of 100 allows 29 (no floating-point 28,999…)', () => {
    const rules = withOverrides(DEFAULT_PRESET, { cstdcsShare: { maxShare: 0.29 } });
    const c = find(run(cstdcsUnit(100, 29), { rules }), 'cstdcs-share');
    expect(c.numbers.allowed).toBe(29);
    expect(c.pass).toBe(true);
  });
});

describe('leaders vs non-leaders among CSTĐCS (strict)', () => {
  function leaders(n: number, lead: number): Person[] {
    return [
      ...many(lead, { proposed: 'cstdcs', leader: true }),
      ...many(n - lead, { proposed: 'cstdcs', leader: false }),
    ];
  }

  it('exactly 70% leaders fails (strict "dưới 70%")', () => {
    const checks = run(leaders(10, 7));
    const c = find(checks, 'cstdcs-leader-share');
    expect(c.pass).toBe(false);
    expect(c.rounding).toBe('strict-below');
    expect(c.numbers).toMatchObject({ counted: 7, base: 10, allowed: 6, exactUnits: 70_000 });
    expect(c.limitText).toBe(
      '< 70% của 10 người đạt/đề nghị CSTĐCS = 7 → lãnh đạo tối đa 6 người ' +
        '(phải thấp hơn hẳn tỷ lệ, bằng đúng tỷ lệ là không đạt)',
    );
    expect(c.message).toContain('7 lãnh đạo trong 10 người đạt/đề nghị CSTĐCS (70%)');
    // Exactly 30% non-leaders fails "trên 30%" too.
    const nl = find(checks, 'cstdcs-non-leader-share');
    expect(nl.pass).toBe(false);
    expect(nl.rounding).toBe('strict-above');
    expect(nl.numbers).toMatchObject({ counted: 3, base: 10, required: 4 });
  });

  it('69,9% leaders passes', () => {
    const checks = run(leaders(1000, 699));
    const c = find(checks, 'cstdcs-leader-share');
    expect(c.pass).toBe(true);
    expect(c.numbers).toMatchObject({ counted: 699, base: 1000, allowed: 699 });
    expect(c.message).toContain('(69,9%)');
    const nl = find(checks, 'cstdcs-non-leader-share');
    expect(nl.pass).toBe(true);
    expect(nl.numbers).toMatchObject({ counted: 301, required: 301 });
  });

  it('no CSTĐCS: not applicable', () => {
    const c = find(run(many(5)), 'cstdcs-leader-share');
    expect(c.pass).toBe(true);
    expect(c.applicable).toBe(false);
    expect(c.message).toContain('không có người nào');
  });

  it('each half can be switched off', () => {
    const rules = withOverrides(DEFAULT_PRESET, { nonLeaderShare: null });
    const ids = run(leaders(10, 7), { rules }).map((c) => c.id);
    expect(ids).toContain('cstdcs-leader-share');
    expect(ids).not.toContain('cstdcs-non-leader-share');
  });
});

describe('TTLĐXS conditions', () => {
  const xs = [unit('CA', { proposed: 'ttldxs' })];

  it.each([
    [69, false],
    [70, true],
  ])('100 members with %i LĐTT → pass %s (≥ 70%, ceil)', (k, pass) => {
    const people = [
      person({ proposed: 'cstdcs' }),
      ...many(k - 1),
      ...many(100 - k, { proposed: undefined }),
    ];
    const c = find(run(people, { collectives: xs }), 'ttldxs-ldtt-share');
    expect(c.pass).toBe(pass);
    expect(c.rounding).toBe('ceil');
    expect(c.numbers).toMatchObject({ counted: k, base: 100, required: 70 });
    expect(c.limitText).toBe('≥ 70% của 100 thành viên = 70 → cần ít nhất 70 người (làm tròn lên)');
    if (!pass) expect(c.details[0]).toMatch(/^Không đạt\/không đề nghị LĐTT: /);
  });

  it('7 members: 70% = 4,9 → 5 required', () => {
    const people = [
      person({ proposed: 'cstdcs' }),
      ...many(3),
      ...many(3, { proposed: undefined }),
    ];
    const c = find(run(people, { collectives: xs }), 'ttldxs-ldtt-share');
    expect(c.pass).toBe(false);
    expect(c.numbers).toMatchObject({ counted: 4, required: 5 });
    expect(c.limitText).toContain('= 4,9 → cần ít nhất 5 người (làm tròn lên)');
  });

  it('one member not completing duties fails the 100% condition', () => {
    const people = [
      person({ proposed: 'cstdcs' }),
      ...many(8),
      person({ name: 'Phạm Thị Chưa', completesDuties: false }),
    ];
    const checks = run(people, { collectives: xs });
    const c = find(checks, 'ttldxs-duties');
    expect(c.pass).toBe(false);
    expect(c.numbers).toMatchObject({ counted: 9, base: 10, required: 10 });
    expect(c.details).toEqual(['Không hoàn thành nhiệm vụ: Phạm Thị Chưa']);
    expect(c.source).toBe('Luật Thi đua, khen thưởng 06/2022/QH15, Điều 27');
    expect(find(checks, 'ttldxs-ldtt-share').pass).toBe(true);
    expect(find(checks, 'ttldxs-cstdcs').pass).toBe(true);
  });

  it('zero CSTĐCS fails', () => {
    const c = find(run(many(10), { collectives: xs }), 'ttldxs-cstdcs');
    expect(c.pass).toBe(false);
    expect(c.rounding).toBe('none');
    expect(c.numbers).toEqual({ counted: 0, base: 10, required: 1 });
    expect(c.message).toContain('thiếu 1 người');
  });

  it('no TTLĐXS check for a unit not proposed TTLĐXS', () => {
    const ids = run(many(10)).map((c) => c.id);
    expect(ids.some((id) => id.startsWith('ttldxs'))).toBe(false);
  });
});

describe('plan targets', () => {
  function units(n: number, xsCount: number): Collective[] {
    return Array.from({ length: n }, (_, i) =>
      unit(`U${i}`, { proposed: i < xsCount ? 'ttldxs' : 'ttldtt' }),
    );
  }

  it.each([
    [29, false],
    [30, true],
  ])('100 units with %i TTLĐXS → pass %s', (k, pass) => {
    const c = find(run([], { collectives: units(100, k) }), 'target-units-ttldxs', 'khoi');
    expect(c.pass).toBe(pass);
    expect(c.numbers).toMatchObject({ counted: k, base: 100, required: 30 });
  });

  it('30% of 7 units = 2,1 → 3 required (ceil)', () => {
    const c = find(run([], { collectives: units(7, 2) }), 'target-units-ttldxs', 'khoi');
    expect(c.pass).toBe(false);
    expect(c.rounding).toBe('ceil');
    expect(c.limitText).toBe('≥ 30% của 7 đơn vị = 2,1 → cần ít nhất 3 đơn vị (làm tròn lên)');
    expect(c.message).toContain('thiếu 1 đơn vị');
    expect(find(run([], { collectives: units(7, 3) }), 'target-units-ttldxs', 'khoi').pass).toBe(
      true,
    );
  });

  it('100% units TTLĐTT: a unit without proposal (even one only in unitCodes) fails', () => {
    const checks = run([], { collectives: units(3, 0), unitCodes: ['U0', 'U1', 'U2', 'X'] });
    const c = find(checks, 'target-units-ttldtt', 'khoi');
    expect(c.pass).toBe(false);
    expect(c.numbers).toMatchObject({ counted: 3, base: 4, required: 4 });
    expect(c.details).toEqual(['Chưa đạt/chưa đề nghị TTLĐTT: X']);
  });

  it('≥ 1 provincial CSTĐ in the bloc; 100% individuals LĐTT', () => {
    const none = run(many(5));
    expect(find(none, 'target-provincial-cstd', 'khoi').pass).toBe(false);
    expect(find(none, 'target-individuals-ldtt', 'khoi').pass).toBe(true);

    const people = [
      ...many(4),
      person({ proposed: 'cstd-tinh' }),
      person({ name: 'Không', proposed: undefined }),
    ];
    const checks = run(people);
    const prov = find(checks, 'target-provincial-cstd', 'khoi');
    expect(prov.pass).toBe(true);
    expect(prov.numbers).toMatchObject({ counted: 1, required: 1 });
    const ldtt = find(checks, 'target-individuals-ldtt', 'khoi');
    expect(ldtt.pass).toBe(false);
    expect(ldtt.numbers).toMatchObject({ counted: 5, base: 6, required: 6 });
    expect(ldtt.details).toEqual(['Chưa đạt/chưa đề nghị LĐTT: Không (CA)']);
  });

  it('each target can be switched off', () => {
    const rules = withOverrides(DEFAULT_PRESET, {
      targets: { unitsTtldxs: null, provincialCstd: null },
    });
    const ids = run(many(3), { rules }).map((c) => c.id);
    expect(ids).toContain('target-units-ttldtt');
    expect(ids).toContain('target-individuals-ldtt');
    expect(ids).not.toContain('target-units-ttldxs');
    expect(ids).not.toContain('target-provincial-cstd');
  });

  it('no units at all: targets not applicable', () => {
    const checks = run([], { collectives: [] });
    const c = find(checks, 'target-units-ttldtt', 'khoi');
    expect(c.applicable).toBe(false);
    expect(c.pass).toBe(true);
    expect(c.message).toContain('không có đơn vị nào');
  });
});

describe('eligibility (consecutive years before the proposal year)', () => {
  const cs = (...years: number[]) => years.map((year) => ({ year, title: 'cstdcs' as const }));

  it('CSTĐ cấp tỉnh: 3 consecutive CSTĐCS (2022–2024) for 2025 passes', () => {
    const c = find(
      run([person({ proposed: 'cstd-tinh', history: cs(2022, 2023, 2024) })]),
      'cstd-tinh-eligibility',
    );
    expect(c.pass).toBe(true);
    expect(c.numbers).toEqual({ counted: 1, base: 1, required: 1 });
    expect(c.limitText).toContain('là các năm 2022, 2023, 2024 (liền trước năm đề nghị 2025');
  });

  it('2 consecutive years fail', () => {
    const c = find(
      run([person({ name: 'Đỗ Hai', proposed: 'cstd-tinh', history: cs(2023, 2024) })]),
      'cstd-tinh-eligibility',
    );
    expect(c.pass).toBe(false);
    expect(c.numbers.counted).toBe(0);
    expect(c.details).toEqual(['Đỗ Hai: thiếu năm 2022 (các năm đạt CSTĐCS trở lên: 2023, 2024)']);
  });

  it('a gap breaks the run, even with 3 CSTĐCS in total', () => {
    const c = find(
      run([person({ name: 'Gián Đoạn', proposed: 'cstd-tinh', history: cs(2021, 2022, 2024) })]),
      'cstd-tinh-eligibility',
    );
    expect(c.pass).toBe(false);
    expect(c.details[0]).toBe(
      'Gián Đoạn: thiếu năm 2023 (các năm đạt CSTĐCS trở lên: 2021, 2022, 2024)',
    );
  });

  it('the proposal year itself does not count; the year is an input', () => {
    const p = person({ proposed: 'cstd-tinh', history: cs(2023, 2024, 2025) });
    expect(find(run([p]), 'cstd-tinh-eligibility').pass).toBe(false);
    expect(find(run([p], { year: 2026 }), 'cstd-tinh-eligibility').pass).toBe(true);
  });

  it('a higher title in a year counts as CSTĐCS that year', () => {
    const history = [...cs(2022, 2024), { year: 2023, title: 'cstd-tinh' as const }];
    expect(
      find(run([person({ proposed: 'cstd-tinh', history })]), 'cstd-tinh-eligibility').pass,
    ).toBe(true);
  });

  it('CSTĐ toàn quốc needs 2 consecutive provincial titles', () => {
    const tinh = (...years: number[]) =>
      years.map((year) => ({ year, title: 'cstd-tinh' as const }));
    const ok = find(
      run([person({ proposed: 'cstd-toan-quoc', history: tinh(2023, 2024) })]),
      'cstd-toan-quoc-eligibility',
    );
    expect(ok.pass).toBe(true);
    const bad = find(
      run([
        person({
          name: 'Một Lần',
          proposed: 'cstd-toan-quoc',
          history: [...tinh(2024), ...cs(2023)],
        }),
      ]),
      'cstd-toan-quoc-eligibility',
    );
    expect(bad.pass).toBe(false);
    expect(bad.details[0]).toBe(
      'Một Lần: thiếu năm 2023 (các năm đạt CSTĐ cấp tỉnh trở lên: 2024)',
    );
  });

  it('the number of years is a setting', () => {
    const rules = withOverrides(DEFAULT_PRESET, {
      eligibility: { cstdTinh: { consecutiveYears: 2 } },
    });
    const c = find(
      run([person({ proposed: 'cstd-tinh', history: cs(2023, 2024) })], { rules }),
      'cstd-tinh-eligibility',
    );
    expect(c.pass).toBe(true);
    expect(c.source).toMatch(/^Khối điều chỉnh: số năm liên tục 2 \(mặc định 3\)/);
  });
});

describe('LĐTT exclusions (Decree 65/2014 art. 5, older regime)', () => {
  it.each([
    [{ monthsInService: 9 }, false, 'mới tuyển dụng 9 tháng — chưa đủ 10 tháng'],
    [{ monthsInService: 10 }, true, undefined],
    [{ daysOff: 39 }, true, undefined],
    [{ daysOff: 40 }, false, 'nghỉ 40 ngày làm việc — từ 40 ngày trở lên'],
    [{ disciplined: true }, false, 'bị kỷ luật'],
  ] as const)('%o → pass %s', (o, pass, reason) => {
    const c = find(run([...many(3), person({ name: 'Người Xét', ...o })]), 'ldtt-exclusions');
    expect(c.pass).toBe(pass);
    expect(c.numbers).toEqual({ counted: pass ? 0 : 1, base: 4, allowed: 0 });
    expect(c.details).toEqual(reason === undefined ? [] : [`Người Xét: ${reason}`]);
    expect(c.source).toContain('Nghị định 65/2014/NĐ-CP, Điều 5 (chế độ cũ');
  });

  it('lists every reason of a person', () => {
    const c = find(
      run([person({ name: 'Ba Lý Do', monthsInService: 3, daysOff: 50, disciplined: true })]),
      'ldtt-exclusions',
    );
    expect(c.details).toEqual([
      'Ba Lý Do: mới tuyển dụng 3 tháng — chưa đủ 10 tháng; nghỉ 50 ngày làm việc — từ 40 ngày trở lên; bị kỷ luật',
    ]);
    expect(c.message).toContain('KHÔNG ĐẠT, 1 người không được xét LĐTT');
  });

  it('discipline exclusion can be switched off', () => {
    const rules = withOverrides(DEFAULT_PRESET, { ldttExclusions: { excludeDisciplined: false } });
    const c = find(run([person({ disciplined: true })], { rules }), 'ldtt-exclusions');
    expect(c.pass).toBe(true);
    expect(c.limitText).not.toContain('kỷ luật');
  });

  it('nobody proposed LĐTT: not applicable', () => {
    const c = find(run([person({ proposed: undefined, disciplined: true })]), 'ldtt-exclusions');
    expect(c.applicable).toBe(false);
    expect(c.pass).toBe(true);
  });
});

describe('Government flag ≤ 20% of bloc-leading units', () => {
  it.each([
    [2, true],
    [3, false],
  ])('10 leaders, %i proposed → pass %s', (proposed, pass) => {
    const c = checkGovernmentFlagShare({ blocLeaders: 10, proposed, rules: DEFAULT_PRESET });
    expect(c.pass).toBe(pass);
    expect(c.numbers).toMatchObject({ counted: proposed, base: 10, allowed: 2 });
    expect(c.limitText).toBe(
      '≤ 20% của 10 đơn vị dẫn đầu khối = 2 → tối đa 2 đơn vị (làm tròn xuống)',
    );
    expect(c.source).toBe(
      'Nghị định 91/2017/NĐ-CP, Điều 11; Công văn 5007/BNV-TĐKT năm 2023 của Bộ Nội vụ',
    );
  });

  it('20% of 4 = 0,8 → 0 allowed (floor), and the text says so', () => {
    const c = checkGovernmentFlagShare({ blocLeaders: 4, proposed: 1, rules: DEFAULT_PRESET });
    expect(c.pass).toBe(false);
    expect(c.numbers.allowed).toBe(0);
    expect(c.rounding).toBe('floor');
    expect(c.limitText).toBe(
      '≤ 20% của 4 đơn vị dẫn đầu khối = 0,8 → tối đa 0 đơn vị (làm tròn xuống)',
    );
    expect(c.message).toContain('làm tròn xuống');
    expect(
      checkGovernmentFlagShare({ blocLeaders: 4, proposed: 0, rules: DEFAULT_PRESET }).pass,
    ).toBe(true);
  });

  it('nothing to count, or rule off: not applicable', () => {
    const zero = checkGovernmentFlagShare({ blocLeaders: 0, proposed: 0, rules: DEFAULT_PRESET });
    expect(zero).toMatchObject({ pass: true, applicable: false });
    const off = withOverrides(DEFAULT_PRESET, { governmentFlag: null });
    expect(checkGovernmentFlagShare({ blocLeaders: 5, proposed: 5, rules: off })).toMatchObject({
      pass: true,
      applicable: false,
    });
  });

  it('rejects non-integer counts', () => {
    expect(() =>
      checkGovernmentFlagShare({ blocLeaders: 2.5, proposed: 0, rules: DEFAULT_PRESET }),
    ).toThrow(RangeError);
  });
});

describe('presets', () => {
  it('army: CSTĐCS ≤ 10% of headcount', () => {
    // 23 people, only 15 of them LĐTT: the base is still 23.
    const people = [...cstdcsUnit(15, 2), ...many(8, { proposed: undefined })];
    const c = find(run(people, { rules: ARMY_PRESET }), 'cstdcs-share');
    expect(c.pass).toBe(true);
    expect(c.numbers).toMatchObject({ counted: 2, base: 23, allowed: 2, shareUnits: 1000 });
    expect(c.limitText).toBe(
      '≤ 10% của 23 người (tổng số, quân số) = 2,3 → tối đa 2 người (làm tròn xuống)',
    );
    expect(c.source).toContain('Quân đội');
    const bad = find(
      run([...people, person({ proposed: 'cstdcs' })], { rules: ARMY_PRESET }),
      'cstdcs-share',
    );
    expect(bad.numbers).toMatchObject({ counted: 3, base: 24, allowed: 2 });
    expect(bad.pass).toBe(false);
  });

  it('militia: 5% of headcount', () => {
    const c = find(run(cstdcsUnit(39, 2), { rules: MILITIA_PRESET }), 'cstdcs-share');
    expect(c.numbers).toMatchObject({ allowed: 1, shareUnits: 500 });
    expect(c.pass).toBe(false);
  });

  it('PRESETS by id, all valid and with a source on every rule', () => {
    expect(Object.keys(PRESETS)).toEqual(['mac-dinh', 'quan-doi', 'dan-quan-tu-ve']);
    expect(PRESETS['quan-doi']).toBe(ARMY_PRESET);
    for (const [id, p] of Object.entries(PRESETS)) expect(p.id).toBe(id);
    expect([
      isQuotaPresetId('quan-doi'),
      isQuotaPresetId('quan-doj'),
      isQuotaPresetId('toString'),
    ]).toEqual([true, false, false]);
    for (const p of Object.values(PRESETS)) expect(validateRuleSet(p)).toEqual([]);
    expect(Object.isFrozen(DEFAULT_PRESET.targets)).toBe(true);
  });
});

describe('withOverrides', () => {
  it('changes the number and marks the source, leaving the preset alone', () => {
    const rules = withOverrides(DEFAULT_PRESET, { cstdcsShare: { maxShare: 0.2 } });
    expect(rules.cstdcsShare?.maxShare).toBe(0.2);
    expect(rules.cstdcsShare?.source).toBe(
      `Khối điều chỉnh: tỷ lệ tối đa 20% (mặc định 15%). Nguồn mặc định: ${DEFAULT_PRESET.cstdcsShare?.source}`,
    );
    expect(rules.id).toBe('mac-dinh-khoi-dieu-chinh');
    expect(rules.basedOn).toBe('mac-dinh');
    expect(DEFAULT_PRESET.cstdcsShare?.maxShare).toBe(0.15);
    // Untouched rules keep their legal source.
    expect(rules.governmentFlag?.source).toBe(DEFAULT_PRESET.governmentFlag?.source);

    const c = find(run(cstdcsUnit(23, 4), { rules }), 'cstdcs-share');
    expect(c.pass).toBe(true);
    expect(c.numbers.allowed).toBe(4);
    expect(c.source.startsWith('Khối điều chỉnh: ')).toBe(true);
  });

  it('quotes the bloc\u2019s own source text first', () => {
    const rules = withOverrides(ARMY_PRESET, {
      governmentFlag: { maxShare: 0.25, source: 'Quyết định 12/QĐ-KNC' },
    });
    expect(rules.governmentFlag?.source).toMatch(
      /^Khối điều chỉnh: Quyết định 12\/QĐ-KNC; tỷ lệ tối đa 25% \(mặc định 20%\)\. Nguồn mặc định: Nghị định 91/,
    );
    expect(checkGovernmentFlagShare({ blocLeaders: 4, proposed: 1, rules }).pass).toBe(true);
  });

  it('an override equal to the default changes nothing', () => {
    const rules = withOverrides(DEFAULT_PRESET, { cstdcsShare: { maxShare: 0.15 } });
    expect(rules).toEqual(DEFAULT_PRESET);
  });

  it('a rule switched off can be switched back on from the default values', () => {
    const off = withOverrides(DEFAULT_PRESET, { targets: { unitsTtldxs: null } });
    expect(off.targets.unitsTtldxs).toBeNull();
    const on = withOverrides(off, { targets: { unitsTtldxs: { minShare: 0.5 } } });
    expect(on.targets.unitsTtldxs?.minShare).toBe(0.5);
    expect(on.targets.unitsTtldxs?.source).toMatch(
      /^Khối điều chỉnh: bật lại quy tắc mặc định đã tắt; tỷ lệ tối thiểu 50% \(mặc định 30%\)/,
    );
  });

  it('rejects unknown settings and invalid numbers', () => {
    expect(() => withOverrides(DEFAULT_PRESET, { cstdcsShare: { shares: 0.1 } } as never)).toThrow(
      /Unknown quota setting rules\.cstdcsShare\.shares/,
    );
    expect(() => withOverrides(DEFAULT_PRESET, { cstdcsShare: { maxShare: 1.5 } })).toThrow(
      RangeError,
    );
    expect(() => withOverrides(DEFAULT_PRESET, { cstdcsShare: { maxShare: 0.123456 } })).toThrow(
      /multiple of 1\/10000/,
    );
    expect(() =>
      withOverrides(DEFAULT_PRESET, { eligibility: { cstdTinh: { consecutiveYears: 0 } } }),
    ).toThrow(RangeError);
  });
});

describe('texts and findings', () => {
  it('messages and details are NFC even for decomposed input', () => {
    const decomposed = 'Nguyễn Văn Ánh'.normalize('NFD');
    const checks = run([person({ name: decomposed, disciplined: true })]);
    const c = find(checks, 'ldtt-exclusions');
    expect(c.details[0]).toBe('Nguyễn Văn Ánh: bị kỷ luật'.normalize('NFC'));
    for (const x of checks) {
      expect(x.message).toBe(x.message.normalize('NFC'));
      expect(x.limitText).toBe(x.limitText.normalize('NFC'));
    }
  });

  it('quotaFindings turns failures into error findings', () => {
    const checks = run(cstdcsUnit(23, 4));
    const findings = quotaFindings(checks);
    expect(findings.length).toBe(checks.filter((c) => !c.pass).length);
    expect(findings).toContainEqual({
      kind: 'quota:cstdcs-share',
      severity: 'error',
      message: find(checks, 'cstdcs-share').message,
    });
  });

  it('rejects the reserved unit code and a non-integer year', () => {
    expect(() => run([person({ unitCode: 'khoi' })], { collectives: [] })).toThrow(RangeError);
    expect(() => run([], { year: 2025.5 })).toThrow(RangeError);
  });
});

describe('properties: integer share arithmetic', () => {
  const bpArb = fc.integer({ min: 0, max: 10_000 });
  const nArb = fc.integer({ min: 0, max: 500 });

  it('allowed = largest k with k·10000 ≤ bp·n, as the check computes it', () => {
    fc.assert(
      fc.property(nArb, bpArb, (n, bp) => {
        let brute = 0;
        while ((brute + 1) * 10_000 <= bp * n) brute++;
        expect(maxCountAtMost(bp, n)).toBe(brute);
        // Through a real check: the Government flag quota set to bp basis points.
        const rules = withOverrides(DEFAULT_PRESET, { governmentFlag: { maxShare: bp / 10_000 } });
        const c = checkGovernmentFlagShare({ blocLeaders: n, proposed: brute, rules });
        expect(c.numbers.allowed).toBe(brute);
        expect(c.pass).toBe(true);
        if (n > 0) {
          expect(
            checkGovernmentFlagShare({ blocLeaders: n, proposed: brute + 1, rules }).pass,
          ).toBe(false);
        }
      }),
    );
  });

  it('required (ceil) and strict-below limits match brute force', () => {
    fc.assert(
      fc.property(nArb, bpArb, (n, bp) => {
        let need = 0;
        while (need * 10_000 < bp * n) need++;
        expect(minCountAtLeast(bp, n)).toBe(need);
        let below = -1;
        while ((below + 1) * 10_000 < bp * n) below++;
        expect(maxCountStrictlyBelow(bp, n)).toBe(below);
      }),
    );
  });
});
