/**
 * Everything the engine has to tell a person (a template mistake, a capped bonus, a failed quota)
 * is a finding: a stable machine-readable kind, the criterion code it is about, and a message in
 * Vietnamese that names the code and the rule.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Stable identifier of the kind of finding, e.g. `cap-applied`. */
  kind: string;
  severity: Severity;
  /** Criterion code the finding is about, when there is one. */
  code?: string;
  /** For a bloc-level finding about one unit: the unit's code. */
  unitCode?: string;
  /** Vietnamese text for people (NFC). */
  message: string;
}
