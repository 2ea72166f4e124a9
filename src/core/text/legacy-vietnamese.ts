/**
 * The two codes of the Vietnamese fonts of the 1990s and 2000s, which old Word and Excel files of
 * offices still carry. Each shows the right letters only in its own fonts; copied out of such a
 * file, or saved as text, the letters come as Latin-1 characters:
 *
 * - TCVN3 (TCVN 5712:1993, "ABC"; the .VnTime fonts of the north): a letter is one byte from 0xA1
 *   to 0xFE ("Tæng sè" for "Tổng số"). The .VnTimeH fonts show the lowercase codes as capitals.
 * - VNI (the VNI-Times fonts of the south): a vowel, then a character for its mark and tone
 *   ("Toång soá" for "Tổng số"); i's tones, ơ, ư, ỵ and đ are one character each.
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

/** TCVN3 byte (as its Latin-1 character) → letter; the seven capitals it has of its own first. */
const TCVN3_TABLE =
  'a1Ă a2Â a3Ê a4Ô a5Ơ a6Ư a7Đ a8ă a9â aaê abô acơ adư aeđ ' +
  'b5à b6ả b7ã b8á b9ạ bbằ bcẳ bdẵ beắ c6ặ c7ầ c8ẩ c9ẫ caấ cbậ ' +
  'ccè ceẻ cfẽ d0é d1ẹ d2ề d3ể d4ễ d5ế d6ệ d7ì d8ỉ dcĩ ddí deị ' +
  'dfò e1ỏ e2õ e3ó e4ọ e5ồ e6ổ e7ỗ e8ố e9ộ eaờ ebở ecỡ edớ eeợ ' +
  'efù f1ủ f2ũ f3ú f4ụ f5ừ f6ử f7ữ f8ứ f9ự faỳ fbỷ fcỹ fdý feỵ';

const TCVN3 = new Map(
  TCVN3_TABLE.split(' ').map((e) => [String.fromCharCode(parseInt(e.slice(0, 2), 16)), e.slice(2)]),
);

/**
 * The TCVN3 codes that are no letter of Vietnamese in Unicode (¡…®, µ…¾, Æ, Ç, Ë, Î, Ï, Ð, Ñ, Ö,
 * ×, Ø, Ü, Þ, ß, ä…ç, ë, î, ï, ñ, ö…ø, û, ü, þ): the common letters ă, â, ê, ô, ơ, ư, đ, à, á,
 * ạ… are among them, so TCVN3 text is full of them and Unicode Vietnamese has none.
 */
const TCVN3_ONLY = new Set(
  [...TCVN3.keys()].filter((c) => !'ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý'.includes(c)),
);

const GRAVE = '\u0300';
const ACUTE = '\u0301';
const TILDE = '\u0303';
const HOOK = '\u0309';
const DOT = '\u0323';
const BREVE = '\u0306';
const CIRCUMFLEX = '\u0302';
const HORN = '\u031b';

/** VNI's tone characters, after any vowel (and after ơ, ư). */
const VNI_TONE: Record<string, string> = { ù: ACUTE, ø: GRAVE, û: HOOK, õ: TILDE, ï: DOT };
/** After a: ă with its tones. */
const VNI_BREVE: Record<string, string> = {
  ê: BREVE,
  é: BREVE + ACUTE,
  è: BREVE + GRAVE,
  ú: BREVE + HOOK,
  ü: BREVE + TILDE,
  ë: BREVE + DOT,
};
/** After a, e, o: â, ê, ô with their tones. */
const VNI_CIRCUMFLEX: Record<string, string> = {
  â: CIRCUMFLEX,
  á: CIRCUMFLEX + ACUTE,
  à: CIRCUMFLEX + GRAVE,
  å: CIRCUMFLEX + HOOK,
  ã: CIRCUMFLEX + TILDE,
  ä: CIRCUMFLEX + DOT,
};
/** VNI's letters of one character of their own. */
const VNI_SINGLE: Record<string, string> = {
  í: 'i' + ACUTE,
  ì: 'i' + GRAVE,
  æ: 'i' + HOOK,
  ó: 'i' + TILDE,
  ò: 'i' + DOT,
  î: 'y' + DOT,
  ô: 'o' + HORN,
  ö: 'u' + HORN,
  ñ: 'đ',
};

/**
 * The marks a VNI character puts on the letter before it (as output so far: a vowel, or ơ/ư as
 * o/u with a horn), or undefined when it puts none.
 */
function vniMarks(before: string, next: string): string | undefined {
  const base = before[0]!.toLowerCase();
  const mark = next.toLowerCase();
  if (before.length === 2 && before[1] === HORN) return VNI_TONE[mark];
  if (before.length !== 1) return undefined;
  if (base === 'a' && VNI_BREVE[mark]) return VNI_BREVE[mark];
  if ('aeo'.includes(base) && VNI_CIRCUMFLEX[mark]) return VNI_CIRCUMFLEX[mark];
  return 'aeouy'.includes(base) ? VNI_TONE[mark] : undefined;
}

