import { proposeAwards } from '../../src/core/award/proposals';
import { classify } from '../../src/core/award/classify';
import { rankUnits, type RankEntry } from '../../src/core/ranking/rank';

const unit = (unitCode: string, total: number, extra: Partial<RankEntry> = {}): RankEntry => ({
  unitCode,
  name: `Đơn vị ${unitCode}`,
  total,
  penalty: 0,
  knockedOut: false,
  ...extra,
});

describe('ranking', () => {
  it('gives competition ranks 1, 2, 2, 4 like RANK.EQ, and says the tie stands', () => {
    const r = rankUnits([unit('A', 95), unit('B', 90.5), unit('C', 90.5), unit('D', 80)]);
    expect(r.units.map((u) => [u.unitCode, u.rank])).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 2],
      ['D', 4],
    ]);
    expect(r.ties).toEqual([
      {
        total: 90.5,
        units: ['B', 'C'],
        stands: true,
        message: 'Đơn vị B, Đơn vị C bằng điểm (90,5); khối chưa chọn tiêu chí phụ; vẫn đồng hạng.',
      },
    ]);
  });

  it('gives dense ranks 1, 2, 2, 3 on request', () => {
    const r = rankUnits([unit('A', 95), unit('B', 90.5), unit('C', 90.5), unit('D', 80)], {
      mode: 'dense',
      tieBreakers: [],
    });
    expect(r.units.map((u) => u.rank)).toEqual([1, 2, 2, 3]);
  });

  it('treats totals equal to the last decimal as equal, whatever float sum produced them', () => {
    const r = rankUnits([unit('A', 0.1 + 0.2), unit('B', 0.3)]);
    expect(r.units.map((u) => u.rank)).toEqual([1, 1]);
  });

  it('applies the tie-breakers in the bloc order, falling through when one still ties', () => {
    const r = rankUnits(
      [
        unit('A', 90, { penalty: 2, submittedAt: '2025-12-01' }),
        unit('B', 90, { penalty: 1, submittedAt: '2025-12-05' }),
        unit('C', 90, { penalty: 2, submittedAt: '2025-12-03' }),
      ],
      {
        mode: 'competition',
        tieBreakers: [{ kind: 'fewer-penalty' }, { kind: 'earlier-submission' }],
      },
    );
    expect(r.units.map((u) => [u.unitCode, u.rank])).toEqual([
      ['B', 1],
      ['A', 2],
      ['C', 3],
    ]);
    expect(r.ties[0]!.stands).toBe(false);
    expect(r.ties[0]!.message).toBe(
      'Đơn vị A, Đơn vị B, Đơn vị C bằng điểm (90); phân định theo tiêu chí "ít điểm trừ hơn": Đơn vị A 2, Đơn vị B 1, Đơn vị C 2; ' +
        'phân định theo tiêu chí "nộp sớm hơn": Đơn vị A 01/12/2025, Đơn vị C 03/12/2025.',
    );
  });

  it('skips a tie-breaker when a tied unit lacks its data, and says so', () => {
    const r = rankUnits([unit('A', 90, { vote: 0.9 }), unit('B', 90)], {
      mode: 'competition',
      tieBreakers: [{ kind: 'vote' }],
    });
    expect(r.units.map((u) => u.rank)).toEqual([1, 1]);
    expect(r.ties[0]!.message).toContain(
      'không dùng được tiêu chí "tỷ lệ biểu quyết cao hơn" vì thiếu dữ liệu',
    );
  });

  it('uses earned base in a named subtree', () => {
    const r = rankUnits(
      [unit('A', 90, { subtreeBase: { I: 18 } }), unit('B', 90, { subtreeBase: { I: 19.5 } })],
      {
        mode: 'competition',
        tieBreakers: [{ kind: 'higher-base', subtree: 'I' }],
      },
    );
    expect(r.units.map((u) => u.unitCode)).toEqual(['B', 'A']);
  });

  it('lists knocked-out units after the ranked ones, without a rank', () => {
    const r = rankUnits([unit('K', 120, { knockedOut: true }), unit('A', 80)]);
    expect(r.units.map((u) => [u.unitCode, u.rank, u.position])).toEqual([
      ['A', 1, 1],
      ['K', null, 2],
    ]);
  });
});

describe('classification', () => {
  it('uses the thresholds inclusively and exactly', () => {
    expect(classify(91, false)).toBe('Xuất sắc');
    expect(classify(90.99, false)).toBe('Tốt');
    expect(classify(70, false)).toBe('Tốt');
    expect(classify(69.9999, false)).toBe('Hoàn thành');
    expect(classify(130, true)).toBe('Không xếp loại');
  });
});

describe('award proposals', () => {
  const classOf = (code: string) => (code === 'D' ? 'Hoàn thành' : 'Xuất sắc');

  it('proposes the flag to the leader and certificates to the next units', () => {
    const ranked = rankUnits([
      unit('A', 99),
      unit('B', 95),
      unit('C', 94),
      unit('D', 60),
      unit('E', 93),
    ]).units;
    const p = proposeAwards(ranked, classOf);
    expect(p.map((x) => [x.unitCode, x.award ?? null])).toEqual([
      ['A', 'flag'],
      ['B', 'certificate'],
      ['C', 'certificate'],
      ['E', null],
      ['D', null],
    ]);
  });

  it('marks units tied at the cut-off as pending a vote instead of choosing one', () => {
    const ranked = rankUnits([unit('A', 99), unit('B', 99), unit('C', 94)]).units;
    const p = proposeAwards(ranked, classOf);
    expect(p.map((x) => [x.unitCode, x.award ?? null, x.pending])).toEqual([
      ['A', null, true],
      ['B', null, true],
      ['C', 'certificate', false],
    ]);
    expect(p[0]!.note).toBe(
      'Đơn vị A, Đơn vị B đồng hạng 1 tranh 1 suất Cờ thi đua của UBND tỉnh: khối cần biểu quyết',
    );
  });

  it('requires the vote share when the bloc sets one', () => {
    const ranked = rankUnits([
      unit('A', 99, { vote: 0.79 }),
      unit('B', 95, { vote: 0.8 }),
      unit('C', 90),
    ]).units;
    const p = proposeAwards(ranked, classOf, {
      requiredVoteShare: 0.8,
      levels: [{ kind: 'flag', label: 'Cờ thi đua', count: 1, classes: ['Xuất sắc'] }],
    });
    expect(p.map((x) => x.award ?? null)).toEqual([null, 'flag', null]);
    expect(p[0]!.note).toBe('tỷ lệ biểu quyết 79% dưới mức 80% nên không đề nghị Cờ thi đua');
    expect(p[2]!.note).toBe('chưa có kết quả biểu quyết (cần ≥ 80%) nên chưa đề nghị Cờ thi đua');
  });
});
