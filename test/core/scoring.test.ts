import { compileTemplate } from '../../src/core/template/compile';
import { scoreUnit, type UnitScore } from '../../src/core/scoring/score';
import type { ItemEntry } from '../../src/core/scoring/types';
import { formatDecimal } from '../../src/core/text/vietnamese';
import { SAMPLE_TEMPLATE } from '../../src/sample/template';

const compiled = compileTemplate(SAMPLE_TEMPLATE);

/**
 * A verified sheet reproducing the shape of a real verification minute (biên bản thẩm định): every
 * base point earned, bonuses above several caps, agreed total 118,4 / 100.
 */
const verifiedCase: Record<string, ItemEntry> = {
  '1.1': { self: '2025-01-15', evidence: 'Kế hoạch số 12/KH-CAT ngày 15/01/2025' },
  '1.2': { self: 4 },
  '1.2.1': { self: 5 },
  '1.3': { self: 6 },
  '1.3.1': { self: 8, evidence: '8 bài trên Báo Tuyên Quang' },
  '1.4': { self: '1.4.a' },
  '2.1.1': { self: 10 },
  '2.1.1.1': {
    self: 10,
    verified: 9,
    evidence: 'Báo cáo 45/BC-CAT',
    reason: 'Chỉ tiêu 7 chưa có số liệu kiểm chứng',
  },
  '2.1.1.2': { self: 1 },
  '2.1.2': { self: 98.5 },
  '2.2.1': { self: 8 },
  '2.2.1.1': { self: 2 },
  '2.2.2': { self: 7 },
  '2.2.2.1': { self: 1.4, evidence: 'Quyết định 301/QĐ-UBND' },
  '2.3.1': { self: 15 },
  '2.3.1.1': { self: 2500 },
  '2.3.1.2': { self: 35 },
  '3.1': { self: 10 },
  '3.2': { self: 10 },
  '3.2.1': { self: 0 },
  '4.1': { self: 5 },
  '4.1.1': { self: 2 },
  '4.2': { self: 5 },
  '4.2.1': { self: 2 },
  '5.1': {
    self: '5.1.a',
    verified: '5.1.b',
    evidence: 'Quyết định 88/QĐ-UBND',
    reason: 'Cờ của UBND tỉnh, không phải Chính phủ',
  },
  '5.2': { self: 4, evidence: 'Quyết định công nhận sáng kiến số 15, 16, 17, 18' },
};

function expectNode(
  score: UnitScore,
  code: string,
  expected: { base: number; bonus: number; penalty: number; total: number },
) {
  const n = score.node(code);
  expect({ code, base: n.earnedBase, bonus: n.bonus, penalty: n.penalty, total: n.total }).toEqual({
    code,
    ...expected,
  });
}

