/**
 * The criteria template: the tree of a Bảng chấm điểm thi đua.
 *
 * Kinds (CSV `loai` in brackets):
 * - `group` [nhom]: a part or section; its base is the sum of its children's base.
 * - `base` [chuan]: an item worth `base` points; the unit enters the points it earned.
 *   Its children may only be rule rows (bonus, penalty, choice without base, knock-out, measure).
 * - `bonus` [cong] / `penalty` [tru]: with a `rate`, the entry is a number of cases and the points
 *   are rate × cases; without a rate, the entry is the points themselves.
 * - `choice` [chon]: choose one of its children (the alternatives). A chosen leaf alternative earns
 *   its full value: a base item its base, a bonus/penalty its `rate` once. Alternatives may carry a
 *   `band`; then the alternative is picked from a measured value (the choice's own entry, or the
 *   entry of the `measure` node named by `input`), e.g. attainment bands or date deadlines.
 * - `knockout` [khong_xep_loai]: a yes/no condition; yes means the unit is not classified.
 * - `measure` [so_lieu]: a measured value (a share, a volume, a date) that bands read; no points.
 */
export type CriterionKind =
  'group' | 'base' | 'bonus' | 'penalty' | 'choice' | 'knockout' | 'measure';

/**
 * Caps on a subtree (the node and everything below it), in points.
 * `net` caps the combined adjustment: |bonus − penalty| never exceeds it
 * ("Điểm trừ, cộng tối đa đối với d2 không quá 7 điểm").
 */
export interface Caps {
  bonus?: number;
  penalty?: number;
  net?: number;
}

/** A band on a measured value: `from` inclusive, `to` exclusive. Numbers, or ISO dates (YYYY-MM-DD). */
export interface Band {
  from?: number | string;
  to?: number | string;
}

export interface Criterion {
  code: string;
  /** Code of the parent; absent for a top-level part. */
  parent?: string;
  text: string;
  kind: CriterionKind;
  /** Base points (điểm chuẩn) of a base item. Groups and choices derive theirs. */
  base?: number;
  /** Points per case (mức) of a bonus/penalty; the points of a bonus/penalty alternative. */
  rate?: number;
  caps?: Caps;
  /** For an alternative of a banded choice. */
  band?: Band;
  /** For a banded choice: code of the `measure` node whose value selects the band. */
  input?: string;
  /** Evidence (tài liệu kiểm chứng) must be cited when the item claims points. */
  evidenceRequired?: boolean;
  note?: string;
}

export interface Template {
  title: string;
  /** The total base points the sheet declares (100 on real sheets). */
  declaredTotal: number;
  criteria: Criterion[];
  /** Caps over the whole sheet. */
  caps?: Caps;
}
