import type { BlocSettings } from './bloc';
import { sameTieBreaker, tieBreakerLabel } from './ranking/labels';
import type { TieBreaker } from './ranking/rank';
import type { Template } from './template/types';
import { formatDecimal, formatPercent } from './text/vietnamese';

/**
 * The rules a bloc's settings keep whatever door they came in by (the task pane's form, a settings
 * JSON file, the Cấu hình sheet): each door parses its own text, then asks here, so the rules
 * cannot drift apart. A problem names the setting it is about; the door says where that is.
 * A part the door could not parse is a hole (undefined): its own problem is already said, and
 * the rules skip it, so one pass tells the user everything else too.
 */

export type SettingsField =
  | { kind: 'thresholds' }
  | { kind: 'threshold-min'; index: number }
  | { kind: 'threshold-label'; index: number }
  | { kind: 'tie-breaker'; index: number }
  | { kind: 'tie-breaker-subtree'; index: number }
  | { kind: 'award-count'; index: number }
  | { kind: 'award-class'; index: number; class: number }
  | { kind: 'vote-share' };

export interface SettingsProblem {
  field: SettingsField;
  message: string;
}

/** A classification threshold as parsed, with holes. */
export interface ThresholdDraft {
  label?: string | undefined;
  min?: number | undefined;
}

/** Thresholds run from the highest class down, each strictly below the one before. */
export function thresholdProblems(
  thresholds: readonly (ThresholdDraft | undefined)[],
): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  if (thresholds.length === 0)
    problems.push({ field: { kind: 'thresholds' }, message: 'cần ít nhất một ngưỡng xếp loại.' });
  thresholds.forEach((t, i) => {
    if (t?.min !== undefined && t.min < 0)
      problems.push({
        field: { kind: 'threshold-min', index: i },
        message: `ngưỡng ${t.label ?? i + 1} không được âm (${formatDecimal(t.min)}).`,
      });
    const prev = thresholds[i - 1];
    if (t?.min !== undefined && prev?.min !== undefined && !(t.min < prev.min))
      problems.push({
        field: { kind: 'threshold-min', index: i },
        message: `ngưỡng ${t.label} (${formatDecimal(t.min)}) phải thấp hơn ngưỡng ${prev.label} (${formatDecimal(prev.min)}) đứng trước nó.`,
      });
    if (t?.label !== undefined && thresholds.findIndex((o) => o?.label === t.label) < i)
      problems.push({
        field: { kind: 'threshold-label', index: i },
        message: `xếp loại "${t.label}" đã có.`,
      });
  });
  return problems;
}

/** Each tie-breaker once; a subtree tie-breaker names a group row of the criteria. */
export function tieBreakerProblems(
  list: readonly (TieBreaker | undefined)[],
  template: Template,
): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  list.forEach((t, i) => {
    if (!t) return;
    if (
      t.kind === 'higher-base' &&
      !template.criteria.some((c) => c.code === t.subtree && c.kind === 'group')
    )
      problems.push({
        field: { kind: 'tie-breaker-subtree', index: i },
        message: `bảng tiêu chí không có phần/mục "${t.subtree}" (mã một dòng nhóm của bảng tiêu chí).`,
      });
    if (list.findIndex((o) => o && sameTieBreaker(o, t)) < i)
      problems.push({
        field: { kind: 'tie-breaker', index: i },
        message: `tiêu chí phụ "${tieBreakerLabel(t)}" đã có trong danh sách.`,
      });
  });
  return problems;
}

/** An award level as parsed, with holes. */
export interface AwardDraft {
  label?: string | undefined;
  count?: number | undefined;
  classes?: readonly (string | undefined)[] | undefined;
}

/** A whole number of places per award, each asking for classes the bloc has (`classes`). */
export function awardProblems(
  levels: readonly (AwardDraft | undefined)[],
  classes: readonly string[],
): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  levels.forEach((l, i) => {
    if (!l) return;
    if (l.count !== undefined && (!Number.isInteger(l.count) || l.count < 0))
      problems.push({
        field: { kind: 'award-count', index: i },
        message: `số suất phải là số nguyên không âm (${formatDecimal(l.count)}).`,
      });
    l.classes?.forEach((c, j) => {
      if (c !== undefined && !classes.includes(c))
        problems.push({
          field: { kind: 'award-class', index: i, class: j },
          message: `không có xếp loại "${c}" (các xếp loại: ${classes.join(', ')}).`,
        });
    });
  });
  return problems;
}

/** The vote share a proposal needs, as a fraction: above 0, at most 1. */
export function voteShareProblems(share: number | undefined): SettingsProblem[] {
  return share === undefined || (share > 0 && share <= 1)
    ? []
    : [
        {
          field: { kind: 'vote-share' },
          message: `tỷ lệ biểu quyết phải lớn hơn 0% và không quá 100% (đang là ${formatPercent(share, 2)}).`,
        },
      ];
}

/** The class names a bloc gives: the thresholds' and the one below them all. */
export const classNames = (c: BlocSettings['classification']): string[] => [
  ...c.thresholds.map((t) => t.label),
  c.fallback,
];
