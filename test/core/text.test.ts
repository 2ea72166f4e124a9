import fc from 'fast-check';
import { formatDateVi } from '../../src/core/text/dates';
import {
  compareVietnamese,
  formatDecimal,
  formatPercent,
  nfc,
  normalizeCode,
  parseDecimal,
  sortVietnamese,
  viCollator,
} from '../../src/core/text/vietnamese';

/** Unwraps a successful parse, failing the test with the message otherwise. */
function parsed(text: string | number): number {
  const r = parseDecimal(text);
  if (!r.ok) throw new Error(`expected ok for ${JSON.stringify(text)}, got: ${r.message}`);
  return r.value;
}

function failure(text: string | number): string {
  const r = parseDecimal(text);
  if (r.ok) throw new Error(`expected failure for ${JSON.stringify(text)}, got ${r.value}`);
  return r.message;
}

describe('nfc', () => {
  it('composes NFD input', () => {
    const nfd = 'To\u0300a a\u0301n';
    expect(nfd).toHaveLength(8);
    expect(nfc(nfd)).toBe('Tòa án');
    expect(nfc(nfd)).toHaveLength(6);
    expect(nfc(nfd)).toBe(nfc('Tòa án'));
  });

  it('trims and collapses whitespace, including non-breaking spaces', () => {
    expect(nfc('  Sở\u00a0\u00a0Tư   pháp\t\n')).toBe('Sở Tư pháp');
    expect(nfc('Cục\u202fThi hành án')).toBe('Cục Thi hành án');
  });

  it('handles empty and blank strings', () => {
    expect(nfc('')).toBe('');
    expect(nfc(' \u00a0\t ')).toBe('');
  });

  it('leaves already clean text unchanged', () => {
    expect(nfc('Đài Phát thanh')).toBe('Đài Phát thanh');
  });
});

describe('normalizeCode', () => {
  it('removes all whitespace', () => {
    expect(normalizeCode('a 1.2')).toBe('a1.2');
    expect(normalizeCode(' I.\u00a01 ')).toBe('I.1');
  });

  it('keeps case', () => {
    expect(normalizeCode('I.1.a')).toBe('I.1.a');
    expect(normalizeCode('i.1.A')).not.toBe(normalizeCode('I.1.a'));
  });

  it('composes NFD letters', () => {
    expect(normalizeCode('Đ.e\u0302 1')).toBe('Đ.ê1');
  });

  it('returns empty for blank input', () => {
    expect(normalizeCode('  ')).toBe('');
  });
});

describe('parseDecimal', () => {
  it('accepts finite numbers as they are', () => {
    expect(parsed(9.5)).toBe(9.5);
    expect(parsed(-0.25)).toBe(-0.25);
    expect(parsed(0)).toBe(0);
    expect(Object.is(parsed(-0), 0)).toBe(true);
  });

  it('rejects non-finite numbers', () => {
    expect(failure(Number.NaN)).toContain('NaN');
    expect(failure(Number.POSITIVE_INFINITY)).toContain('Infinity');
    expect(failure(Number.NEGATIVE_INFINITY)).toContain('không phải là số hữu hạn');
  });

  it('reads a decimal comma', () => {
    expect(parsed('9,5')).toBe(9.5);
    expect(parsed('-0,25')).toBe(-0.25);
    expect(parsed(' 118,4 ')).toBe(118.4);
    expect(parsed('0,1')).toBe(0.1);
    expect(parsed('1,234')).toBe(1.234);
  });

  it('reads a decimal point (English-locale Excel)', () => {
    expect(parsed('9.5')).toBe(9.5);
    expect(parsed('118.4')).toBe(118.4);
    // Documented decision: a single '.' is always decimal.
    expect(parsed('1.000')).toBe(1);
  });

  it('reads integers and signs', () => {
    expect(parsed('+2')).toBe(2);
    expect(parsed('-3')).toBe(-3);
    expect(parsed('\u22123,5')).toBe(-3.5);
    expect(parsed('007')).toBe(7);
    expect(Object.is(parsed('-0'), 0)).toBe(true);
    expect(Object.is(parsed('-0,0'), 0)).toBe(true);
  });

  it('reads a missing integer part as zero', () => {
    expect(parsed(',5')).toBe(0.5);
    expect(parsed('-.25')).toBe(-0.25);
  });

  it('reads thousands grouping when both separators appear', () => {
    expect(parsed('1.234,5')).toBe(1234.5);
    expect(parsed('1,234.5')).toBe(1234.5);
    expect(parsed('1.234.567,89')).toBe(1234567.89);
    expect(parsed('-12.345,678')).toBe(-12345.678);
  });

  it('reads space thousands grouping, including non-breaking spaces', () => {
    expect(parsed('1 234,5')).toBe(1234.5);
    expect(parsed('1\u00a0234.5')).toBe(1234.5);
    expect(parsed('1 234 567')).toBe(1234567);
  });

  it('reads a repeated separator as thousands grouping', () => {
    expect(parsed('1.234.567')).toBe(1234567);
    expect(parsed('1,234,567')).toBe(1234567);
  });

  it('rejects full-width digits rather than guessing', () => {
    expect(failure('９,５')).toContain('không phải là số');
  });

  it.each([
    ['abc'],
    ['9,5,5'],
    ['1,2.3.4'],
    ['1.2,3'],
    ['12 34'],
    ['1.23.456'],
    ['9,'],
    ['1 234.567,5'],
    ['1 2,3,4'],
    ['- 5'],
    ['+'],
    [','],
    ['1e5'],
    ['15%'],
    ['9,5 điểm'],
  ])('rejects %j with a Vietnamese message', (text) => {
    const message = failure(text);
    expect(message).toContain(`"${nfc(text)}" không phải là số`);
    expect(message).toContain('(ví dụ hợp lệ: 9,5)');
    expect(message).toBe(message.normalize('NFC'));
  });

  it('gives the exact message for plain text', () => {
    expect(failure('abc')).toBe('"abc" không phải là số (ví dụ hợp lệ: 9,5)');
  });

  it('explains bad grouping and a dangling decimal separator', () => {
    expect(failure('9,5,5')).toBe(
      '"9,5,5" không phải là số: mỗi nhóm hàng nghìn phải có đúng 3 chữ số (ví dụ hợp lệ: 9,5)',
    );
    expect(failure('9,')).toContain('thiếu chữ số sau dấu thập phân');
    expect(failure('1,2.3.4')).toContain('có nhiều dấu thập phân');
  });

  it('rejects empty and blank text', () => {
    expect(failure('')).toBe('Ô trống, chưa có số (ví dụ hợp lệ: 9,5)');
    expect(failure(' \u00a0 ')).toBe('Ô trống, chưa có số (ví dụ hợp lệ: 9,5)');
  });

  it('rejects numbers too large for a double', () => {
    expect(failure('9'.repeat(400))).toContain('số quá lớn');
  });
});

