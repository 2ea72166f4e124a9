import { sameData } from '../../src/core/same-data';

describe('sameData', () => {
  it('compares nested objects regardless of key order', () => {
    expect(sameData({ a: 1, b: { c: [1, 'x', null] } }, { b: { c: [1, 'x', null] }, a: 1 })).toBe(
      true,
    );
  });
  it('tells different values, lengths and shapes apart', () => {
    expect(sameData({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameData([1, 2], [1, 2, 3])).toBe(false);
    expect(sameData([1], { 0: 1 })).toBe(false);
    expect(sameData({ a: null }, { a: 0 })).toBe(false);
    expect(sameData('1', 1)).toBe(false);
  });
  it('takes a missing key for an undefined one, and NaN for itself', () => {
    expect(sameData({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameData(Number.NaN, Number.NaN)).toBe(true);
  });
});
