import type { RankingMode, TieBreaker } from './rank';

/** How each ranking mode treats ties, as the task pane and `thidua settings` say it. */
export const MODE_LABELS: Readonly<Record<RankingMode, string>> = {
  competition: 'Đồng hạng rồi bỏ hạng (1, 2, 2, 4 — như hàm RANK.EQ)',
  dense: 'Đồng hạng liền nhau (1, 2, 2, 3)',
};

export const TIE_BREAKER_KINDS: readonly TieBreaker['kind'][] = [
  'fewer-penalty',
  'higher-base',
  'earlier-submission',
  'vote',
];

export function tieBreakerLabel(
  t: TieBreaker | { kind: TieBreaker['kind']; subtree?: string },
): string {
  switch (t.kind) {
    case 'fewer-penalty':
      return 'Ít điểm trừ hơn';
    case 'higher-base':
      return t.subtree
        ? `Điểm chuẩn đạt ở mục ${t.subtree} cao hơn`
        : 'Điểm chuẩn đạt ở một mục cao hơn';
    case 'earlier-submission':
      return 'Nộp bảng chấm điểm sớm hơn';
    case 'vote':
      return 'Tỷ lệ biểu quyết cao hơn';
  }
}

/** Two tie-breakers that compare the same thing (a bloc lists each once). */
export const sameTieBreaker = (a: TieBreaker, b: TieBreaker): boolean =>
  a.kind === b.kind && (a.kind !== 'higher-base' || a.subtree === (b as typeof a).subtree);