describe('formatDecimal', () => {
  it('uses a decimal comma and trims trailing zeros', () => {
    expect(formatDecimal(118.4)).toBe('118,4');
    expect(formatDecimal(100)).toBe('100');
    expect(formatDecimal(0)).toBe('0');
    expect(formatDecimal(0.1 + 0.2)).toBe('0,3');
  });

  it('pads to minDecimals', () => {
    expect(formatDecimal(118.4, { decimals: 2, minDecimals: 2 })).toBe('118,40');
    expect(formatDecimal(5, { minDecimals: 1 })).toBe('5,0');
    expect(formatDecimal(0.125, { decimals: 4, minDecimals: 2 })).toBe('0,125');
  });

  it('defaults to at most 4 decimals', () => {
    expect(formatDecimal(1.23456)).toBe('1,2346');
    expect(formatDecimal(0.00004)).toBe('0');
    expect(formatDecimal(0.00005)).toBe('0,0001');
  });

  it('formats negatives and never prints -0', () => {
    expect(formatDecimal(-0.5)).toBe('-0,5');
    expect(formatDecimal(-0)).toBe('0');
    expect(formatDecimal(-0.00001)).toBe('0');
    expect(formatDecimal(-0.4, { decimals: 0 })).toBe('0');
    expect(formatDecimal(-0.4, { decimals: 0, minDecimals: 0 })).not.toContain('-');
  });

  it('rounds half away from zero on the decimal value', () => {
    expect(formatDecimal(1.005, { decimals: 2 })).toBe('1,01');
    expect(formatDecimal(-1.005, { decimals: 2 })).toBe('-1,01');
    expect(formatDecimal(2.5, { decimals: 0 })).toBe('3');
    expect(formatDecimal(-2.5, { decimals: 0 })).toBe('-3');
    expect(formatDecimal(0.125, { decimals: 2 })).toBe('0,13');
    expect(formatDecimal(1.0049, { decimals: 2 })).toBe('1');
    expect(formatDecimal(9.995, { decimals: 2 })).toBe('10');
    expect(formatDecimal(999.99995)).toBe('1000');
  });

  it('groups thousands with dots on request', () => {
    expect(formatDecimal(1234.5, { grouping: true })).toBe('1.234,5');
    expect(formatDecimal(-1234567.25, { grouping: true })).toBe('-1.234.567,25');
    expect(formatDecimal(999, { grouping: true })).toBe('999');
    expect(formatDecimal(1234.5)).toBe('1234,5');
  });

  it('handles very small and very large magnitudes', () => {
    expect(formatDecimal(1e-7, { decimals: 8 })).toBe('0,0000001');
    expect(formatDecimal(1e21)).toBe('1000000000000000000000');
  });

  it('rejects non-finite values and invalid options', () => {
    expect(() => formatDecimal(Number.NaN)).toThrow(RangeError);
    expect(() => formatDecimal(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => formatDecimal(1, { decimals: -1 })).toThrow(RangeError);
    expect(() => formatDecimal(1, { decimals: 1.5 })).toThrow(RangeError);
    expect(() => formatDecimal(1, { decimals: 1, minDecimals: 2 })).toThrow(RangeError);
  });

  it('round-trips through parseDecimal for values with up to 4 decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e7, max: 1e7 }), (n) => {
        const value = n / 1e4;
        expect(parsed(formatDecimal(value))).toBe(value === 0 ? 0 : value);
        expect(parsed(formatDecimal(value, { grouping: true, minDecimals: 1 }))).toBe(
          value === 0 ? 0 : value,
        );
      }),
    );
  });
});

