import type { Finding, TemplateFindingKind } from '../../core/finding';
import type { Criterion, Template } from '../../core/template/types';
import type { InputProblem } from '../problems';

/** Where problems of a pasted table say they are. */
export const PASTE_SOURCE = 'Bảng dán';

/** A row as understood: the criterion it becomes, with where it came from and how it was read. */
export interface PastedRow extends Pick<
  Criterion,
  'parent' | 'text' | 'kind' | 'base' | 'rate' | 'caps' | 'band' | 'note'
> {
  /** 1-based line of the pasted text where the row starts (0 for a rule row made from a sentence). */
  line: number;
  /** The STT as written. */
  written: string;
  /** The code in the template (the STT, made unique when the sheet repeats it). */
  code: string;
  /** What was inferred, in Vietnamese, for the user to confirm. */
  reading: string[];
  /** What was guessed where the sheet's words allow two readings, in Vietnamese. */
  unsure?: string[];
  /** True for a rule row made from a sentence or a Thưởng/Trừ cell of another row. */
  derived?: boolean;
}

/**
 * A row made below `parent` from its text or cells (a rule row, a knock-out, an alternative): no
 * line or STT of its own.
 */
export const derivedRow = (
  parent: string,
  row: Omit<PastedRow, 'line' | 'written' | 'parent' | 'derived'>,
): PastedRow => ({ line: 0, written: '', parent, ...row, derived: true });

export interface PasteOptions {
  /** Title when the paste has no title line above the header. */
  title?: string;
  /** Declared total when the paste has no "Tổng cộng" row; default 100. */
  declaredTotal?: number;
}

export interface PasteResult {
  /** Present only when there is no problem. */
  template?: Template;
  /** The rows as understood (also when there are problems, to help find them). */
  understood: PastedRow[];
  /** Refusals: nothing can be created until they are fixed. */
  problems: InputProblem[];
  /** Warnings of `validateTemplate` (base sums, declared total) and unclear sentences. */
  warnings: PasteWarning[];
  /** What was understood of the text itself (its letters in TCVN3 or VNI), said once. */
  notes: string[];
}

/** Kinds of the warnings about the pasted table itself. */
export type PasteFindingKind =
  'paste-two-caps' | 'paste-several-rates' | 'paste-unclear-cap' | 'paste-guess';

/** A warning of a pasted table: the template's checks or the reading of the table. */
export type PasteWarning = Finding<TemplateFindingKind | PasteFindingKind>;
