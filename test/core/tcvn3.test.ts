import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromTcvn3, looksTcvn3 } from '../../src/core';
import { toTcvn3 } from '../support/tcvn3';

describe('TCVN3 (.VnTime) text', () => {
  it('converts letters, and a line in .VnTimeH capitals to capitals', () => {
    expect(toTcvn3('Tổng số điểm trừ')).toBe('Tæng sè ®iÓm trõ');
    expect(fromTcvn3('Tæng sè ®iÓm trõ')).toBe('Tổng số điểm trừ');
    expect(fromTcvn3('B¶NG CHÊM §IÓM\tSè')).toBe('BẢNG CHẤM ĐIỂM\tSố');
    expect(fromTcvn3('Sè')).toBe('Số');
  });

  it('tells TCVN3 from Unicode Vietnamese and from Windows-1258 read as Latin-1', () => {
    expect(looksTcvn3(toTcvn3('Công an tỉnh, Sở Tư pháp, Thanh tra tỉnh'))).toBe(true);
    expect(looksTcvn3('Công an tỉnh, Sở Tư pháp, Thanh tra tỉnh')).toBe(false);
    // Too little to tell: a few letters only.
    expect(looksTcvn3(toTcvn3('Sở Tư'))).toBe(false);
    const cp1258 = readFileSync(join(__dirname, '..', 'fixtures', 'offices', 'units-cp1258.csv'));
    expect(looksTcvn3(new TextDecoder('windows-1252').decode(cp1258))).toBe(false);
    // Western text with a few accents is not TCVN3.
    expect(looksTcvn3('Café, crème brûlée, naïve, façade, Zürich, São Paulo')).toBe(false);
  });
});