describe('a real verified case (118,4 / 100)', () => {
  const score = scoreUnit(compiled, { unitCode: 'CAT', entries: verifiedCase });

  it('agrees on the grand total, printed without drift', () => {
    expect(score.verified).toEqual({
      earnedBase: 100,
      bonusRaw: 25.4,
      penaltyRaw: 7,
      bonus: 25.4,
      penalty: 7,
      total: 118.4,
    });
    expect(formatDecimal(score.verified.total)).toBe('118,4');
    expect(score.knockedOut).toBe(false);
  });

  it('computes every subtree', () => {
    expectNode(score, 'I', { base: 20, bonus: 1, penalty: 2, total: 19 });
    expectNode(score, '1.1', { base: 4, bonus: 0, penalty: 0, total: 4 });
    expectNode(score, '1.2', { base: 4, bonus: 0, penalty: 2, total: 2 });
    expectNode(score, '1.2.1', { base: 0, bonus: 0, penalty: 2.5, total: -2.5 });
    expectNode(score, '1.3', { base: 6, bonus: 1, penalty: 0, total: 7 });
    expectNode(score, '1.3.1', { base: 0, bonus: 1, penalty: 0, total: 1 });
    expectNode(score, '1.4', { base: 6, bonus: 0, penalty: 0, total: 6 });
    expectNode(score, 'II', { base: 50, bonus: 11.4, penalty: 2, total: 59.4 });
    expectNode(score, '2.1', { base: 20, bonus: 8, penalty: 1, total: 27 });
    expectNode(score, '2.1.1', { base: 10, bonus: 9, penalty: 1, total: 18 });
    expectNode(score, '2.1.2', { base: 10, bonus: 0, penalty: 0, total: 10 });
    expectNode(score, '2.2', { base: 15, bonus: 1.4, penalty: 1, total: 15.4 });
    expectNode(score, '2.2.1', { base: 8, bonus: 0, penalty: 1, total: 7 });
    expectNode(score, '2.2.2', { base: 7, bonus: 1.4, penalty: 0, total: 8.4 });
    expectNode(score, '2.3', { base: 15, bonus: 2, penalty: 0, total: 17 });
    expectNode(score, '2.3.1.3', { base: 0, bonus: 2, penalty: 0, total: 2 });
    expectNode(score, 'III', { base: 20, bonus: 0, penalty: 0, total: 20 });
    expectNode(score, 'IV', { base: 10, bonus: 0, penalty: 3, total: 7 });
    expectNode(score, '4.1', { base: 5, bonus: 0, penalty: 2, total: 3 });
    expectNode(score, '4.2', { base: 5, bonus: 0, penalty: 1, total: 4 });
    expectNode(score, 'V', { base: 0, bonus: 13, penalty: 0, total: 13 });
    expectNode(score, '5.1', { base: 0, bonus: 10, penalty: 0, total: 10 });
    expectNode(score, '5.2', { base: 0, bonus: 3, penalty: 0, total: 3 });
  });

  it('picks alternatives from dates, percentages and a two-input band', () => {
    expect(score.node('1.1').chosen).toBe('1.1.a');
    expect(score.node('2.1.2').chosen).toBe('2.1.2.a');
    expect(score.node('2.3.1.3').chosen).toBe('2.3.1.3.c');
    expect(score.node('2.3.1.3.c').chosen).toBe('2.3.1.3.c.1');
    expect(score.node('5.1').chosen).toBe('5.1.b');
    expect(score.node('5.1', 'self').chosen).toBe('5.1.a');
  });

  it('keeps the self score beside the verified one', () => {
    // Self claims the Government flag (+15) and 10 targets: part V caps at 15, 2.1's net cap holds 8.
    expect(score.self.total).toBe(120.4);
    expect(score.node('V', 'self')).toMatchObject({ bonusRaw: 18, bonus: 15 });
    expect(score.node('2.1', 'self')).toMatchObject({ bonusRaw: 10, bonus: 8 });
  });

  it('reports each cap with how much it cut, on the verified side only where verified values changed it', () => {
    const caps = score.findings.filter((f) => f.kind === 'cap-applied' && f.side === 'verified');
    expect(caps.map((f) => f.code)).toEqual(['2.1']);
    expect(caps.find((f) => f.code === '2.1')!.message).toBe(
      'Khối chấm – mục 2.1: điểm thưởng 9 vượt trần; tính 8 (cắt 1).',
    );
    const selfCaps = score.findings.filter((f) => f.kind === 'cap-applied' && f.side === 'self');
    expect(selfCaps.map((f) => f.code).sort()).toEqual(['1.2', '1.3.1', '2.1', '5.2', 'V']);
  });

  it('lists self/verified differences with the difference and the reason', () => {
    const diffs = score.findings.filter((f) => f.kind === 'self-verified-differ');
    expect(diffs.map((f) => f.message)).toEqual([
      'Mục 2.1.1.1: khối chấm khác tự chấm (10 → 9, chênh -1 điểm); lý do: Chỉ tiêu 7 chưa có số liệu kiểm chứng.',
      'Mục 5.1: khối chấm khác tự chấm (5.1.a → 5.1.b, chênh -5 điểm); lý do: Cờ của UBND tỉnh, không phải Chính phủ.',
    ]);
  });
});

