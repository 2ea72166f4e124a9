import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromLegacy, legacyEncoding } from '../../src/core';
import { toTcvn3, toVni } from '../support/legacy-vietnamese';

const UNITS = 'Công an tỉnh, Sở Tư pháp, Thanh tra tỉnh, Bộ Chỉ huy Quân sự tỉnh';

describe('TCVN3 (.VnTime) and VNI (VNI-Times) text', () => {
  it('converts TCVN3 letters, and a line in .VnTimeH capitals to capitals', () => {
    expect(toTcvn3('Tổng số điểm trừ')).toBe('Tæng sè ®iÓm trõ');
    expect(fromLegacy('Tæng sè ®iÓm trõ', 'tcvn3')).toBe('Tổng số điểm trừ');
    expect(fromLegacy('B¶NG CHÊM §IÓM\tSè', 'tcvn3')).toBe('BẢNG CHẤM ĐIỂM\tSố');
    expect(fromLegacy('Sè', 'tcvn3')).toBe('Số');
  });

  it('converts VNI: a vowel and its marks, and the letters of one character', () => {
    expect(toVni('Tổng số điểm trừ của Khối')).toBe('Toång soá ñieåm tröø cuûa Khoái');
    expect(fromLegacy('Toång soá ñieåm tröø cuûa Khoái', 'vni')).toBe('Tổng số điểm trừ của Khối');
    expect(fromLegacy('Ñöôïc nghæ, Vieän kieåm saùt, taêng, quyù, kyø', 'vni')).toBe(
      'Được nghỉ, Viện kiểm sát, tăng, quý, kỳ',
    );
    expect(fromLegacy('BAÛNG CHAÁM ÑIEÅM', 'vni')).toBe('BẢNG CHẤM ĐIỂM');
  });

  it('tells each code from the other, from Unicode and from Windows-1258 read as Latin-1', () => {
    expect(legacyEncoding(toTcvn3(UNITS))).toBe('tcvn3');
    expect(legacyEncoding(toVni(UNITS))).toBe('vni');
    expect(legacyEncoding(UNITS)).toBeUndefined();
    // Too little to tell: a few letters only.
    expect(legacyEncoding(toTcvn3('Sở Tư'))).toBeUndefined();
    const cp1258 = readFileSync(join(__dirname, '..', 'fixtures', 'offices', 'units-cp1258.csv'));
    expect(legacyEncoding(new TextDecoder('windows-1252').decode(cp1258))).toBeUndefined();
    // Western text with accents is neither.
    expect(
      legacyEncoding('Café, crème brûlée, naïve, façade, Zürich, São Paulo, señor, Ångström'),
    ).toBeUndefined();
  });
});
