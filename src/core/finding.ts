/**
 * Everything the engine has to tell a person (a template mistake, a capped bonus, a failed quota)
 * is a finding: a stable machine-readable kind, the criterion code it is about, and a message in
 * Vietnamese that names the code and the rule.
 */
export type Severity = 'error' | 'warning' | 'info';

/** Kinds of the template checks (`compileTemplate`, `validateTemplate`). */
export type TemplateFindingKind =
  | 'missing-code'
  | 'duplicate-code'
  | 'missing-parent'
  | 'cycle'
  | 'negative-rate'
  | 'negative-base'
  | 'negative-cap'
  | 'band-outside-choice'
  | 'input-not-choice'
  | 'input-not-measure'
  | 'empty-choice'
  | 'base-under-base'
  | 'base-on-rule'
  | 'base-sum'
  | 'declared-total';

/** Kinds of the findings of scoring one unit's sheet (`scoreUnit`). */
export type ScoreFindingKind =
  | 'unknown-code'
  | 'not-a-number'
  | 'negative'
  | 'above-base'
  | 'missing-evidence'
  | 'fractional-count'
  | 'no-band'
  | 'overlapping-bands'
  | 'unknown-alternative'
  | 'several-alternatives'
  | 'cap-applied'
  | 'self-verified-differ';

/** Kinds of the bloc-level findings of `evaluateBloc`. */
export type BlocFindingKind = 'unknown-unit' | 'duplicate-unit' | 'not-verified';

/** Every kind `evaluateBloc` reports; quota findings have kinds of their own (`QuotaFindingKind`). */
export type FindingKind = TemplateFindingKind | ScoreFindingKind | BlocFindingKind;

export interface Finding<K extends string = FindingKind> {
  /** Stable identifier of the kind of finding, e.g. `cap-applied`. */
  kind: K;
  severity: Severity;
  /** Criterion code the finding is about, when there is one. */
  code?: string;
  /** For a bloc-level finding about one unit: the unit's code. */
  unitCode?: string;
  /** Vietnamese text for people (NFC). */
  message: string;
}

/** A finding of the template checks. */
export type TemplateFinding = Finding<TemplateFindingKind>;
