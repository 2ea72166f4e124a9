import { parseDecimal } from '../../core/text/vietnamese';

export const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const POINTS = String.raw`\s*(?:điểm|đ)(?![\p{L}\p{N}])`;
const SIDE_WORD = String.raw`(?:trừ|cộng|thưởng)`;
/** "không quá 1,5 điểm", "tối đa 1 điểm", "tổng trừ không quá 3 điểm", "trừ tối đa 2 điểm". */
const CAP = new RegExp(
  String.raw`(?:(?:tổng\s+)?(?:điểm\s+)?${SIDE_WORD}\s+)?(?:không\s+(?:được\s+)?(?:vượt\s+)?quá|tối\s+đa(?:\s+(?:là|không\s+quá))?)\s*(?:${SIDE_WORD}\s+)?${NUMBER}${POINTS}`,
  'giu',
);
export const PENALTY_RATE = new RegExp(
  String.raw`(?:trừ\s*|(?:^|\s)[-−])${NUMBER}${POINTS}`,
  'giu',
);
export const BONUS_RATE = new RegExp(
  String.raw`(?:(?:cộng|thưởng)\s*|\+)${NUMBER}${POINTS}`,
  'giu',
);
/** "… không liên quan đến điểm cộng": the cap leaves that side out. */
const EXCLUDED_SIDE =
  /không\s+(?:liên\s+quan\s+(?:đến|tới)|tính|bao\s+gồm)\s+(?:điểm\s+)?(cộng|thưởng|trừ)/giu;
/** Words that name a code: "của mục a1", "đối với d2", "tiêu chí 1.2". */
const NAMED_CODE =
  /(?:mục|tiêu\s+chí|tiêu\s+chuẩn|nội\s+dung|đối\s+với|của)\s+(?:mục\s+|tiêu\s+chí\s+)?([\p{L}\p{N}][\p{L}\p{N}.]*)/giu;

export const num = (s: string): number => {
  const p = parseDecimal(s);
  return p.ok ? p.value : NaN;
};

/** A text cut to 60 characters for a message. */
export const short = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}…` : s);

/** Sentences of a cell: split on ';', line breaks and full stops (never on a decimal comma). */
export function sentences(text: string): string[] {
  return text
    .split(/[;\n]|\.(?=\s|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export type Side = 'bonus' | 'penalty' | 'net';

export const SIDE_LABEL: Readonly<Record<Side, string>> = {
  bonus: 'cộng',
  penalty: 'trừ',
  net: 'cộng/trừ gộp',
};

export interface CapSentence {
  value: number;
  /** The sentence when short, else its cap phrase ("…tổng trừ không quá 2 điểm"). */
  quote: string;
  side?: Side;
  /** The code the sentence names, as written. */
  named: string[];
  sentence: string;
}

/** Whether a sentence speaks of bonus points, of penalty points, leaving out the sides it excludes. */
export function mentions(sentence: string): { bonus: boolean; penalty: boolean } {
  const lower = sentence.toLowerCase();
  const excluded = [...lower.matchAll(EXCLUDED_SIDE)].map((m) => m[1]);
  const rest = lower.replace(EXCLUDED_SIDE, ' ');
  return {
    bonus: /cộng|thưởng|\+\d/u.test(rest) && !excluded.some((e) => e === 'cộng' || e === 'thưởng'),
    penalty: /trừ|(?:^|\s)[-−]\d/u.test(rest) && !excluded.includes('trừ'),
  };
}

/** The caps a sentence states, with the side it speaks of and the codes it names. */
export function capsIn(sentence: string): CapSentence[] {
  const lower = sentence.toLowerCase();
  const caps = [...lower.matchAll(CAP)];
  if (!caps.length) return [];
  const m = mentions(lower);
  const side: Side | undefined =
    m.bonus && m.penalty ? 'net' : m.bonus ? 'bonus' : m.penalty ? 'penalty' : undefined;
  const named = [...sentence.matchAll(NAMED_CODE)].map((n) => n[1]!.replace(/\.$/, ''));
  return caps.map((c) => ({
    value: num(c[1]!),
    quote:
      sentence.length <= 60
        ? sentence
        : `…${sentence.slice(c.index!, c.index! + c[0].length).trim()}`,
    ...(side ? { side } : {}),
    named,
    sentence,
  }));
}

/** The rates (`BONUS_RATE` or `PENALTY_RATE`) a sentence states, its caps left out. */
export function ratesIn(sentence: string, re: RegExp): number[] {
  const withoutCaps = sentence.replace(CAP, ' ');
  return [...withoutCaps.matchAll(re)].map((m) => num(m[1]!));
}
