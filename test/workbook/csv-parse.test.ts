import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { parseCsv, toCsv } from '../../src/workbook/csv';

const rowsOf = (text: string) => parseCsv(text, 't.csv').rows;

describe('parseCsv', () => {
  it('reads RFC 4180: quotes, doubled quotes, delimiters and line breaks inside quotes', () => {
    const t = parseCsv('a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n1,,3\r\n', 't.csv');
    expect(t.problems).toEqual([]);
    expect(t.delimiter).toBe(',');
    expect(t.rows).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\r\nlines'],
      ['1', '', '3'],
    ]);
    // A record's line is where it starts; the quoted line break moves the next record down.
    expect(t.lines).toEqual([1, 2, 4]);
  });

  it('detects ; (Vietnamese Excel), tab, and honours a sep= line', () => {
    expect(parseCsv('ma;tu_cham\r\nCAT;9,5\r\n', 't').rows).toEqual([
      ['ma', 'tu_cham'],
      ['CAT', '9,5'],
    ]);
    expect(parseCsv('ma\tten\nCAT\tCông an, tỉnh\n', 't').delimiter).toBe('\t');
    const sep = parseCsv('sep=;\r\nma;ten\r\nCAT;Công an\r\n', 't');
    expect(sep.rows).toEqual([
      ['ma', 'ten'],
      ['CAT', 'Công an'],
    ]);
    expect(sep.lines).toEqual([2, 3]);
    // The header decides: a comma inside a quoted header cell does not count.
    expect(parseCsv('"a,b";c;d\n1;2;3\n', 't').delimiter).toBe(';');
  });

  it('strips a BOM, normalises cells to NFC (not trimmed), accepts LF, CR and a missing last newline', () => {
    const nfd = 'Tòa án'.normalize('NFD');
    const t = parseCsv(`\uFEFFma,ten\r${' CAT '},${nfd}\nX,Y`, 't');
    expect(t.rows).toEqual([
      ['ma', 'ten'],
      [' CAT ', 'Tòa án'],
      ['X', 'Y'],
    ]);
    expect(t.rows[1]![1]).toBe('Tòa án'.normalize('NFC'));
    expect(t.lines).toEqual([1, 2, 3]);
  });

  it('skips blank lines but counts them', () => {
    const t = parseCsv('a,b\n\n\n1,2\n\n', 't');
    expect(t.rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(t.lines).toEqual([1, 4]);
  });

  it('is lenient like Excel with a stray quote inside a cell', () => {
    expect(rowsOf('a,b\n5" màn hình,"x"y\n')).toEqual([
      ['a', 'b'],
      ['5" màn hình', 'xy'],
    ]);
  });

  it.each([
    ['', 'dòng 1', 'tệp trống'],
    ['\uFEFF \r\n', 'dòng 1', 'tệp trống'],
    ['a,b\n1,"open\n2,3\n', 'dòng 2', 'không được đóng'],
    ['a,b\n1,Tr\uFFFDn\n', 'dòng 2', 'tệp không phải UTF-8; hãy lưu lại dạng CSV UTF-8'],
    ['a,b\n\u0000\u0000\u0001', 'dòng 2', 'nhị phân'],
    ['a\u0000,\u0000b\u0000\n\u0000', 'dòng 1', 'UTF-16'],
  ])('reports %j at %s', (text, location, fragment) => {
    const t = parseCsv(text, 'x.csv');
    expect(t.rows).toEqual([]);
    expect(t.problems).toHaveLength(1);
    expect(t.problems[0]).toMatchObject({ source: 'x.csv', location });
    expect(t.problems[0]!.message).toContain(fragment);
  });

  it('agrees with csv-parse on any well-formed file', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom('', 'a,b', 'x"y', 'dòng\r\nhai', 'Tòa án', ' 9,5 ', '"'),
    );
    const table = fc
      .integer({ min: 1, max: 5 })
      .chain((n) =>
        fc.array(fc.array(cell, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 6 }),
      )
      // Blank records are dropped by parseCsv (and a lone empty cell cannot be told from them).
      .filter((rows) => rows.every((r) => r.some((c) => c !== '')))
      // Characters that parseCsv reports as an encoding problem.
      .filter((rows) =>
        rows.every((r) =>
          r.every((c) => !['\u0000', '\uFFFD', '\uFEFF'].some((x) => c.includes(x))),
        ),
      )
      // An Excel `sep=` line is read as such, never as a header.
      .filter((rows) => !/^sep=/i.test(rows[0]![0]!));
    fc.assert(
      fc.property(table, fc.constantFrom(',', ';', '\t'), (rows, delimiter) => {
        const text = toCsv(rows, { delimiter });
        const ours = parseCsv(text, 't', { delimiter });
        const theirs = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true });
        expect(ours.problems).toEqual([]);
        expect(ours.rows).toEqual(
          (theirs as string[][]).map((r) => r.map((c) => c.normalize('NFC'))),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('toCsv', () => {
  it('quotes per RFC 4180 and ends every line with CRLF', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'two\nlines', null]])).toBe(
      'a,"b,c","say ""hi""","two\nlines",\r\n',
    );
  });

  it('writes numbers with a decimal comma under ; and a point otherwise, never as text', () => {
    expect(toCsv([[118.4, 0.1 + 0.2, -1, 2350]], { delimiter: ';' })).toBe('118,4;0,3;-1;2350\r\n');
    expect(toCsv([[118.4, 0.1 + 0.2, -1, 2350]])).toBe('118.4,0.3,-1,2350\r\n');
  });

  it('neutralises text that a spreadsheet would run as a formula (OWASP)', () => {
    const hostile = ['=1+1', '+84 912', '-2', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("x")'];
    expect(toCsv([hostile])).toBe(
      `'=1+1,'+84 912,'-2,'@SUM(A1),'\t=1,"'\r=1","'=HYPERLINK(""x"")"\r\n`,
    );
    // Text that only contains such characters later is left alone.
    expect(toCsv([['a=b', "'=already"]])).toBe("a=b,'=already\r\n");
  });

  it('adds a BOM on request and writes NFC', () => {
    expect(toCsv([['Tòa'.normalize('NFD')]], { bom: true })).toBe('\uFEFFTòa\r\n');
  });

  it('round-trips through parseCsv with any delimiter', () => {
    const rows = [
      ['ma', 'noi_dung', 'ghi_chu'],
      ['1.2', 'Tổ chức ký kết; đăng ký', 'trừ 0,5 điểm\r\n"mỗi" lần'],
    ];
    for (const delimiter of [',', ';', '\t'])
      expect(rowsOf(toCsv(rows, { delimiter, bom: true }))).toEqual(rows);
  });
});
