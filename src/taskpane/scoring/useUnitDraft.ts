import * as React from 'react';
import type { WorkbookState } from '../../app';
import type { ItemEntry } from '../../core';
import { unitLayout } from '../../workbook';
import {
  changedEntries,
  initialDraft,
  parseDraft,
  type Column,
  type Draft,
  type DraftItem,
  type Parsed,
} from './model';

const NO_ENTRIES: Readonly<Record<string, ItemEntry>> = Object.freeze({});

type Overrides = Readonly<Record<string, Partial<DraftItem>>>;

export interface UnitDraft {
  /** The unit's entries as the workbook holds them now. */
  stored: Readonly<Record<string, ItemEntry>>;
  /** The form: stored values with the user's edits on top. */
  draft: Draft;
  parsed: Readonly<Record<string, Parsed>>;
  /** The cells the form changed (this column only). */
  changes: Record<string, ItemEntry>;
  setText(code: string, text: string): void;
  setNote(code: string, note: string): void;
  setMany(items: Readonly<Record<string, Partial<DraftItem>>>): void;
  /** Drops the unit's edits (after a save, the reloaded sheet holds them). */
  discard(): void;
}

/**
 * A form's edits per unit. Only the fields the user touched are kept, on top of the sheet as last
 * read: switching units keeps each unit's edits, and a reload (after another tab wrote) refreshes
 * every field the user did not touch.
 */
export function useUnitDraft(state: WorkbookState, unitCode: string, column: Column): UnitDraft {
  const layout = unitLayout(state.compiled);
  const stored = React.useMemo(
    () => state.sheets.find((s) => s.unitCode === unitCode)?.entries ?? NO_ENTRIES,
    [state.sheets, unitCode],
  );
  const initial = React.useMemo(
    () => initialDraft(layout, stored, column),
    [layout, stored, column],
  );
  const [edits, setEdits] = React.useState<Readonly<Record<string, Overrides>>>({});
  const mine = edits[unitCode];
  const draft = React.useMemo(() => {
    if (!mine) return initial;
    const out: Record<string, DraftItem> = { ...initial };
    for (const [code, o] of Object.entries(mine)) {
      const base = out[code];
      if (base) out[code] = { ...base, ...o };
    }
    return out;
  }, [initial, mine]);
  const parsed = React.useMemo(() => parseDraft(layout, draft), [layout, draft]);
  const changes = React.useMemo(
    () => changedEntries(layout, stored, draft, parsed, column),
    [layout, stored, draft, parsed, column],
  );

  const setMany = React.useCallback(
    (items: Readonly<Record<string, Partial<DraftItem>>>) =>
      setEdits((all) => {
        const unit: Record<string, Partial<DraftItem>> = { ...all[unitCode] };
        for (const [code, o] of Object.entries(items)) unit[code] = { ...unit[code], ...o };
        return { ...all, [unitCode]: unit };
      }),
    [unitCode],
  );
  const setText = React.useCallback(
    (code: string, text: string) => setMany({ [code]: { text } }),
    [setMany],
  );
  const setNote = React.useCallback(
    (code: string, note: string) => setMany({ [code]: { note } }),
    [setMany],
  );
  const discard = React.useCallback(
    () =>
      setEdits((all) => {
        const rest = { ...all };
        delete rest[unitCode];
        return rest;
      }),
    [unitCode],
  );
  return { stored, draft, parsed, changes, setText, setNote, setMany, discard };
}
