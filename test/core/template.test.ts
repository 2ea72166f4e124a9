import { compileTemplate, TemplateError, validateTemplate } from '../../src/core/template/compile';
import type { Criterion, Template } from '../../src/core/template/types';
import { SAMPLE_TEMPLATE } from '../../src/sample/template';

const sheet = (criteria: Criterion[], declaredTotal = 10): Template => ({
  title: 't',
  declaredTotal,
  criteria,
});

describe('template validation', () => {
  it('accepts the sample 100-point sheet without findings', () => {
    expect(validateTemplate(SAMPLE_TEMPLATE)).toEqual([]);
    const t = compileTemplate(SAMPLE_TEMPLATE);
    expect(t.roots.map((r) => t.criteria[r]!.code)).toEqual(['I', 'II', 'III', 'IV', 'V', 'KXL']);
    expect(t.maxBase[t.indexOf.get('1.1')!]).toBe(40_000); // a choice is worth its best alternative
  });

  it('reports duplicate and missing codes and unknown parents', () => {
    const findings = validateTemplate(
      sheet([
        { code: 'a', kind: 'base', text: 'A', base: 5 },
        { code: 'a', kind: 'base', text: 'A again', base: 5 },
        { code: '', kind: 'base', text: 'no code', base: 0 },
        { code: 'b', parent: 'zz', kind: 'penalty', text: 'orphan', rate: 1 },
      ]),
    );
    expect(findings.map((f) => [f.kind, f.code])).toEqual([
      ['duplicate-code', 'a'],
      ['missing-code', undefined],
      ['missing-parent', 'b'],
    ]);
    expect(findings[2]!.message).toBe('Mục b: mục cha "zz" không có trong bảng.');
  });

  it('finds cycles', () => {
    const findings = validateTemplate(
      sheet([
        { code: 'x', parent: 'y', kind: 'group', text: 'X' },
        { code: 'y', parent: 'x', kind: 'group', text: 'Y' },
      ]),
    );
    expect(findings.map((f) => [f.kind, f.code])).toEqual([
      ['cycle', 'x'],
      ['cycle', 'y'],
    ]);
    expect(() =>
      compileTemplate(sheet([{ code: 'x', parent: 'x', kind: 'group', text: 'X' }])),
    ).toThrow(TemplateError);
  });

  it('warns when children do not add up to the parent or the sheet to its declared total', () => {
    const findings = validateTemplate(
      sheet([
        { code: 'I', kind: 'group', text: 'I', base: 10 },
        { code: '1', parent: 'I', kind: 'base', text: '1', base: 4 },
        { code: '2', parent: 'I', kind: 'base', text: '2', base: 5 },
        { code: 'C', kind: 'choice', text: 'C', base: 3 },
        { code: 'C1', parent: 'C', kind: 'base', text: 'C1', base: 2 },
        { code: 'C2', parent: 'C', kind: 'penalty', text: 'C2', rate: 1 },
      ]),
    );
    expect(findings.map((f) => f.message)).toEqual([
      'Mục I: điểm chuẩn ghi 10 nhưng tổng điểm chuẩn các mục con là 9; dùng 9.',
      'Mục C: điểm chuẩn ghi 3 nhưng phương án cao nhất là 2; dùng 2.',
      'Tổng điểm chuẩn của bảng là 11, khác tổng công bố 10.',
    ]);
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('rejects negative rates, bases and caps', () => {
    const findings = validateTemplate(
      sheet([
        { code: 'a', kind: 'base', text: 'A', base: -1 },
        { code: 'b', kind: 'penalty', text: 'B', rate: -0.5 },
        { code: 'c', kind: 'bonus', text: 'C', rate: 1, caps: { bonus: -2 } },
      ]),
    );
    expect(findings.map((f) => f.kind)).toEqual(['negative-base', 'negative-rate', 'negative-cap']);
  });

  it('rejects base points under a base item and inputs that are not measures', () => {
    const findings = validateTemplate(
      sheet([
        { code: 'a', kind: 'base', text: 'A', base: 10 },
        { code: 'a1', parent: 'a', kind: 'base', text: 'A1', base: 10 },
        { code: 'c', kind: 'choice', text: 'C', input: 'a' },
        { code: 'c1', parent: 'c', kind: 'bonus', text: 'C1', rate: 1, band: { from: 1 } },
        { code: 'e', kind: 'choice', text: 'E' },
      ]),
    );
    expect(findings.map((f) => [f.kind, f.code])).toEqual([
      ['input-not-measure', 'c'],
      ['empty-choice', 'e'],
    ]);
    const nested = validateTemplate(
      sheet([
        { code: 'a', kind: 'base', text: 'A', base: 10 },
        { code: 'a1', parent: 'a', kind: 'base', text: 'A1', base: 10 },
      ]),
    );
    expect(nested.map((f) => [f.kind, f.code])).toEqual([['base-under-base', 'a1']]);
  });

  it('throws a TemplateError listing every error in Vietnamese', () => {
    expect(() =>
      compileTemplate(
        sheet([
          { code: 'a', kind: 'base', text: 'A', base: 1 },
          { code: 'a', kind: 'base', text: 'A', base: 1 },
        ]),
      ),
    ).toThrow('Bảng tiêu chí không hợp lệ:\n- Mã tiêu chí "a" bị trùng.');
  });
});