/** VNI text read as Latin-1 → Unicode, letter by letter (not yet NFC). */
function fromVni(text: string): string {
  const letters: string[] = [];
  for (const ch of text) {
    const before = letters[letters.length - 1];
    const marks = before === undefined ? undefined : vniMarks(before, ch);
    if (marks) {
      letters[letters.length - 1] = before + marks;
      continue;
    }
    const single = VNI_SINGLE[ch.toLowerCase()];
    letters.push(single ? (ch === ch.toLowerCase() ? single : single.toUpperCase()) : ch);
  }
  return letters.join('');
}

const fromTcvn3Letters = (text: string) => [...text].map((c) => TCVN3.get(c) ?? c).join('');

const CONVERT: Record<LegacyEncoding, (text: string) => string> = {
  tcvn3: fromTcvn3Letters,
  vni: fromVni,
};

/** Letters only Unicode Vietnamese has (ă, đ, ơ, ư and the precomposed tones, combining tones). */
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]|\p{M}/u;

/**
 * A Vietnamese syllable without its marks: an initial consonant, a vowel nucleus of Vietnamese,
 * a final consonant; no f, j, w, z.
 */
const SYLLABLE =
  /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?(uyu|uye|uya|oai|oao|oay|oeo|uoi|uou|uay|ieu|yeu|ai|ao|au|ay|eo|ia|iu|ie|oa|oe|oi|ua|ue|ui|uo|uu|uy|ye|a|e|i|o|u|y)(ng|nh|ch|[cmnpt])?$/;
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/** Whether a converted word is one Vietnamese syllable: the right letters and one tone at most. */
function isSyllable(word: string): boolean {
  const nfd = word.normalize('NFD').toLowerCase();
  if ((nfd.match(TONES) ?? []).length > 1) return false;
  return SYLLABLE.test(nfd.replace(/\p{M}/gu, '').replace(/đ/gu, 'd'));
}

/** The share of a text's words with letters above ASCII that read, so converted, as syllables. */
function syllableShare(text: string, encoding: LegacyEncoding): number {
  const words = (text.match(/[A-Za-z\u00a1-\u00fe]+/g) ?? []).filter((w) => /[^A-Za-z]/.test(w));
  if (words.length < 3) return 0;
  return words.filter((w) => isSyllable(CONVERT[encoding](w))).length / words.length;
}

/**
 * The legacy code a text is written in, read as Latin-1, or undefined for Unicode (or anything
 * else): none of the letters only Unicode Vietnamese has; then, of the two codes, the one under
 * which nine in ten of its words with letters above ASCII read as Vietnamese syllables (French or
 * German words, read so, do not: "crème" → "crốme"). TCVN3 also needs two in five of those letters
 * to be TCVN3 codes that no Unicode Vietnamese has (Windows-1258 read as Latin-1 stays far below:
 * only its Đ and combining tilde are such codes).
 */
export function legacyEncoding(text: string): LegacyEncoding | undefined {
  if (UNICODE_VIETNAMESE.test(text)) return undefined;
  let high = 0;
  let only = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0xa0 || code > 0xff) continue;
    high++;
    if (TCVN3_ONLY.has(ch)) only++;
  }
  if (high < 5) return undefined;
  const tcvn3 = only * 5 >= high * 2 ? syllableShare(text, 'tcvn3') : 0;
  const vni = syllableShare(text, 'vni');
  const best = Math.max(tcvn3, vni);
  if (best < 0.9) return undefined;
  return tcvn3 >= vni ? 'tcvn3' : 'vni';
}

/**
 * Legacy text read as Latin-1 → Unicode (NFC). A cell or line (between tabs, line breaks, commas,
 * semicolons or bars) whose ASCII letters, two or more, are all capitals was set in capitals: it
 * is capitals throughout (TCVN3 writes the capitals it lacks with lowercase codes).
 */
export function fromLegacy(text: string, encoding: LegacyEncoding): string {
  return text
    .replace(/[^\t\r\n,;|]+/g, (part) => {
      const converted = CONVERT[encoding](part);
      const ascii = part.replace(/[^A-Za-z]/g, '');
      return ascii.length >= 2 && ascii === ascii.toUpperCase()
        ? converted.toUpperCase()
        : converted;
    })
    .normalize('NFC');
}

/** How a note names each legacy code to the person who saved the file. */
export const LEGACY_LABEL: Readonly<Record<LegacyEncoding, string>> = {
  tcvn3: 'TCVN3 (phông .VnTime), đã chuyển sang Unicode',
  vni: 'VNI (phông VNI-Times), đã chuyển sang Unicode',
};
