import { fromTcvn3 } from '../../src/core/text/tcvn3';

/** Letter → its TCVN3 code as a Latin-1 character, read off the converter itself. */
const CODE = new Map<string, string>();
for (let b = 0xa1; b <= 0xfe; b++) {
  const code = String.fromCharCode(b);
  const letter = fromTcvn3(code);
  if (letter !== code) CODE.set(letter, code);
}

/**
 * Text as a .VnTime document holds it: each Vietnamese letter as its TCVN3 code, read as Latin-1.
 * A capital TCVN3 lacks takes its lowercase code, as the .VnTimeH fonts show it.
 */
export const toTcvn3 = (text: string): string =>
  [...text.normalize('NFC')].map((c) => CODE.get(c) ?? CODE.get(c.toLowerCase()) ?? c).join('');

/** The bytes of a TCVN3 text file (a .VnTime sheet saved as CSV on a Windows in English). */
export const tcvn3Bytes = (text: string): Uint8Array =>
  Uint8Array.from(toTcvn3(text), (c) => c.charCodeAt(0));
