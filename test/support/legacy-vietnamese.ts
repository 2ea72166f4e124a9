import { fromLegacy, type LegacyEncoding } from '../../src/core';

const VOWELS = 'aeiouyôöAEIOUYÔÖ';
const MARKS = 'ùøûõïêéèúüëâáàåãä';
const SINGLES = 'íìæóòîôöñ';

/** Letter → its shortest spelling in a legacy code, read off the converter itself. */
function spellings(encoding: LegacyEncoding, candidates: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of candidates) {
    const letter = fromLegacy(c, encoding);
    if (letter !== c && [...letter].length === 1 && !out.has(letter)) out.set(letter, c);
  }
  return out;
}

const TCVN3 = spellings(
  'tcvn3',
  Array.from({ length: 0xfe - 0xa1 + 1 }, (_, i) => String.fromCharCode(0xa1 + i)),
);
const VNI = spellings('vni', [
  ...SINGLES,
  ...SINGLES.toUpperCase(),
  ...[...VOWELS].flatMap((v) => [...MARKS, ...MARKS.toUpperCase()].map((m) => v + m)),
]);

const encode = (table: Map<string, string>, text: string) =>
  [...text.normalize('NFC')].map((c) => table.get(c) ?? table.get(c.toLowerCase()) ?? c).join('');

/**
 * Text as a .VnTime document holds it: each Vietnamese letter as its TCVN3 code, read as Latin-1.
 * A capital TCVN3 lacks takes its lowercase code, as the .VnTimeH fonts show it.
 */
export const toTcvn3 = (text: string): string => encode(TCVN3, text);

/** Text as a VNI-Times document holds it: a vowel and its mark characters, read as Latin-1. */
export const toVni = (text: string): string => encode(VNI, text);

/** The bytes of a legacy text file (an old sheet saved as CSV on a Windows in English). */
export const latin1Bytes = (text: string): Uint8Array =>
  Uint8Array.from(text, (c) => c.charCodeAt(0));
