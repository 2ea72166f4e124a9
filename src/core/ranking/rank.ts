import { toUnits } from '../decimal';
import { formatDateVi } from '../text/dates';
import { compareVietnamese, formatDecimal } from '../text/vietnamese';

export type RankingMode = 'competition' | 'dense';

/** Tie-breakers a bloc can choose, applied in its order. */
export type TieBreaker =
  | { kind: 'fewer-penalty' }
  | { kind: 'higher-base'; subtree: string }
  | { kind: 'earlier-submission' }
  | { kind: 'vote' };

export interface RankingSettings {
  mode: RankingMode;
  tieBreakers: TieBreaker[];
}

export const DEFAULT_RANKING: RankingSettings = { mode: 'competition', tieBreakers: [] };

export interface RankEntry {
  unitCode: string;
  name: string;
  total: number;
  penalty: number;
  knockedOut: boolean;
  /** Earned base per subtree code, for the `higher-base` tie-breaker. */
  subtreeBase?: Readonly<Record<string, number>>;
  /** ISO date the sheet was submitted. */
  submittedAt?: string;
  /** Share of approving votes (0..1), when the bloc voted. */
  vote?: number;
}

export interface RankedUnit extends RankEntry {
  /** Rank among classified units; null for knocked-out units (không xếp loại). */
  rank: number | null;
  /** 1-based place in the listing (ranked units first). */
  position: number;
  /** How a tie involving this unit was resolved, or that it stands. */
  tieNote?: string;
}

export interface TieReport {
  total: number;
  units: string[];
  /** True when some units still share a rank after every tie-breaker. */
  stands: boolean;
  message: string;
}

export interface Ranking {
  units: RankedUnit[];
  ties: TieReport[];
}

interface Breaker {
  label: string;
  /** A number where larger ranks higher; undefined when the unit lacks the data. */
  key(e: RankEntry): number | undefined;
  show(e: RankEntry): string;
}

function breaker(tb: TieBreaker): Breaker {
  switch (tb.kind) {
    case 'fewer-penalty':
      return {
        label: 'ít điểm trừ hơn',
        key: (e) => -toUnits(e.penalty),
        show: (e) => formatDecimal(e.penalty),
      };
    case 'higher-base':
      return {
        label: `điểm chuẩn đạt ở mục ${tb.subtree} cao hơn`,
        key: (e) =>
          e.subtreeBase?.[tb.subtree] === undefined
            ? undefined
            : toUnits(e.subtreeBase[tb.subtree]!),
        show: (e) =>
          e.subtreeBase?.[tb.subtree] === undefined
            ? 'không có'
            : formatDecimal(e.subtreeBase[tb.subtree]!),
      };
    case 'earlier-submission':
      return {
        label: 'nộp sớm hơn',
        key: (e) => (e.submittedAt ? -Date.parse(e.submittedAt) : undefined),
        show: (e) => (e.submittedAt ? formatDateVi(e.submittedAt) : 'không rõ ngày nộp'),
      };
    case 'vote':
      return {
        label: 'tỷ lệ biểu quyết cao hơn',
        key: (e) => (e.vote === undefined ? undefined : Math.round(e.vote * 1e6)),
        show: (e) =>
          e.vote === undefined
            ? 'chưa biểu quyết'
            : `${formatDecimal(e.vote * 100, { decimals: 1 })}%`,
      };
  }
}

const byName = (a: RankEntry, b: RankEntry) =>
  compareVietnamese(a.name, b.name) ||
  (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0);

/**
 * Splits a group of equal totals into ordered classes using the tie-breakers in turn.
 * A tie-breaker that some unit of the group has no data for is skipped for that group, and the
 * note says so: a tie is never broken by name or row order.
 */
function splitTie(group: RankEntry[], breakers: Breaker[], notes: string[]): RankEntry[][] {
  const [first, ...rest] = breakers;
  if (group.length < 2 || !first) return [group];
  if (group.some((e) => first.key(e) === undefined)) {
    notes.push(
      `không dùng được tiêu chí "${first.label}" vì thiếu dữ liệu (${group.map((e) => `${e.name}: ${first.show(e)}`).join('; ')})`,
    );
    return splitTie(group, rest, notes);
  }
  const keys = [...new Set(group.map((e) => first.key(e)!))].sort((a, b) => b - a);
  if (keys.length > 1)
    notes.push(
      `phân định theo tiêu chí "${first.label}": ${group.map((e) => `${e.name} ${first.show(e)}`).join(', ')}`,
    );
  return keys.flatMap((k) =>
    splitTie(
      group.filter((e) => first.key(e) === k),
      rest,
      notes,
    ),
  );
}

/** Ranks a bloc: competition (1, 2, 2, 4) or dense (1, 2, 2, 3); knocked-out units listed last, unranked. */
export function rankUnits(
  entries: readonly RankEntry[],
  settings: RankingSettings = DEFAULT_RANKING,
): Ranking {
  const breakers = settings.tieBreakers.map(breaker);
  const ranked = entries.filter((e) => !e.knockedOut);
  const groups = new Map<number, RankEntry[]>();
  for (const e of ranked) {
    const k = toUnits(e.total);
    const group = groups.get(k);
    if (group) group.push(e);
    else groups.set(k, [e]);
  }
  const units: RankedUnit[] = [];
  const ties: TieReport[] = [];
  let classes = 0;
  for (const k of [...groups.keys()].sort((a, b) => b - a)) {
    const group = [...groups.get(k)!].sort(byName);
    const notes: string[] = [];
    const split = splitTie(group, breakers, notes);
    const total = group[0]!.total;
    let tieNote: string | undefined;
    if (group.length > 1) {
      const stands = split.some((c) => c.length > 1);
      const names = group.map((e) => e.name).join(', ');
      const how = notes.length ? notes.join('; ') : 'khối chưa chọn tiêu chí phụ';
      const message = stands
        ? `${names} bằng điểm (${formatDecimal(total)}); ${how}; vẫn đồng hạng.`
        : `${names} bằng điểm (${formatDecimal(total)}); ${how}.`;
      ties.push({ total, units: group.map((e) => e.unitCode), stands, message });
      tieNote = message;
    }
    for (const cls of split) {
      const rank = settings.mode === 'dense' ? classes + 1 : units.length + 1;
      classes++;
      for (const e of cls)
        units.push({ ...e, rank, position: units.length + 1, ...(tieNote ? { tieNote } : {}) });
    }
  }
  for (const e of entries.filter((x) => x.knockedOut).sort(byName))
    units.push({ ...e, rank: null, position: units.length + 1 });
  return { units, ties };
}
