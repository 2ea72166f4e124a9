import {
  type BlocSettings,
  isQuotaPresetId,
  type RankingMode,
  type TieBreaker,
  type Template,
  formatDecimal,
  parseDecimal,
  sameTieBreaker,
  tieBreakerLabel,
} from '../../core';
import type { InputProblem } from '../../workbook';

/** The settings form as typed: numbers stay text until saved, so a half-typed "9," is kept. */
export interface SettingsDraft {
  thresholds: { label: string; min: string }[];
  mode: RankingMode;
  tieBreakers: TieBreaker[];
  /** Number of units proposed, per award level (flag, certificates…). */
  counts: string[];
  /** Required vote share in percent; '' when the bloc does not vote. */
  voteShare: string;
  quotaPreset: string;
}

export const SETTINGS_SOURCE = 'Cài đặt';

export function draftOf(s: BlocSettings): SettingsDraft {
  const share = s.proposals.requiredVoteShare;
  return {
    thresholds: s.classification.thresholds.map((t) => ({
      label: t.label,
      min: formatDecimal(t.min),
    })),
    mode: s.ranking.mode,
    tieBreakers: s.ranking.tieBreakers.map((t) => ({ ...t })),
    counts: s.proposals.levels.map((l) => String(l.count)),
    voteShare: share === undefined ? '' : formatDecimal(share * 100, { decimals: 2 }),
    quotaPreset: s.quotaPreset,
  };
}

/** Field keys of the form's errors. */
export const fieldKey = {
  threshold: (i: number) => `threshold-${i}`,
  count: (i: number) => `count-${i}`,
  voteShare: 'voteShare',
  tieBreakers: 'tieBreakers',
  quotaPreset: 'quotaPreset',
};

/**
 * Checks the form and builds the settings. Everything not on the form (labels, fallback class,
 * the classes each award needs, quota overrides) is kept from `base`.
 */
export function readDraft(
  draft: SettingsDraft,
  base: BlocSettings,
  template: Template,
): { settings?: BlocSettings; errors: Record<string, string>; problems: InputProblem[] } {
  const errors: Record<string, string> = {};
  const problems: InputProblem[] = [];
  const fail = (key: string, where: string, message: string) => {
    errors[key] ??= message;
    problems.push({ source: SETTINGS_SOURCE, location: where, message });
  };
  const number = (text: string, key: string, where: string): number | undefined => {
    const p = parseDecimal(text);
    if (!p.ok) return void fail(key, where, p.message);
    if (p.value < 0) return void fail(key, where, `không được âm (${text}).`);
    return p.value;
  };

  const mins = draft.thresholds.map((t, i) =>
    number(t.min, fieldKey.threshold(i), `ô Ngưỡng ${t.label}`),
  );
  mins.forEach((m, i) => {
    const prev = mins[i - 1];
    if (i > 0 && m !== undefined && prev !== undefined && !(m < prev))
      fail(
        fieldKey.threshold(i),
        `ô Ngưỡng ${draft.thresholds[i]!.label}`,
        `ngưỡng ${draft.thresholds[i]!.label} (${formatDecimal(m)}) phải thấp hơn ngưỡng ${draft.thresholds[i - 1]!.label} (${formatDecimal(prev)}).`,
      );
  });

  const counts = draft.counts.map((c, i) => {
    const label = base.proposals.levels[i]?.label ?? `mức ${i + 1}`;
    const n = number(c, fieldKey.count(i), `ô Số suất ${label}`);
    if (n !== undefined && !Number.isInteger(n))
      return void fail(
        fieldKey.count(i),
        `ô Số suất ${label}`,
        `số suất phải là số nguyên (${c}).`,
      );
    return n;
  });

  let share: number | undefined;
  if (draft.voteShare.trim() !== '') {
    const p = number(draft.voteShare, fieldKey.voteShare, 'ô Tỷ lệ biểu quyết');
    if (p !== undefined && (p <= 0 || p > 100))
      fail(
        fieldKey.voteShare,
        'ô Tỷ lệ biểu quyết',
        `tỷ lệ phải lớn hơn 0 và không quá 100% (${draft.voteShare}).`,
      );
    else if (p !== undefined) share = Math.round(p * 100) / 10_000;
  }

  draft.tieBreakers.forEach((t, i) => {
    const where = `tiêu chí phụ thứ ${i + 1}`;
    if (draft.tieBreakers.findIndex((o) => sameTieBreaker(o, t)) < i)
      fail(fieldKey.tieBreakers, where, `"${tieBreakerLabel(t)}" đã có trong danh sách.`);
    if (t.kind === 'higher-base' && !template.criteria.some((c) => c.code === t.subtree))
      fail(fieldKey.tieBreakers, where, `bảng tiêu chí không có mục "${t.subtree}".`);
  });

  const quotaPreset = isQuotaPresetId(draft.quotaPreset) ? draft.quotaPreset : undefined;
  if (!quotaPreset)
    fail(fieldKey.quotaPreset, 'ô Bộ quy tắc tỷ lệ', `không có bộ quy tắc "${draft.quotaPreset}".`);

  if (problems.length || !quotaPreset) return { errors, problems };
  return {
    errors,
    problems,
    settings: {
      ...base,
      classification: {
        ...base.classification,
        thresholds: draft.thresholds.map((t, i) => ({ label: t.label, min: mins[i]! })),
      },
      ranking: { mode: draft.mode, tieBreakers: draft.tieBreakers.map((t) => ({ ...t })) },
      proposals: {
        levels: base.proposals.levels.map((l, i) => ({ ...l, count: counts[i]! })),
        ...(share !== undefined ? { requiredVoteShare: share } : {}),
      },
      quotaPreset,
    },
  };
}
