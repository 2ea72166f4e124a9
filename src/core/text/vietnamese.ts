/**
 * Vietnamese text and number conventions shared by the whole toolkit: Unicode normalisation,
 * decimal-comma numbers ("118,4") and dictionary order for unit names. Pure: no IO, no clock.
 */

// ---------------------------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------------------------

/**
 * NFC plus trimmed, single-spaced text.
 *
 * Vietnamese text arrives both precomposed (Windows/Office) and decomposed (macOS, some web
 * forms): "Tòa" can be 4 or 5 code points and would not match a lookup key unless normalised.
 * Cells copied from Word or web pages often carry non-breaking spaces (U+00A0, U+202F) and
 * doubled spaces, which are invisible to the user but break equality, so they are collapsed too.
 */
export function nfc(s: string): string {
  // JS `\s` covers U+00A0, U+202F, tabs and line breaks, which is exactly the invisible noise
  // that pasted cells contain.
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Canonical form of a criterion/section code ("a 1.2" → "a1.2").
 *
 * Spaces are removed because people type "I. 1" and "I.1" for the same code. Case is kept on
 * purpose: folding it would silently merge codes that a template author may treat as distinct
 * (e.g. "I" as a standard and "i" as an item), and a case mismatch is better reported to the
 * user as a finding (with the near-match suggested) than hidden by the key function.
 */
export function normalizeCode(code: string): string {
  return code.normalize('NFC').replace(/\s+/g, '');
}

// ---------------------------------------------------------------------------------------------
// Parsing decimals
// ---------------------------------------------------------------------------------------------

export type ParseDecimalResult = { ok: true; value: number } | { ok: false; message: string };

const EXAMPLE = '(ví dụ hợp lệ: 9,5)';

function notANumber(shown: string, reason?: string): ParseDecimalResult {
  const why = reason === undefined ? '' : `: ${reason}`;
  return { ok: false, message: `"${shown}" không phải là số${why} ${EXAMPLE}` };
}

const DIGITS = /^[0-9]+$/;

/** Integer part written with a thousands separator: first group 1–3 digits, then groups of 3. */
function ungroup(intPart: string, sep: string): string | undefined {
  const groups = intPart.split(sep);
  const [first, ...rest] = groups;
  if (first === undefined || !/^[0-9]{1,3}$/.test(first)) return undefined;
  if (!rest.every((g) => /^[0-9]{3}$/.test(g))) return undefined;
  return groups.join('');
}

/**
 * Reads a number typed the Vietnamese way or the English way.
 *
 * Separator rules (scores are small numbers, usually with a decimal comma):
 * - A space (incl. non-breaking) can only be a thousands separator: "1 234,5".
 * - If both '.' and ',' appear, the last one is the decimal separator and the other is the
 *   thousands separator ("1.234,5" and "1,234.5" are both 1234.5); the decimal one must occur
 *   once and the groups must be 3 digits.
 * - A single ',' is decimal ("9,5").
 * - A single '.' is decimal too ("9.5"), because Excel in an English locale writes it that way.
 *   Consequently "1.000" reads as 1, not 1000: point values never reach the thousands, while
 *   English-formatted decimals are common, so the decimal reading is the likely intent.
 * - The same separator repeated with no other separator is thousands grouping, accepted only if
 *   every group has 3 digits ("1.234.567"); "9,5,5" is rejected.
 * A leading '+', '-' or '−' (U+2212, produced by some typesetting) is accepted.
 *
 * The value is obtained by building a canonical decimal string ("118.4") and calling Number()
 * on it, so it is the double nearest to the written decimal (never accumulated arithmetic).
 */
export function parseDecimal(text: string | number): ParseDecimalResult {
  if (typeof text === 'number') {
    if (!Number.isFinite(text)) {
      return { ok: false, message: `${String(text)} không phải là số hữu hạn ${EXAMPLE}` };
    }
    // -0 would later print or compare surprisingly; a score of "minus zero" means zero.
    return { ok: true, value: text === 0 ? 0 : text };
  }

  const shown = nfc(text);
  if (shown === '') return { ok: false, message: `Ô trống, chưa có số ${EXAMPLE}` };

  const signMatch = /^([+\-\u2212]?)(.*)$/.exec(shown);
  const sign = signMatch?.[1] === '' || signMatch?.[1] === '+' ? '' : '-';
  const body = signMatch?.[2] ?? '';
  if (!/^[0-9., ]+$/.test(body) || !/[0-9]/.test(body) || body.startsWith(' ')) {
    return notANumber(shown);
  }

  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  const spaces = body.split(' ').length - 1;

  let thousands: string | undefined;
  let decimal: string | undefined;
  if (spaces > 0) {
    if (dots > 0 && commas > 0) return notANumber(shown, 'có quá nhiều loại dấu phân cách');
    thousands = ' ';
    if (dots + commas > 1) return notANumber(shown, 'có nhiều dấu thập phân');
    if (dots === 1) decimal = '.';
    if (commas === 1) decimal = ',';
  } else if (dots > 0 && commas > 0) {
    decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    thousands = decimal === '.' ? ',' : '.';
    if ((decimal === '.' ? dots : commas) > 1) return notANumber(shown, 'có nhiều dấu thập phân');
  } else if (dots === 1 || commas === 1) {
    decimal = dots === 1 ? '.' : ',';
  } else if (dots > 1 || commas > 1) {
    thousands = dots > 1 ? '.' : ',';
  }

  let intPart = body;
  let fracPart = '';
  if (decimal !== undefined) {
    const at = body.indexOf(decimal);
    intPart = body.slice(0, at);
    fracPart = body.slice(at + 1);
    if (fracPart === '') return notANumber(shown, 'thiếu chữ số sau dấu thập phân');
    if (!DIGITS.test(fracPart)) return notANumber(shown);
  }

  let intDigits: string | undefined;
  if (thousands !== undefined && intPart.includes(thousands)) {
    intDigits = ungroup(intPart, thousands);
    if (intDigits === undefined) {
      return notANumber(shown, 'mỗi nhóm hàng nghìn phải có đúng 3 chữ số');
    }
  } else if (intPart === '' && decimal !== undefined) {
    // ",5" is what Excel shows for 0,5 in some formats.
    intDigits = '0';
  } else {
    intDigits = DIGITS.test(intPart) ? intPart : undefined;
  }
  if (intDigits === undefined) return notANumber(shown);

  const canonical = `${sign}${intDigits}${fracPart === '' ? '' : `.${fracPart}`}`;
  const value = Number(canonical);
  if (!Number.isFinite(value)) return notANumber(shown, 'số quá lớn');
  return { ok: true, value: value === 0 ? 0 : value };
}

// ---------------------------------------------------------------------------------------------
// Formatting decimals
// ---------------------------------------------------------------------------------------------

export interface FormatDecimalOptions {
  /** Maximum number of decimals (default 4, the engine's fixed-point precision). */
  decimals?: number;
  /** Decimals always shown, padding with zeros (default 0). */
  minDecimals?: number;
  /**
   * Group thousands with '.' as in "1.234,5" (default false). For text that parseDecimal will
   * read back, combine with minDecimals >= 1: a lone "1.234" is read as 1,234 (see parseDecimal).
   */
  grouping?: boolean;
}

/**
 * Splits |value| into integer and fraction digit strings.
 *
 * 15 significant digits is what Excel displays and absorbs binary artefacts such as
 * 1.005 = 1.00499999999999989…, so that rounding acts on the decimal the user meant.
 */
function decimalDigits(abs: number): { int: string; frac: string } {
  const m = /^([0-9]+)(?:\.([0-9]+))?(?:e([+-][0-9]+))?$/.exec(abs.toPrecision(15));
  if (m === null) throw new RangeError(`Cannot format ${abs}`);
  const lead = m[1] ?? '';
  const digits = lead + (m[2] ?? '');
  const point = lead.length + Number(m[3] ?? '0');
  if (point <= 0) return { int: '0', frac: '0'.repeat(-point) + digits };
  if (point >= digits.length) return { int: digits + '0'.repeat(point - digits.length), frac: '' };
  return { int: digits.slice(0, point), frac: digits.slice(point) };
}

/** Adds one unit in the last place of a digit string ("199" → "200", "99" → "100"). */
function incrementDigits(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] === '9') {
      out[i] = '0';
    } else {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
  }
  return `1${out.join('')}`;
}

