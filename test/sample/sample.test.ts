import { evaluateBloc } from '../../src/core/bloc';
import { PRESETS, runQuotaChecks } from '../../src/core/quota';
import { validateTemplate } from '../../src/core/template/compile';
import { formatDecimal } from '../../src/core/text/vietnamese';
import {
  SAMPLE_BLOC,
  SAMPLE_COLLECTIVES,
  SAMPLE_PEOPLE,
  SAMPLE_SHEETS,
  SAMPLE_SUBMISSIONS,
  SAMPLE_TEMPLATE,
} from '../../src/sample';

const result = evaluateBloc(SAMPLE_BLOC, SAMPLE_SHEETS, SAMPLE_SUBMISSIONS);
const unitCodes = SAMPLE_BLOC.units.map((u) => u.code);
const resultOf = (code: string) => result.units.find((u) => u.unit.code === code)!;
const findings = result.units.flatMap((u) =>
  u.score.findings.map((f) => ({ unit: u.unit.code, ...f })),
);
const entryOf = (unit: string, code: string) =>
  SAMPLE_SHEETS.find((s) => s.unitCode === unit)!.entries[code];

describe('the sample bloc', () => {
  it('has nine units, each with one sheet and one submission, a leader and a deputy', () => {
    expect(SAMPLE_BLOC.units).toHaveLength(9);
    expect(SAMPLE_BLOC.template).toBe(SAMPLE_TEMPLATE);
    expect(SAMPLE_SHEETS.map((s) => s.unitCode)).toEqual(unitCodes);
    expect(SAMPLE_SUBMISSIONS.map((s) => s.unitCode)).toEqual(unitCodes);
    expect(SAMPLE_BLOC.units.filter((u) => u.role === 'truong-khoi')).toHaveLength(1);
    expect(SAMPLE_BLOC.units.filter((u) => u.role === 'pho-truong-khoi')).toHaveLength(1);
    for (const s of SAMPLE_SUBMISSIONS) expect(s.submittedAt).toMatch(/^2025-12-\d\d$/);
  });

  it('uses a template without findings; the one bloc-level finding is BNC, not yet verified', () => {
    expect(validateTemplate(SAMPLE_TEMPLATE)).toEqual([]);
    expect(result.findings).toEqual([
      {
        kind: 'not-verified',
        severity: 'warning',
        unitCode: 'BNC',
        message:
          'Ban Nội chính Tỉnh ủy (BNC) đã nộp bảng chấm nhưng khối chưa thẩm định: hạng và xếp loại của đơn vị là tạm tính.',
      },
    ]);
  });

  it('enters self and verified values for every scorable criterion of every unit', () => {
    const criteria = SAMPLE_TEMPLATE.criteria;
    const kindOf = new Map(criteria.map((c) => [c.code, c.kind]));
    // Items a unit fills in: not groups, not alternatives of a choice, not choices read from a
    // measure; 5.1 (award of the previous year) is entered only by units that hold one.
    const scorable = criteria
      .filter((c) => c.kind !== 'group' && (!c.parent || kindOf.get(c.parent) !== 'choice'))
      .filter((c) => c.input === undefined && c.code !== '5.1')
      .map((c) => c.code);
    for (const s of SAMPLE_SHEETS) {
      for (const code of scorable) {
        const e = s.entries[code];
        expect([s.unitCode, code, e?.self !== undefined, e?.verified !== undefined]).toEqual([
          s.unitCode,
          code,
          true,
          true,
        ]);
      }
    }
  });

  it('has no data errors (unknown codes, bad values, unknown alternatives)', () => {
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('produces the intended ranking table', () => {
    expect(
      result.units.map((u) => [
        u.unit.code,
        u.ranked.rank,
        formatDecimal(u.score.verified.total),
        u.classification,
      ]),
    ).toEqual([
      ['CAT', 1, '118,4', 'Xuất sắc'],
      ['BCHQS', 2, '115,5', 'Xuất sắc'],
      ['VKSND', 3, '107,5', 'Xuất sắc'],
      ['TAND', 4, '107,5', 'Xuất sắc'],
      ['BDBP', 5, '101,8', 'Xuất sắc'],
      ['TTT', 6, '89,5', 'Tốt'],
      ['STP', 7, '89,5', 'Tốt'],
      ['THADS', 8, '79', 'Tốt'],
      ['BNC', null, '95', 'Không xếp loại'],
    ]);
  });

  it('spreads the verified totals of ranked units between 75 and 120, leaders above 100', () => {
    const ranked = result.units.filter((u) => u.ranked.rank !== null);
    for (const u of ranked) {
      expect(u.score.verified.total).toBeGreaterThanOrEqual(75);
      expect(u.score.verified.total).toBeLessThanOrEqual(120);
    }
    expect(ranked.filter((u) => u.score.verified.total > 100).length).toBeGreaterThanOrEqual(3);
    expect(ranked.filter((u) => u.classification === 'Xuất sắc').length).toBeGreaterThanOrEqual(3);
    expect(ranked.filter((u) => u.classification === 'Tốt').length).toBeGreaterThanOrEqual(2);
  });

  it('lists the knocked-out unit last, unranked and not classified', () => {
    const last = result.units[result.units.length - 1]!;
    expect(last.unit.code).toBe('BNC');
    expect(last.ranked.rank).toBeNull();
    expect(last.score.knockedOut).toBe(true);
    expect(last.score.knockouts).toEqual(['KXL.1']);
    expect(last.classification).toBe('Không xếp loại');
    expect(result.units.filter((u) => u.score.knockedOut)).toHaveLength(1);
  });

  it('breaks the tie of VKSND and TAND by fewer penalty points', () => {
    const tie = result.ties.find((t) => t.message.includes('ít điểm trừ hơn'))!;
    expect(tie).toBeDefined();
    expect([...tie.units].sort()).toEqual(['TAND', 'VKSND']);
    expect(tie.stands).toBe(false);
    expect(tie.message).not.toContain('nộp sớm hơn');
    const [vks, ta] = [resultOf('VKSND'), resultOf('TAND')];
    expect(vks.score.verified.total).toBe(ta.score.verified.total);
    expect(vks.score.verified.penalty).toBeLessThan(ta.score.verified.penalty);
    expect(vks.ranked.rank).toBeLessThan(ta.ranked.rank!);
  });

  it('breaks the tie of TTT and STP by the earlier submission, after equal penalty and base in II', () => {
    const tie = result.ties.find((t) => t.message.includes('nộp sớm hơn'))!;
    expect(tie).toBeDefined();
    expect([...tie.units].sort()).toEqual(['STP', 'TTT']);
    expect(tie.stands).toBe(false);
    expect(tie.message).not.toContain('ít điểm trừ hơn');
    const [ttt, stp] = [resultOf('TTT'), resultOf('STP')];
    expect(ttt.score.verified.total).toBe(stp.score.verified.total);
    expect(ttt.score.verified.penalty).toBe(stp.score.verified.penalty);
    expect(ttt.score.node('II').earnedBase).toBe(stp.score.node('II').earnedBase);
    expect(ttt.ranked.rank).toBeLessThan(stp.ranked.rank!);
    expect(result.ties).toHaveLength(2);
  });

  it('proposes the flag to the first unit and certificates to the next two', () => {
    expect(
      result.units.filter((u) => u.proposal.award).map((u) => [u.unit.code, u.proposal.award]),
    ).toEqual([
      ['CAT', 'flag'],
      ['BCHQS', 'certificate'],
      ['VKSND', 'certificate'],
    ]);
    expect(result.units.some((u) => u.proposal.pending)).toBe(false);
  });

  it('applies caps in several units', () => {
    // A cap binding in both columns is reported under the self column only, unless a differing
    // verified value changes it (then under both).
    const capped = findings.filter((f) => f.kind === 'cap-applied');
    expect([...new Set(capped.map((f) => `${f.unit} ${f.code}`))].sort()).toEqual([
      'BCHQS 1.3.1',
      'BCHQS V',
      'BNC IV',
      'CAT 2.1',
      'THADS 2.2.1.1',
    ]);
  });

  it('warns about the one bonus accepted without evidence', () => {
    const missing = findings.filter((f) => f.kind === 'missing-evidence');
    expect([...new Set(missing.map((f) => `${f.unit} ${f.code}`))]).toEqual(['BDBP 2.2.2.1']);
  });

  it('explains every verified value that differs from the self value but one', () => {
    const differ = findings.filter((f) => f.kind === 'self-verified-differ');
    for (const f of differ) {
      const e = entryOf(f.unit, f.code!);
      expect([f.unit, f.code, e?.self !== e?.verified]).toEqual([f.unit, f.code, true]);
    }
    expect(differ.length).toBeGreaterThanOrEqual(8);
    const unexplained = differ.filter((f) => f.message.includes('chưa có giải trình'));
    expect(unexplained.map((f) => `${f.unit} ${f.code}`)).toEqual(['BDBP 1.3.1']);
    expect(unexplained[0]!.severity).toBe('warning');
    for (const f of differ.filter((x) => x !== unexplained[0]))
      expect(f.message).toContain('lý do:');
  });

  it('shows dates in the differences as people write them (dd/mm/yyyy)', () => {
    const dated = findings.filter((f) => f.kind === 'self-verified-differ' && f.code === '1.1');
    expect(dated.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^Mục 1\.1: khối chấm khác tự chấm \(30\/01\/2025 → 10\/02\/2025, chênh -5 điểm\)/,
      ),
    ]);
    for (const f of findings) expect(f.message).not.toMatch(/\d{4}-\d\d-\d\d/);
  });
});

