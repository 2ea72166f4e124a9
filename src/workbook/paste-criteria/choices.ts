import type { Band, CriterionKind } from '../../core/template/types';
import { formatDecimal } from '../../core/text/vietnamese';
import { dateBandIn } from './dates';
import { NUMBER, num } from './sentences';

// Tiers and alternatives written in a row's text: "Đạt trên 98%: 5 điểm; từ 97% đến dưới 98%: 4
// điểm", "Có báo cáo: 2 điểm / Không có công văn: 0 điểm và trừ 2 điểm". Each clause is a label,
// a colon (or "được", "→") and the points; two clauses or more make the row a choice.

const PTS = String.raw`\s*(?:điểm|đ)`;
/** What an alternative is worth: "5 điểm", "0 điểm và trừ 2 điểm", "trừ 1 điểm", "cộng 1 điểm". */
const WORTH = new RegExp(
  String.raw`^(?:(?:được\s+)?${NUMBER}${PTS}$|(?:${NUMBER}${PTS}\s*(?:và|,)\s*)?(trừ|cộng|thưởng)\s+${NUMBER}${PTS}$)`,
  'iu',
);
/** The label before the points: the last ":" / "→" / "=", or "được" before a number. */
const CLAUSE = /^(.*?)\s*(?::|→|=|\s(?=được\s+\d))\s*((?:được\s+)?[^:→=]*)$/u;

export interface Alternative {
  /** The label as written ("Đạt trên 98%"). */
  label: string;
  kind: Extract<CriterionKind, 'base' | 'bonus' | 'penalty'>;
  /** Base points of a base alternative; the points once of a bonus/penalty one. */
  points: number;
  band?: Band;
  /** The sentence it came from. */
  sentence: string;
  /** What was guessed in reading it, in Vietnamese. */
  unsure: string[];
}

/**
 * Splits a row's sentences further at " / " (never inside "điểm/bài" or "31/01"), and where a
 * new capitalised clause follows "… điểm": the lines of a cell of several paragraphs arrive
 * joined by a space.
 */
export function clausesOf(said: readonly string[]): string[] {
  return said
    .flatMap((s) => s.split(/\s+\/\s+|(?<=điểm)\s+(?=[\p{Lu}≥≤<>])/u))
    .map((s) => s.replace(/^[-–•]\s*/u, '').trim())
    .filter(Boolean);
}

/** One clause read as an alternative, or undefined when it is not "label: points". */
function readAlternative(clause: string): Alternative | undefined {
  const m = CLAUSE.exec(clause);
  if (!m) return undefined;
  const label = m[1]!.replace(/^.*[:→]\s*/u, '').trim();
  const worth = WORTH.exec(m[2]!.trim());
  if (!label || !worth) return undefined;
  const [, plain, zeroBefore, sideWord, sidePoints] = worth;
  const unsure: string[] = [];
  let kind: Alternative['kind'] = 'base';
  let points = num(plain ?? '0');
  if (sideWord) {
    kind = sideWord.toLowerCase() === 'trừ' ? 'penalty' : 'bonus';
    points = num(sidePoints!);
    if (zeroBefore !== undefined && num(zeroBefore) !== 0)
      unsure.push(
        `"${clause}": ghi cả ${zeroBefore} điểm và ${sideWord} ${sidePoints} điểm; chỉ tính phần ${sideWord}`,
      );
  }
  return { label, kind, points, sentence: clause, unsure };
}

const BOUND = String.raw`(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)`;
const BETWEEN = new RegExp(
  String.raw`(?:từ\s+)?${BOUND}\s*%?\s*(?:đến|tới|-|–)\s*(dưới|<|≤|<=)?\s*${BOUND}`,
  'iu',
);
const FROM = new RegExp(
  String.raw`(?:(trên|hơn|>)|(≥|>=|từ))\s*${BOUND}|${BOUND}\s*%?[^\d]*trở\s+lên`,
  'iu',
);
const TO = new RegExp(String.raw`(?:(dưới|<)|(≤|<=|không\s+quá|tối\s+đa))\s*${BOUND}`, 'iu');

/** A bound as written: "98", "97,5", "2.000" (a thousands dot, as Vietnamese writes counts). */
const bound = (written: string): number =>
  /^\d{1,3}(?:\.\d{3})+$/.test(written) ? Number(written.replace(/\./g, '')) : num(written);

/**
 * The band a label states, `from` inclusive and `to` exclusive as the engine reads bands. Where
 * the sheet's words do not say which side a bound falls ("trên 98%", "≤ 5", "từ 1 đến 3"), the
 * reading is said in `unsure`. A label naming a date gives a band of dates (dates.ts).
 */
function bandIn(label: string, year: number | undefined, unsure: string[]): Band | undefined {
  const dated = dateBandIn(label, year, unsure);
  if (dated) return dated.band;
  const between = BETWEEN.exec(label);
  if (between) {
    const from = bound(between[1]!);
    const to = bound(between[3]!);
    if (!between[2] || /≤|<=/.test(between[2]))
      unsure.push(`"${label}": đọc là từ ${formatDecimal(from)} đến dưới ${formatDecimal(to)}`);
    return { from, to };
  }
  const from = FROM.exec(label);
  if (from) {
    const value = bound(from[3] ?? from[4]!);
    if (from[1])
      unsure.push(
        `"${label}": mốc ${formatDecimal(value)} được tính vào mức này (từ ${formatDecimal(value)} trở lên)`,
      );
    return { from: value };
  }
  const to = TO.exec(label);
  if (to) {
    const value = bound(to[3]!);
    if (to[2])
      unsure.push(
        `"${label}": mốc ${formatDecimal(value)} được tính vào mức kế trên (dưới ${formatDecimal(value)})`,
      );
    return { to: value };
  }
  return undefined;
}

/** A label with one number and no word for its side: "Đạt 100%", "100% kế hoạch". */
const LONE = new RegExp(String.raw`^[^\d]*${BOUND}\s*%?[^\d]*$`, 'u');

/**
 * The bands of a list of tiers. A tier written with one bare number ("Đạt 100%") next to tiers
 * that end below that number ("từ 90% đến dưới 100%") is read as the top tier, from it up.
 */
export function bandsIn(
  labels: readonly string[],
  year: number | undefined,
): {
  bands: (Band | undefined)[];
  unsure: string[][];
} {
  const unsure = labels.map(() => [] as string[]);
  const bands = labels.map((label, i) => bandIn(label, year, unsure[i]!));
  const tops = bands.flatMap((b) => (typeof b?.to === 'number' ? [b.to] : []));
  labels.forEach((label, i) => {
    const m = bands[i] || !tops.length ? null : LONE.exec(label);
    if (!m) return;
    const value = bound(m[1]!);
    const above = bands.some((b) => typeof b?.from === 'number' && b.from >= value);
    if (value !== Math.max(...tops) || above) return;
    bands[i] = { from: value };
    unsure[i]!.push(`"${label}": đọc là từ ${formatDecimal(value)} trở lên (mức cao nhất)`);
  });
  return { bands, unsure };
}

/** The alternatives a row's clauses state; fewer than two clauses of that shape are none. */
export function alternativesIn(
  clauses: readonly string[],
  year: number | undefined,
): Alternative[] {
  const found = clauses.map(readAlternative).filter((a): a is Alternative => a !== undefined);
  if (found.length < 2) return [];
  const { bands, unsure } = bandsIn(
    found.map((a) => a.label),
    year,
  );
  return found.map((a, i) => ({
    ...a,
    ...(bands[i] ? { band: bands[i] } : {}),
    unsure: [...a.unsure, ...unsure[i]!],
  }));
}
