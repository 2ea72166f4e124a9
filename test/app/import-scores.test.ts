import { planScoreUpdates } from '../../src/workbook/unit-sheet';
import { compileTemplate } from '../../src/core/template/compile';
import { SAMPLE_TEMPLATE } from '../../src/sample';
import { InputError } from '../../src/workbook/problems';

const compiled = compileTemplate(SAMPLE_TEMPLATE);

describe('planScoreUpdates', () => {
  it('writes the input cells of an item: F, G, K, L on its row', () => {
    const updates = planScoreUpdates(compiled, [
      {
        line: 2,
        unitCode: 'CAT',
        code: '3.1',
        self: 10,
        verified: 9,
        evidence: 'BC 1',
        reason: 'thiếu hồ sơ',
      },
      { line: 3, unitCode: 'CAT', code: 'KXL.1', self: false },
    ]);
    expect(updates).toEqual([
      { sheet: 'CAT', address: 'F51', value: 10 },
      { sheet: 'CAT', address: 'G51', value: 9 },
      { sheet: 'CAT', address: 'K51', value: 'BC 1' },
      { sheet: 'CAT', address: 'L51', value: 'thiếu hồ sơ' },
      { sheet: 'CAT', address: 'F67', value: 'không' },
    ]);
  });

  it('refuses values for groups and alternative rows, naming the line and the code', () => {
    expect(() =>
      planScoreUpdates(
        compiled,
        [
          { line: 4, unitCode: 'CAT', code: 'II', self: 5 },
          { line: 5, unitCode: 'CAT', code: '1.4.a', evidence: 'x' },
        ],
        'diem.csv',
      ),
    ).toThrow(
      new InputError([
        {
          source: 'diem.csv',
          location: 'dòng 4',
          code: 'II',
          message: 'mục II không nhập điểm (nhóm hoặc phương án của mục chọn).',
        },
        {
          source: 'diem.csv',
          location: 'dòng 5',
          code: '1.4.a',
          message: 'mục 1.4.a không ghi minh chứng, lý do (nhóm hoặc phương án của mục chọn).',
        },
      ]),
    );
  });
});
