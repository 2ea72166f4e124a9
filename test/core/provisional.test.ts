import { evaluateBloc, type Submission } from '../../src/core/bloc';
import { SAMPLE_BLOC, SAMPLE_SHEETS } from '../../src/sample';

const [first, second, third, fourth] = SAMPLE_BLOC.units;
const submissions: Submission[] = [
  { unitCode: first!.code, status: 'chua-nop' },
  { unitCode: second!.code, status: 'da-nop', submittedAt: '2025-12-10' },
  { unitCode: third!.code, status: 'da-tham-dinh', submittedAt: '2025-12-11' },
  // The fourth unit has no record: its status is unknown, so nothing is said about it.
  ...SAMPLE_BLOC.units.slice(4).map((u) => ({ unitCode: u.code, status: 'da-tham-dinh' as const })),
];

describe('units not yet verified are ranked provisionally and named', () => {
  const result = evaluateBloc(SAMPLE_BLOC, SAMPLE_SHEETS, submissions);
  const notVerified = result.findings.filter((f) => f.kind === 'not-verified');

  it('names each unit not verified, with its status, as a warning', () => {
    expect(notVerified).toEqual([
      {
        kind: 'not-verified',
        severity: 'warning',
        unitCode: first!.code,
        message: `${first!.name} (${first!.code}) chưa nộp bảng chấm: hạng và xếp loại của đơn vị là tạm tính.`,
      },
      {
        kind: 'not-verified',
        severity: 'warning',
        unitCode: second!.code,
        message: `${second!.name} (${second!.code}) đã nộp bảng chấm nhưng khối chưa thẩm định: hạng và xếp loại của đơn vị là tạm tính.`,
      },
    ]);
    expect(notVerified.map((f) => f.unitCode)).not.toContain(fourth!.code);
  });

  it('still ranks them on the numbers there are', () => {
    expect(result.units).toHaveLength(SAMPLE_BLOC.units.length);
    const ranked = (code: string) => result.units.find((u) => u.unit.code === code)!.ranked.rank;
    expect(ranked(first!.code)).toEqual(expect.any(Number));
    expect(ranked(second!.code)).toEqual(expect.any(Number));
  });

  it('says nothing when no status is known (a bloc evaluated without submissions)', () => {
    const bare = evaluateBloc(SAMPLE_BLOC, SAMPLE_SHEETS);
    expect(bare.findings.filter((f) => f.kind === 'not-verified')).toEqual([]);
  });
});