describe('formatPercent', () => {
  it('formats shares as percentages with a decimal comma', () => {
    expect(formatPercent(0.15)).toBe('15%');
    expect(formatPercent(0.149)).toBe('14,9%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
  });

  it('honours the number of decimals', () => {
    expect(formatPercent(0.12345, 2)).toBe('12,35%');
    expect(formatPercent(0.1234, 0)).toBe('12%');
    expect(formatPercent(0.1449)).toBe('14,5%');
  });
});

describe('Vietnamese collation', () => {
  it('runs on a full-ICU Vietnamese collator', () => {
    expect(viCollator.resolvedOptions().locale).toBe('vi');
  });

  it('puts Đ after D and ă/â after a, as in Vietnamese dictionaries', () => {
    expect(viCollator.compare('Dân', 'Đài')).toBeLessThan(0);
    expect(viCollator.compare('Dz', 'Đa')).toBeLessThan(0);
    expect(viCollator.compare('Đz', 'E')).toBeLessThan(0);
    expect(viCollator.compare('az', 'ăa')).toBeLessThan(0);
    expect(viCollator.compare('ăz', 'âa')).toBeLessThan(0);
    expect(viCollator.compare('âz', 'b')).toBeLessThan(0);
  });

  it('sorts unit names in dictionary order', () => {
    const names = [
      'Tòa án nhân dân',
      'Sở Tư pháp',
      'Đài Phát thanh',
      'Cục Thi hành án',
      'Công an tỉnh',
    ];
    expect(sortVietnamese(names, (s) => s)).toEqual([
      'Công an tỉnh',
      'Cục Thi hành án',
      'Đài Phát thanh',
      'Sở Tư pháp',
      'Tòa án nhân dân',
    ]);
  });

  it('compareVietnamese is antisymmetric and zero only for equal NFC strings', () => {
    expect(compareVietnamese('Công an', 'Cục')).toBe(-1);
    expect(compareVietnamese('Cục', 'Công an')).toBe(1);
    expect(compareVietnamese('To\u0300a', 'Tòa')).toBe(0);
    expect(compareVietnamese('', '')).toBe(0);
    expect(compareVietnamese('', 'a')).toBe(-1);
  });

  it('breaks ties between case and tone variants deterministically', () => {
    expect(compareVietnamese('toa', 'Toa')).not.toBe(0);
    expect(compareVietnamese('toa', 'Toa')).toBe(-compareVietnamese('Toa', 'toa'));
    expect(compareVietnamese('Toa', 'Tòa')).not.toBe(0);
    // Zero-width space is ignored by the collator; the code-unit fallback still orders it.
    expect(compareVietnamese('a\u200bb', 'ab')).not.toBe(0);
    expect(compareVietnamese('a\u200bb', 'ab')).toBe(-compareVietnamese('ab', 'a\u200bb'));
  });

  it('gives the same order whatever the input order', () => {
    const variants = ['toa', 'Tòa', 'Toa', 'tòa', 'TOA', 'toà', 'a\u200bb', 'ab'];
    const once = sortVietnamese(variants, (s) => s);
    const reversed = sortVietnamese([...variants].reverse(), (s) => s);
    expect(reversed).toEqual(once);
  });

  it('sortVietnamese returns a new array by key and leaves the input alone', () => {
    const units = [
      { code: 'SoTP', name: 'Sở Tư pháp' },
      { code: 'DPT', name: 'Đài Phát thanh' },
      { code: 'CA', name: 'Công an tỉnh' },
    ];
    const copy = units.map((u) => ({ ...u }));
    const sorted = sortVietnamese(units, (u) => u.name);
    expect(sorted.map((u) => u.code)).toEqual(['CA', 'DPT', 'SoTP']);
    expect(sorted).not.toBe(units);
    expect(units).toEqual(copy);
    expect(sortVietnamese([], (s: string) => s)).toEqual([]);
  });

  it('sorts NFD keys like their NFC forms', () => {
    const sorted = sortVietnamese(['To\u0300a a\u0301n', 'D\u0103ng', 'Đa'], (s) => s);
    expect(sorted.map((s) => s.normalize('NFC'))).toEqual(['Dăng', 'Đa', 'Tòa án']);
  });
});

describe('formatDateVi', () => {
  it('writes ISO dates day first and leaves other text alone', () => {
    expect(formatDateVi('2025-12-03')).toBe('03/12/2025');
    expect(formatDateVi('không rõ')).toBe('không rõ');
  });
});
