/** A value entered for one item: points or cases (number), an alternative code or ISO date (string), yes/no. */
export type EntryValue = number | string | boolean;

/** What a unit (self) and the bloc (verified) entered for one criterion. */
export interface ItemEntry {
  self?: EntryValue;
  verified?: EntryValue;
  /** Evidence cited (document number and date). */
  evidence?: string;
  /** Explanation of a verified value that differs from the self score. */
  reason?: string;
}

/** One unit's filled sheet. Entries are keyed by criterion code. */
export interface UnitSheet {
  unitCode: string;
  entries: Readonly<Record<string, ItemEntry>>;
}