function checkDecimals(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > 20) {
    throw new RangeError(`${name} must be an integer in [0, 20], got ${n}`);
  }
}

/**
 * Vietnamese number format with a decimal comma: 118.4 → "118,4".
 *
 * Rounding is half away from zero on the decimal representation (1.005 → "1,01"), matching
 * Excel's ROUND and what a verifier computes by hand, rather than binary round-half-even
 * artefacts of toFixed. Never prints "-0". Non-finite values and invalid options throw, since
 * they are programming errors rather than user input.
 */
export function formatDecimal(value: number, options: FormatDecimalOptions = {}): string {
  const decimals = options.decimals ?? 4;
  const minDecimals = options.minDecimals ?? 0;
  checkDecimals('decimals', decimals);
  checkDecimals('minDecimals', minDecimals);
  if (minDecimals > decimals) {
    throw new RangeError(`minDecimals (${minDecimals}) exceeds decimals (${decimals})`);
  }
  if (!Number.isFinite(value)) throw new RangeError(`Cannot format non-finite value ${value}`);

  // Fast path for the common case (engine results are short decimals): String() gives the shortest
  // round-trip decimal, which is already exact when it has no more digits than asked for.
  if (minDecimals === 0 && options.grouping !== true) {
    const plain = String(value);
    const point = plain.indexOf('.');
    if (!plain.includes('e') && (point === -1 || plain.length - point - 1 <= decimals))
      return plain.replace('.', ',');
  }

  const { int, frac } = decimalDigits(Math.abs(value));
  let kept = int + frac.slice(0, decimals).padEnd(decimals, '0');
  if ((frac[decimals] ?? '0') >= '5') kept = incrementDigits(kept);

  let intDigits = kept.slice(0, kept.length - decimals).replace(/^0+(?=[0-9])/, '') || '0';
  let fracDigits = kept.slice(kept.length - decimals);
  while (fracDigits.length > minDecimals && fracDigits.endsWith('0')) {
    fracDigits = fracDigits.slice(0, -1);
  }

  const isZero = /^0*$/.test(intDigits + fracDigits);
  if (options.grouping === true) intDigits = intDigits.replace(/\B(?=([0-9]{3})+$)/g, '.');
  const sign = value < 0 && !isZero ? '-' : '';
  return `${sign}${intDigits}${fracDigits === '' ? '' : `,${fracDigits}`}`;
}

