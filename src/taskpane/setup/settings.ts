import {
  type BlocSettings,
  isQuotaPresetId,
  type RankingMode,
  type TieBreaker,
  type Template,
  formatDecimal,
  parseDecimal,
  awardProblems,
  classNames,
  type SettingsField,
  thresholdProblems,
  tieBreakerProblems,
  voteShareProblems,
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
 * the classes each award needs, quota overrides) is kept from `base`. The form parses its
 * numbers; the rules every door shares are core's (settings-rules).
 */
export function readDraft(
  draft: SettingsDraft,
  base: BlocSettings,
  template: Template,
): { settings?: BlocSettings; errors: Record<string, string>; problems: InputProblem[] } {
  const errors: Record<string, string> = {};
  const problems: InputProblem[] = [];
  const fail = ({ key, where }: FormPlace, message: string) => {
    errors[key] ??= message;
    problems.push({ source: SETTINGS_SOURCE, location: where, message });
  };
  const number = (text: string, place: FormPlace): number | undefined => {
    const p = parseDecimal(text);
    return p.ok ? p.value : void fail(place, p.message);
  };
  const place = (field: SettingsField) => formPlace(field, draft, base);

  const mins = draft.thresholds.map((t, i) =>
    number(t.min, place({ kind: 'threshold-min', index: i })),
  );
  const counts = draft.counts.map((c, i) => number(c, place({ kind: 'award-count', index: i })));
  const percent =
    draft.voteShare.trim() === ''
      ? undefined
      : number(draft.voteShare, place({ kind: 'vote-share' }));
  const quotaPreset = isQuotaPresetId(draft.quotaPreset) ? draft.quotaPreset : undefined;
  if (!quotaPreset)
    fail(
      { key: fieldKey.quotaPreset, where: 'ô Bộ quy tắc tỷ lệ' },
      `không có bộ quy tắc "${draft.quotaPreset}".`,
    );

  const thresholds = draft.thresholds.map((t, i) => ({ label: t.label, min: mins[i] }));
  const levels = base.proposals.levels.map((l, i) => ({ ...l, count: counts[i] }));
  const share = percent === undefined ? undefined : Math.round(percent * 100) / 10_000;
  const rules = [
    ...thresholdProblems(thresholds),
    ...tieBreakerProblems(draft.tieBreakers, template),
    ...awardProblems(levels, classNames(base.classification)),
    ...voteShareProblems(share),
  ];
  for (const p of rules) fail(place(p.field), p.message);
  if (problems.length || !quotaPreset) return { errors, problems };

  const settings: BlocSettings = {
    ...base,
    classification: {
      ...base.classification,
      thresholds: thresholds.map((t) => ({ label: t.label, min: t.min! })),
    },
    ranking: { mode: draft.mode, tieBreakers: draft.tieBreakers.map((t) => ({ ...t })) },
    proposals: {
      levels: levels.map((l) => ({ ...l, count: l.count! })),
      ...(share !== undefined ? { requiredVoteShare: share } : {}),
    },
    quotaPreset,
  };
  return { errors, problems, settings };
}

/** A setting's place on the form: the field that shows its error, and its name in messages. */
interface FormPlace {
  key: string;
  where: string;
}

function formPlace(field: SettingsField, draft: SettingsDraft, base: BlocSettings): FormPlace {
  switch (field.kind) {
    case 'thresholds':
      return { key: fieldKey.threshold(0), where: 'các ô Ngưỡng' };
    case 'threshold-min':
    case 'threshold-label':
      return {
        key: fieldKey.threshold(field.index),
        where: `ô Ngưỡng ${draft.thresholds[field.index]?.label ?? field.index + 1}`,
      };
    case 'tie-breaker':
    case 'tie-breaker-subtree':
      return { key: fieldKey.tieBreakers, where: `tiêu chí phụ thứ ${field.index + 1}` };
    case 'award-count':
    case 'award-class': {
      const label = base.proposals.levels[field.index]?.label ?? `mức ${field.index + 1}`;
      return { key: fieldKey.count(field.index), where: `ô Số suất ${label}` };
    }
    case 'vote-share':
      return { key: fieldKey.voteShare, where: 'ô Tỷ lệ biểu quyết' };
  }
}