describe('rule kinds and warnings', () => {
  const score = (entries: Record<string, ItemEntry>) =>
    scoreUnit(compiled, { unitCode: 'X', entries });

  it('says whether the bloc has verified anything, wherever the verified value sits', () => {
    expect(score({}).hasVerified).toBe(false);
    expect(score({ '3.1': { self: 8 }, '3.2': { self: 5 } }).hasVerified).toBe(false);
    // The verified value on the last entry, equal to the self value: still verified.
    expect(score({ '3.1': { self: 8 }, '3.2': { self: 5, verified: 5 } }).hasVerified).toBe(true);
    // An entry for an unknown code counts too: the bloc did write in its column.
    expect(score({ 'a9.9': { self: 1, verified: 1 } }).hasVerified).toBe(true);
  });

  it('caps earned base at the base and warns', () => {
    const s = score({ '3.1': { self: 12 } });
    expect(s.node('3.1').earnedBase).toBe(10);
    expect(s.findings).toEqual([
      expect.objectContaining({ kind: 'above-base', code: '3.1', severity: 'error' }),
    ]);
  });

  it('rejects negative counts and text values with a message naming the item', () => {
    const s = score({ '1.2.1': { self: -2 }, '3.1': { self: 'mười' } });
    expect(s.node('1.2.1').penalty).toBe(0);
    expect(s.node('3.1').earnedBase).toBe(0);
    expect(s.findings.map((f) => f.message)).toEqual([
      'Tự chấm – mục 1.2.1: số trường hợp âm (-2); tính 0.',
      'Tự chấm – mục 3.1: giá trị "mười" không phải là số; tính 0 điểm.',
    ]);
  });

  it('applies the late-plan penalty after 31/01', () => {
    const s = score({ '1.1': { self: '2025-02-03', evidence: 'KH 20/KH' } });
    expect(s.node('1.1')).toMatchObject({ chosen: '1.1.b', earnedBase: 0, penalty: 1, total: -1 });
  });

  it('reads tier boundaries as from-inclusive, to-exclusive', () => {
    expect(score({ '2.1.2': { self: 98 } }).node('2.1.2').earnedBase).toBe(10);
    expect(score({ '2.1.2': { self: 97.99 } }).node('2.1.2').earnedBase).toBe(8);
    expect(score({ '2.1.2': { self: 96 } }).node('2.1.2').earnedBase).toBe(6);
    expect(score({ '2.1.2': { self: 95.9 } }).node('2.1.2').earnedBase).toBe(0);
  });

  it('bands a bonus on a second input (volume × early share)', () => {
    const bonus = (volume: number, share: number) =>
      score({ '2.3.1.1': { self: volume }, '2.3.1.2': { self: share } }).node('2.3.1.3').bonus;
    expect(bonus(999, 50)).toBe(1);
    expect(bonus(1000, 50)).toBe(1.5);
    expect(bonus(1999, 39.9)).toBe(1);
    expect(bonus(2000, 29)).toBe(1);
    expect(bonus(2000, 14)).toBe(0);
  });

  it('takes the lowest alternative when several are marked, and says so', () => {
    const s = score({ '1.4.a': { self: 6 }, '1.4.c': { self: 'x' } });
    expect(s.node('1.4')).toMatchObject({ chosen: '1.4.c', earnedBase: 0, penalty: 2 });
    expect(s.findings).toEqual([
      expect.objectContaining({ kind: 'several-alternatives', code: '1.4' }),
    ]);
  });

  it('refuses an alternative that is not in the choice', () => {
    const s = score({ '1.4': { self: '1.4.z' } });
    expect(s.node('1.4').total).toBe(0);
    expect(s.findings[0]).toMatchObject({ kind: 'unknown-alternative', code: '1.4' });
  });

  it('warns about a bonus without evidence where evidence is required', () => {
    const s = score({ '5.2': { self: 2 } });
    expect(s.findings).toEqual([
      expect.objectContaining({ kind: 'missing-evidence', code: '5.2' }),
    ]);
    expect(score({ '5.2': { self: 2, evidence: 'QĐ 1' } }).findings).toEqual([]);
  });

  it('says per node and side whether its points need evidence and whether it is cited', () => {
    const s = score({ '5.2': { self: 2, verified: 3, evidence: ' ' }, '3.1': { self: 10 } });
    expect(s.node('5.2', 'self').evidence).toBe('missing');
    expect(s.node('5.2', 'verified').evidence).toBe('missing');
    expect(s.node('3.1', 'self').evidence).toBe('none');
    expect(score({ '5.2': { self: 2, evidence: 'QĐ 1' } }).node('5.2', 'self').evidence).toBe(
      'given',
    );
    expect(score({ '5.2': { self: 0 } }).node('5.2', 'self').evidence).toBe('none');
    // The node's evidence state and the finding are one decision.
    expect(s.findings.filter((f) => f.kind === 'missing-evidence').map((f) => f.code)).toEqual([
      '5.2',
    ]);
  });

  it("gives each node's own contribution, and the verified difference of an item", () => {
    const s = scoreUnit(compiled, { unitCode: 'CAT', entries: verifiedCase });
    const item = s.node('2.1.1.1', 'verified');
    expect([item.differs, item.difference]).toEqual([true, -1]);
    expect(s.node('2.1.1.1', 'self').difference).toBe(-1);
    expect(s.node('5.1', 'verified')).toMatchObject({ differs: true, difference: -5 });
    expect(s.node('3.1', 'verified')).toMatchObject({ differs: false, difference: 0 });
    // A base item's contribution is its earned base, without its rule rows; other nodes: the total.
    const base = s.node('1.2', 'self');
    expect(base.contribution).toBe(base.earnedBase);
    expect(s.node('1.2.1', 'self').contribution).toBe(s.node('1.2.1', 'self').total);
    // A verified value where the unit left the item blank differs (no finding: nothing to compare).
    const blank = score({ '3.1': { verified: 8 } });
    expect(blank.node('3.1')).toMatchObject({ differs: true, difference: 8 });
    expect(blank.findings.filter((f) => f.kind === 'self-verified-differ')).toEqual([]);
  });

  it('keeps the knock-outs of the self side apart from those of the verified side', () => {
    const s = score({ 'KXL.1': { self: true, verified: false } });
    expect([s.selfKnockouts, s.knockouts]).toEqual([['KXL.1'], []]);
  });

  it('knocks a unit out whatever its points', () => {
    const s = score({ '3.1': { self: 10 }, 'KXL.1': { self: true } });
    expect(s.knockedOut).toBe(true);
    expect(s.knockouts).toEqual(['KXL.1']);
    expect(score({ 'KXL.1': { self: true, verified: false } }).knockedOut).toBe(false);
  });

  it('reports entries for codes the template does not have', () => {
    const s = score({ 'a9.9': { self: 1 } });
    expect(s.findings[0]).toMatchObject({ kind: 'unknown-code', code: 'a9.9' });
  });

  it('caps the combined adjustment in both directions', () => {
    const s = score({ '2.1.1.2': { self: 9 } });
    expect(s.node('2.1')).toMatchObject({ penaltyRaw: 9, penalty: 7, total: -7 });
  });

  it('lists a difference only where the entry itself differs, in Vietnamese number format', () => {
    const s = score({
      '2.1.1': { self: 10, verified: 10 },
      '2.1.1.1': { self: 3, verified: 2, evidence: 'BC 1' },
      '2.1.2': { self: 98.2, verified: 97.6 },
    });
    expect(
      s.findings.filter((f) => f.kind === 'self-verified-differ').map((f) => f.message),
    ).toEqual([
      'Mục 2.1.1.1: khối chấm khác tự chấm (3 → 2, chênh -1 điểm); chưa có giải trình.',
      'Mục 2.1.2: khối chấm khác tự chấm (98,2 → 97,6, chênh -2 điểm); chưa có giải trình.',
    ]);
    expect(score({ 'KXL.1': { self: false, verified: true } }).findings[0]!.message).toBe(
      'Mục KXL.1: khối chấm khác tự chấm (không → có, chênh 0 điểm); chưa có giải trình.',
    );
  });

  it('says missing evidence once per item, whichever column claims the points', () => {
    const s = score({ '5.2': { self: 2, verified: 1 } });
    expect(s.findings.filter((f) => f.kind === 'missing-evidence')).toHaveLength(1);
  });

  it('recomputes a nested band that a verified measure moves (self pass had cleared it)', () => {
    const s = score({ '2.3.1.1': { self: 900, verified: 1500 }, '2.3.1.2': { self: 45 } });
    expect(s.node('2.3.1.3', 'self').bonus).toBe(0.5);
    expect(s.node('2.3.1.3').bonus).toBe(1.5);
    expect(s.node('2.3.1.3').chosen).toBe('2.3.1.3.b');
  });

  it('reads "không" and other words as no, and only yes words as a knock-out', () => {
    expect(score({ 'KXL.1': { self: 'không' } }).knockedOut).toBe(false);
    expect(score({ 'KXL.1': { self: 'abc' } }).knockedOut).toBe(false);
    expect(score({ 'KXL.1': { self: 'Có' } }).knockedOut).toBe(true);
    expect(score({ 'KXL.1': { self: 'x' } }).knockedOut).toBe(true);
  });

  it('never compares text that is not an ISO date with date bands', () => {
    const s = score({ '1.1': { self: '10/01/2025', evidence: 'KH' } });
    expect(s.node('1.1').chosen).toBeUndefined();
    expect(s.findings.map((f) => f.kind)).toEqual(['no-band']);
  });

  it('does not drift when summing many decimal penalties', () => {
    const s = score({ '1.3': { self: 6 }, '1.3.1': { self: 3, evidence: 'x' } });
    expect(s.node('1.3').total).toBe(6.6);
    expect(0.1 + 0.2).not.toBe(0.3); // the trap the fixed-point arithmetic avoids
  });
});
