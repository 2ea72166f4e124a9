import { SCALE } from '../../decimal';
import { formatCount, formatShareUnits, formatUnits } from '../format';
import {
  isAtLeast,
  isAtMost,
  isStrictlyAbove,
  isStrictlyBelow,
  maxCountAtMost,
  maxCountStrictlyBelow,
  minCountAtLeast,
  minCountStrictlyAbove,
  toShareUnits,
} from '../share';
import { type QuotaNumbers, type QuotaRounding, ROUNDING_TEXT } from './types';

// Share evaluation: the arithmetic, rounding and verdict every check builds on.

type Bound = 'max' | 'min' | 'below' | 'above';

/** What each bound means: its test, its limit and how the texts say them. */
const BOUNDS: Readonly<
  Record<
    Bound,
    {
      rounding: QuotaRounding;
      sign: string;
      pass: (counted: number, u: number, n: number) => boolean;
      limit: (u: number, n: number) => number;
      /** A maximum allows, a minimum requires. */
      at: 'allowed' | 'required';
      /** Before the limit in the texts. */
      says: string;
    }
  >
> = {
  max: {
    rounding: 'floor',
    sign: '≤',
    pass: isAtMost,
    limit: maxCountAtMost,
    at: 'allowed',
    says: 'tối đa',
  },
  min: {
    rounding: 'ceil',
    sign: '≥',
    pass: isAtLeast,
    limit: minCountAtLeast,
    at: 'required',
    says: 'cần ít nhất',
  },
  below: {
    rounding: 'strict-below',
    sign: '<',
    pass: isStrictlyBelow,
    limit: (u, n) => Math.max(0, maxCountStrictlyBelow(u, n)),
    at: 'allowed',
    says: 'tối đa',
  },
  above: {
    rounding: 'strict-above',
    sign: '>',
    pass: isStrictlyAbove,
    limit: minCountStrictlyAbove,
    at: 'required',
    says: 'ít nhất',
  },
};

/** "KHÔNG ĐẠT, vượt 1 người" over a maximum, "KHÔNG ĐẠT, thiếu 2 người" under a minimum. */
function failed(atMost: boolean, counted: number, limit: number, word: string): string {
  return atMost
    ? `KHÔNG ĐẠT, vượt ${formatCount(counted - limit)} ${word}`
    : `KHÔNG ĐẠT, thiếu ${formatCount(limit - counted)} ${word}`;
}

export interface ShareSpec {
  bound: Bound;
  /** The share as a fraction of 1 (validated to be a multiple of 1/10 000). */
  share: number;
  counted: number;
  base: number;
  /** Noun after the base number: "người LĐTT", "đơn vị dẫn đầu khối". */
  baseNoun: string;
  /** Counting word of the result: "người", "đơn vị". */
  word: string;
  /** Who the limit is about, placed before "tối đa/ít nhất": "lãnh đạo". */
  who?: string;
}

export interface Evaluated {
  pass: boolean;
  applicable: boolean;
  numbers: QuotaNumbers;
  limitText: string;
  rounding: QuotaRounding;
  /** Vietnamese verdict clause: "đạt", "KHÔNG ĐẠT, vượt 1 người", "không áp dụng". */
  verdict: string;
}

export function evaluateShare(spec: ShareSpec): Evaluated {
  const { bound, counted, base: n, word } = spec;
  const u = toShareUnits(spec.share);
  const exact = u * n;
  const { rounding, sign, at, says, pass: passes, limit: limitOf } = BOUNDS[bound];
  const pct = formatShareUnits(u);
  const who = spec.who === undefined ? '' : `${spec.who} `;
  const head = `${sign} ${pct} của ${formatCount(n)} ${spec.baseNoun}`;

  let pass = passes(counted, u, n);
  const limit = limitOf(u, n);
  const numbers: QuotaNumbers = { counted, base: n, shareUnits: u, exactUnits: exact };
  numbers[at] = limit;
  const tail = `${who}${says} ${formatCount(limit)} ${word}`;

  const applicable = n > 0 || counted > 0;
  let limitText: string;
  if (n === 0) {
    limitText = `${head}: không có ${word} nào → ${tail}`;
  } else {
    limitText = `${head} = ${formatUnits(exact)} → ${tail} (${ROUNDING_TEXT[rounding]})`;
  }

  let verdict: string;
  if (!applicable) {
    verdict = `không có ${word} nào, không áp dụng`;
    pass = true;
  } else if (pass) {
    verdict = 'đạt';
  } else {
    verdict = failed(at === 'allowed', counted, limit, word);
  }
  return { pass, applicable, numbers, limitText, rounding, verdict };
}

/** A plain count rule: counted ≥ required (or ≤ allowed when `atMost`). */
export function evaluateCount(
  counted: number,
  base: number,
  limit: number,
  atMost: boolean,
  word: string,
  what: string,
): Evaluated {
  const pass = atMost ? counted <= limit : counted >= limit;
  const numbers: QuotaNumbers = atMost
    ? { counted, base, allowed: limit }
    : { counted, base, required: limit };
  const limitText = `${atMost ? '≤' : '≥'} ${formatCount(limit)} ${word} ${what} (${ROUNDING_TEXT.none})`;
  const verdict = pass ? 'đạt' : failed(atMost, counted, limit, word);
  return { pass, applicable: true, numbers, limitText, rounding: 'none', verdict };
}

/** Percentage actually reached, rounded half up to 0,01% for display: "≈ 17,39%". */
export function actualPercent(counted: number, n: number): string {
  if (n === 0) return '';
  const num = 2 * counted * SCALE;
  const den = 2 * n;
  const rounded = (num + n - ((num + n) % den)) / den;
  const exact = (counted * SCALE) % n === 0;
  return ` (${exact ? '' : '≈ '}${formatShareUnits(rounded)})`;
}
