import type { Session, WorkbookState } from '../../app';

/** A message in the pane's MessageBar: Vietnamese, naming the sheet, cell and rule where it can. */
export interface Notice {
  intent: 'success' | 'error' | 'warning' | 'info';
  title: string;
  lines?: string[];
}

/** What every tab of the task pane receives from the shell (App). Tabs never touch Office.js. */
export interface TabProps {
  session: Session;
  /** The workbook as last read. */
  state: WorkbookState;
  /** Reads the workbook again (after a write, or when the user asks). */
  reload(): Promise<void>;
  /** Shows a message in the pane's MessageBar. */
  notify(notice: Notice): void;
  /**
   * Runs an action with a progress indicator; an error is reported in Vietnamese (sheet, cell,
   * rule) and the result is undefined.
   */
  busy<T>(label: string, action: () => Promise<T>): Promise<T | undefined>;
}
