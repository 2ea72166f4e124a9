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

const BOUND_ROUNDING: Readonly<Record<Bound, QuotaRounding>> = {
  max: 'floor',
  min: 'ceil',
  below: 'strict-below',
  above: 'strict-above',
};

const BOUND_SIGN: Readonly<Record<Bound, string>> = { max: '≤', min: '≥', below: '<', above: '>' };

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
  const rounding = BOUND_ROUNDING[bound];
  const pct = formatShareUnits(u);
  const who = spec.who === undefined ? '' : `${spec.who} `;
  const head = `${BOUND_SIGN[bound]} ${pct} của ${formatCount(n)} ${spec.baseNoun}`;

  let pass: boolean;
  let limit: number;
  let tail: string;
  const numbers: QuotaNumbers = { counted, base: n, shareUnits: u, exactUnits: exact };
  switch (bound) {
    case 'max':
      pass = isAtMost(counted, u, n);
      limit = maxCountAtMost(u, n);
      numbers.allowed = limit;
      tail = `${who}tối đa ${formatCount(limit)} ${word}`;
      break;
    case 'min':
      pass = isAtLeast(counted, u, n);
      limit = minCountAtLeast(u, n);
      numbers.required = limit;
      tail = `${who}cần ít nhất ${formatCount(limit)} ${word}`;
      break;
    case 'below':
      pass = isStrictlyBelow(counted, u, n);
      limit = Math.max(0, maxCountStrictlyBelow(u, n));
      numbers.allowed = limit;
      tail = `${who}tối đa ${formatCount(limit)} ${word}`;
      break;
    case 'above':
      pass = isStrictlyAbove(counted, u, n);
      limit = minCountStrictlyAbove(u, n);
      numbers.required = limit;
      tail = `${who}ít nhất ${formatCount(limit)} ${word}`;
      break;
  }

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
  } else if (bound === 'max' || bound === 'below') {
    verdict = `KHÔNG ĐẠT, vượt ${formatCount(counted - limit)} ${word}`;
  } else {
    verdict = `KHÔNG ĐẠT, thiếu ${formatCount(limit - counted)} ${word}`;
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
  let verdict = 'đạt';
  if (!pass) {
    verdict = atMost
      ? `KHÔNG ĐẠT, vượt ${formatCount(counted - limit)} ${word}`
      : `KHÔNG ĐẠT, thiếu ${formatCount(limit - counted)} ${word}`;
  }
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
