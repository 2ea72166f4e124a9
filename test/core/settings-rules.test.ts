import {
  awardProblems,
  thresholdProblems,
  tieBreakerProblems,
  voteShareProblems,
} from '../../src/core';
import { SAMPLE_BLOC } from '../../src/sample';

const fields = (ps: { field: unknown }[]) => ps.map((p) => p.field);

describe('settings rules shared by the form, the settings file and the Cấu hình sheet', () => {
  it('orders thresholds downwards and skips the ones a door could not parse', () => {
    expect(
      fields(
        thresholdProblems([
          { label: 'Xuất sắc', min: 90 },
          { label: 'Tốt', min: undefined },
          { label: 'Khá', min: 95 },
          { label: 'Khá', min: -1 },
        ]),
      ),
    ).toEqual([
      { kind: 'threshold-min', index: 3 },
      { kind: 'threshold-label', index: 3 },
    ]);
    expect(
      thresholdProblems([
        { label: 'Xuất sắc', min: 90 },
        { label: 'Tốt', min: 90 },
      ]).map((p) => p.message),
    ).toEqual(['ngưỡng Tốt (90) phải thấp hơn ngưỡng Xuất sắc (90) đứng trước nó.']);
    expect(thresholdProblems([]).map((p) => p.message)).toEqual([
      'cần ít nhất một ngưỡng xếp loại.',
    ]);
  });

  it('lists each tie-breaker once, on a group row of the criteria', () => {
    const group = SAMPLE_BLOC.template.criteria.find((c) => c.kind === 'group')!.code;
    const item = SAMPLE_BLOC.template.criteria.find((c) => c.kind !== 'group')!.code;
    expect(
      fields(
        tieBreakerProblems(
          [
            { kind: 'vote' },
            { kind: 'higher-base', subtree: group },
            undefined,
            { kind: 'higher-base', subtree: item },
            { kind: 'vote' },
          ],
          SAMPLE_BLOC.template,
        ),
      ),
    ).toEqual([
      { kind: 'tie-breaker-subtree', index: 3 },
      { kind: 'tie-breaker', index: 4 },
    ]);
  });

  it('wants whole places for classes the bloc has, and a vote share in (0, 1]', () => {
    expect(
      awardProblems(
        [{ label: 'Cờ', count: 1.5, classes: ['Xuất sắc', undefined, 'Giỏi'] }, undefined],
        ['Xuất sắc', 'Tốt'],
      ).map((p) => p.message),
    ).toEqual([
      'số suất phải là số nguyên không âm (1,5).',
      'không có xếp loại "Giỏi" (các xếp loại: Xuất sắc, Tốt).',
    ]);
    expect(voteShareProblems(undefined)).toEqual([]);
    expect(voteShareProblems(1)).toEqual([]);
    expect(voteShareProblems(0).map((p) => p.message)).toEqual([
      'tỷ lệ biểu quyết phải lớn hơn 0% và không quá 100% (đang là 0%).',
    ]);
  });
});