/** Share as a Vietnamese percentage: 0.15 → "15%", 0.149 → "14,9%". */
export function formatPercent(share: number, decimals = 1): string {
  return `${formatDecimal(share * 100, { decimals })}%`;
}

// ---------------------------------------------------------------------------------------------
// Collation
// ---------------------------------------------------------------------------------------------

/** A file size as people read it in a message: "50,0 MB" (one decimal, decimal comma). */
export const formatMegabytes = (bytes: number): string =>
  `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;

/**
 * Vietnamese dictionary order (ICU "vi" tailoring): ă, â, đ, ê, ô, ơ, ư are letters of their
 * own (Đ after D), tones are secondary differences (a à ả ã á ạ) and case is tertiary.
 * Full ("variant") sensitivity is used so that names differing only by tone or case still get a
 * meaningful, deterministic order instead of comparing equal.
 */
export const viCollator = new Intl.Collator('vi', { usage: 'sort', sensitivity: 'variant' });

function compareNormalized(a: string, b: string): number {
  const byCollator = viCollator.compare(a, b);
  if (byCollator !== 0) return byCollator < 0 ? -1 : 1;
  // The collator ignores some characters (zero-width space, control characters) and may tie
  // distinct strings; a UTF-16 code-unit comparison makes the order total, so a ranking table
  // never depends on the input order of the units.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Vietnamese order of two strings; 0 only when their NFC forms are identical. */
export function compareVietnamese(a: string, b: string): number {
  return compareNormalized(a.normalize('NFC'), b.normalize('NFC'));
}

/** New array sorted in Vietnamese order by `key`; the input is not modified. */
export function sortVietnamese<T>(items: readonly T[], key: (t: T) => string): T[] {
  // Keys are computed and normalised once per item rather than once per comparison.
  const decorated = items.map((item) => ({ item, k: key(item).normalize('NFC') }));
  decorated.sort((x, y) => compareNormalized(x.k, y.k));
  return decorated.map((d) => d.item);
}

/** The words people type for yes (a knock-out that holds, a mark) and for no. Lower case, NFC. */
export const YES_WORDS: readonly string[] = ['có', 'x', 'true', 'đúng', '1'];
export const NO_WORDS: readonly string[] = ['không', '', 'false', 'sai', '0'];

/** True when the text is one of YES_WORDS, whatever its case or Unicode form. */
export function isYesWord(text: string): boolean {
  return YES_WORDS.includes(nfc(text).toLowerCase());
}