describe('the sample people and collectives', () => {
  it('lists 12 to 30 people in every unit, one collective per unit', () => {
    for (const code of unitCodes) {
      const n = SAMPLE_PEOPLE.filter((p) => p.unitCode === code).length;
      expect([code, n >= 12 && n <= 30]).toEqual([code, true]);
    }
    expect(SAMPLE_PEOPLE.every((p) => unitCodes.includes(p.unitCode))).toBe(true);
    expect(SAMPLE_COLLECTIVES.map((c) => c.unitCode)).toEqual(unitCodes);
    expect(SAMPLE_COLLECTIVES.map((c) => c.name)).toEqual(SAMPLE_BLOC.units.map((u) => u.name));
  });

  it('writes every name in NFC, with three or more words, without duplicates', () => {
    for (const p of SAMPLE_PEOPLE) {
      expect(p.name).toBe(p.name.normalize('NFC'));
      expect(p.position).toBe(p.position?.normalize('NFC'));
      expect(p.name.split(' ').length).toBeGreaterThanOrEqual(3);
    }
    for (const c of SAMPLE_COLLECTIVES) expect(c.name).toBe(c.name.normalize('NFC'));
    expect(new Set(SAMPLE_PEOPLE.map((p) => p.name)).size).toBe(SAMPLE_PEOPLE.length);
  });

  it('keeps history to the three years before 2025', () => {
    for (const p of SAMPLE_PEOPLE)
      for (const h of p.history) expect([2022, 2023, 2024]).toContain(h.year);
    for (const c of SAMPLE_COLLECTIVES)
      expect(c.history.map((h) => h.year)).toEqual([2022, 2023, 2024]);
  });

  it('fails exactly the intended quota checks', () => {
    const checks = runQuotaChecks({
      year: SAMPLE_BLOC.year,
      people: SAMPLE_PEOPLE,
      collectives: SAMPLE_COLLECTIVES,
      rules: PRESETS[SAMPLE_BLOC.settings.quotaPreset]!,
      unitCodes,
    });
    const failed = checks
      .filter((c) => !c.pass)
      .map((c) => `${c.scope} ${c.id}`)
      .sort();
    expect(failed).toEqual(
      [
        'CAT ldtt-exclusions', // recruited 7 months ago, proposed LĐTT
        'STP cstdcs-share', // 4 CSTĐCS for 18 LĐTT (15% allows 2)
        'TAND cstdcs-leader-share', // 3 leaders among 3 CSTĐCS
        'TAND cstdcs-non-leader-share',
        'VKSND cstd-tinh-eligibility', // CSTĐCS in 2022 and 2024, not 2023
        'BDBP ttldxs-duties', // TTLĐXS with one member not completing duties
        'khoi target-individuals-ldtt', // the plan's 100% LĐTT target: five people are not
      ].sort(),
    );
    // The CSTĐ cấp tỉnh of CAT has three consecutive CSTĐCS and passes.
    expect(checks.find((c) => c.id === 'cstd-tinh-eligibility' && c.scope === 'CAT')?.pass).toBe(
      true,
    );
  });
});
