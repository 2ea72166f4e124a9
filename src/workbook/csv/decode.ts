/**
 * Bytes of a text file → text, for the encodings Vietnamese offices really produce: Excel on a
 * Vietnamese Windows saves "CSV (Comma delimited)" in Windows-1258 and "Unicode Text" as UTF-16
 * with tabs; LibreOffice, Google Sheets and "CSV UTF-8" give UTF-8 (docs/csv-formats.md).
 */
import {
  fromLegacy,
  LEGACY_LABEL,
  legacyEncoding,
  type LegacyEncoding,
} from '../../core/text/legacy-vietnamese';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' | LegacyEncoding;

export interface DecodedText {
  /** NFC text without byte-order mark. */
  text: string;
  encoding: TextEncoding;
}

/** How a note names each encoding to the person who saved the file. */
export const ENCODING_LABEL: Readonly<Record<TextEncoding, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'Unicode Text (UTF-16)',
  'utf-16be': 'Unicode Text (UTF-16 big-endian)',
  'windows-1258': 'Windows-1258 (CSV của Excel tiếng Việt)',
  ...LEGACY_LABEL,
};

/**
 * UTF-16 without a byte-order mark, told by its NULs: ASCII text puts a NUL in every other byte,
 * on the odd bytes for little-endian. Binary files have NULs in both columns and stay undecided.
 */
function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.4 && evenNul === 0) return 'utf-16le';
  if (evenNul >= pairs * 0.4 && oddNul === 0) return 'utf-16be';
  return undefined;
}

const decode = (
  bytes: Uint8Array,
  encoding: Exclude<TextEncoding, LegacyEncoding> | 'windows-1252',
  fatal = false,
): string => new TextDecoder(encoding, { fatal }).decode(bytes);

/**
 * Decodes a text file: by its byte-order mark, else UTF-16 told by its NULs, else UTF-8 when the
 * bytes are valid UTF-8, else TCVN3 or VNI when the bytes read so, else Windows-1258 (any byte
 * decodes; its tones written as combining marks become precomposed letters by NFC). Text in any
 * of the Unicode forms that is TCVN3 or VNI copied out of an old document is converted too. Bytes
 * that fit none of these keep what breaks them (NULs, control characters, U+FFFD) for the CSV
 * parser to refuse with its line.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const read = decodeBytes(bytes);
  const legacy = legacyEncoding(read.text);
  return legacy ? { text: fromLegacy(read.text, legacy), encoding: legacy } : read;
}

function decodeBytes(bytes: Uint8Array): DecodedText {
  const [b0, b1, b2] = bytes;
  let encoding: TextEncoding | undefined;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) encoding = 'utf-8';
  else if (b0 === 0xff && b1 === 0xfe) encoding = 'utf-16le';
  else if (b0 === 0xfe && b1 === 0xff) encoding = 'utf-16be';
  else encoding = utf16Order(bytes);
  if (encoding) return { text: strip(decode(bytes, encoding)), encoding };
  try {
    return { text: strip(decode(bytes, 'utf-8', true)), encoding: 'utf-8' };
  } catch {
    // TCVN3's and VNI's bytes are their letters read as Latin-1.
    const latin = decode(bytes, 'windows-1252');
    const legacy = legacyEncoding(latin);
    if (legacy) return { text: fromLegacy(latin, legacy), encoding: legacy };
    const text = decode(bytes, 'windows-1258');
    // C1 controls are Windows-1258's unassigned bytes, and a tone after a consonant is another
    // code page read as Windows-1258 (Latin-1's "ò" is its dot below): such a file is in no
    // encoding we know, and the UTF-8 reading (with U+FFFD where it breaks) gets the parser's
    // "not UTF-8" refusal.
    if (/[\u0080-\u009f]/.test(text) || !vietnameseTones(text))
      return { text: decode(bytes, 'utf-8'), encoding: 'utf-8' };
    return { text: strip(text), encoding: 'windows-1258' };
  }
}

/** Windows-1258's five tone marks, written as combining characters after the vowel they sit on. */
const TONE_AFTER_NON_VOWEL = /(?<![aăâeêioôơuưyAĂÂEÊIOÔƠUƯY])[\u0300\u0301\u0303\u0309\u0323]/u;

/** Whether every tone mark of the text sits on a vowel, as in Vietnamese. */
const vietnameseTones = (text: string): boolean => !TONE_AFTER_NON_VOWEL.test(text);

const strip = (text: string): string =>
  (text.startsWith('\uFEFF') ? text.slice(1) : text).normalize('NFC');
