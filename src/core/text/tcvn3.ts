/**
 * TCVN3 (TCVN 5712:1993, "ABC"), the code of the .VnTime fonts that documents of the 1990s and
 * 2000s still carry: each Vietnamese letter is a byte from 0xA1 to 0xFE, shown right only by the
 * .Vn fonts. Copied out of such a Word or Excel file, or saved as text, they come as the Latin-1
 * characters of those bytes ("Tæng sè" for "Tổng số"). The .VnTimeH fonts show the same lowercase
 * codes as capitals, so a cell or line whose plain letters are capitals is capitals.
 */

/** Byte (as its Latin-1 character) → letter; the seven capitals TCVN3 has of its own first. */
const TABLE =
  'a1Ă a2Â a3Ê a4Ô a5Ơ a6Ư a7Đ a8ă a9â aaê abô acơ adư aeđ ' +
  'b5à b6ả b7ã b8á b9ạ bbằ bcẳ bdẵ beắ c6ặ c7ầ c8ẩ c9ẫ caấ cbậ ' +
  'ccè ceẻ cfẽ d0é d1ẹ d2ề d3ể d4ễ d5ế d6ệ d7ì d8ỉ dcĩ ddí deị ' +
  'dfò e1ỏ e2õ e3ó e4ọ e5ồ e6ổ e7ỗ e8ố e9ộ eaờ ebở ecỡ edớ eeợ ' +
  'efù f1ủ f2ũ f3ú f4ụ f5ừ f6ử f7ữ f8ứ f9ự faỳ fbỷ fcỹ fdý feỵ';

const LETTER = new Map(
  TABLE.split(' ').map((e) => [String.fromCharCode(parseInt(e.slice(0, 2), 16)), e.slice(2)]),
);

/**
 * The TCVN3 codes that are no letter of Vietnamese in Unicode (¡…®, µ…¾, Æ, Ç, Ë, Î, Ï, Ð, Ñ, Ö,
 * ×, Ø, Ü, Þ, ß, ä…ç, ë, î, ï, ñ, ö…ø, û, ü, þ): the common letters ă, â, ê, ô, ơ, ư, đ, à, á,
 * ạ… are among them, so TCVN3 text is full of them and Unicode Vietnamese has none.
 */
const TCVN3_ONLY = new Set(
  [...LETTER.keys()].filter((c) => !'ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý'.includes(c)),
);

/** Letters only Unicode Vietnamese has (ă, đ, ơ, ư and the precomposed tones, combining tones). */
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]|\p{M}/u;

/** A Vietnamese syllable without its marks: initial consonant(s), vowels, final consonant(s). */
const SYLLABLE =
  /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]+(ng|nh|ch|[cmnpt])?$/;

const plain = (word: string) =>
  word.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/giu, 'd').toLowerCase();

/**
 * Whether the text is TCVN3 read as Latin-1: no letter that only Unicode Vietnamese has; at
 * least five characters above ASCII, two in five or more of them TCVN3 codes that no Vietnamese
 * Unicode text contains (Windows-1258's bytes read as Latin-1 stay far below that: only its Đ and
 * combining tilde are such codes); and, read as TCVN3, nine in ten of the words with such letters
 * are Vietnamese syllables (French or German words, read so, are not: "crème" → "crốme").
 */
export function looksTcvn3(text: string): boolean {
  if (UNICODE_VIETNAMESE.test(text)) return false;
  let high = 0;
  let only = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0xa0 || code > 0xff) continue;
    high++;
    if (TCVN3_ONLY.has(ch)) only++;
  }
  if (high < 5 || only * 5 < high * 2) return false;
  const words = (text.match(/[A-Za-z\u00a1-\u00fe]+/g) ?? []).filter((w) => /[^A-Za-z]/.test(w));
  const syllables = words.filter((w) => SYLLABLE.test(plain(fromLetters(w))));
  return syllables.length * 10 >= words.length * 9;
}

const fromLetters = (word: string) => [...word].map((c) => LETTER.get(c) ?? c).join('');

/**
 * TCVN3 text read as Latin-1 → Unicode (NFC). A cell or line (between tabs, line breaks, commas,
 * semicolons or bars) whose ASCII letters, two or more, are all capitals was set in a .VnTimeH
 * font: it is capitals throughout.
 */
export function fromTcvn3(text: string): string {
  return text
    .replace(/[^\t\r\n,;|]+/g, (part) => {
      const converted = fromLetters(part);
      const ascii = part.replace(/[^A-Za-z]/g, '');
      return ascii.length >= 2 && ascii === ascii.toUpperCase()
        ? converted.toUpperCase()
        : converted;
    })
    .normalize('NFC');
}
