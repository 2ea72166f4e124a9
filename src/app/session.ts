import type { Bloc, BlocSettings, SheetStatus, Unit } from '../core/bloc';
import type { Collective, Person } from '../core/quota';
import type { ItemEntry } from '../core/scoring/types';
import type { CellUpdate, WorkbookPort } from '../workbook/grid';
import { sheetFinder, SHEETS } from '../workbook/layout';
import {
  planScoreUpdates,
  planStatusUpdates,
  unitSheetCells,
  unitSheetName,
  type ScoreInput,
} from '../workbook/unit-sheet';
import type { ExportFile, ReportOptions } from './exports';
import {
  addUnits,
  createWorkbook,
  evaluateState,
  rankWorkbook,
  readWorkbook,
  saveSettings,
  type RankOutcome,
  type WorkbookState,
} from './workbook-actions';

/** What the host (Excel, or the web app) offers besides the workbook. */
export interface Host {
  kind: 'excel' | 'web';
  /** Brings a sheet to the front: activates it in Excel, shows it in the web app's sheet view. */
  showSheet(name: string): Promise<void>;
  /** Offers a file for the user to save. */
  download(file: ExportFile): void;
  /**
   * What this host leaves out of the workbook it writes, in Vietnamese (an Excel with ExcelApi 1.7
   * or 1.8: no data validation, no page setup). The pane says it once, as information.
   */
  limits?: readonly string[];
}

/** A form's changes to one unit sheet: the values of one column, and the sheet's status. */
export interface UnitEdit {
  unitCode: string;
  /** Per criterion code. For the self column: `self` and `evidence`; for the verified column: `verified` and `reason`. */
  entries: Record<string, ItemEntry>;
  status?: SheetStatus;
  /** ISO date. */
  submittedAt?: string;
}

/** The actions of the task pane. Each is a constant number of round trips to the workbook. */
export interface Session {
  readonly host: Host;
  /** The workbook's bloc, sheets and people; null when it has no thidua configuration yet. */
  load(): Promise<WorkbookState | null>;
  setUp(bloc: Bloc, data?: { people?: Person[]; collectives?: Collective[] }): Promise<void>;
  saveSettings(state: WorkbookState, settings: BlocSettings): Promise<void>;
  /** New member units: listed in the configuration, each with its empty sheet. */
  addUnits(units: readonly Unit[]): Promise<void>;
  saveUnit(state: WorkbookState, edit: UnitEdit): Promise<void>;
  rank(): Promise<RankOutcome>;
  exportFiles(
    state: WorkbookState,
    kinds: readonly ExportKind[],
    options: ReportOptions,
  ): Promise<ExportFile[]>;
}

export type ExportKind = 'csv' | 'xlsx' | 'docx' | 'minutes';

/** The cells a form edit writes: the column's values and notes, then status and date. */
export function planUnitEdit(state: WorkbookState, edit: UnitEdit): CellUpdate[] {
  const sheet = unitSheetName(edit.unitCode);
  const cells = unitSheetCells(state.compiled);
  const inputs: ScoreInput[] = Object.entries(edit.entries).map(([code, e]) => ({
    // Problems name the sheet row; a code outside the template has none.
    line: state.compiled.indexOf.has(code) ? cells.row(code) : 0,
    unitCode: edit.unitCode,
    code,
    ...e,
  }));
  const updates = planScoreUpdates(state.compiled, inputs, sheet);
  if (edit.status) updates.push(...planStatusUpdates(state.compiled, [edit.unitCode], edit.status));
  if (edit.submittedAt)
    updates.push({ sheet, address: cells.submittedAt, value: edit.submittedAt });
  return updates;
}

export function createSession(port: WorkbookPort, host: Host): Session {
  return {
    host,
    async load() {
      const { sheetNames } = await port.read([]);
      if (!sheetFinder(sheetNames)(SHEETS.config)) return null;
      return readWorkbook(port);
    },
    async setUp(bloc, data = {}) {
      await createWorkbook(port, bloc, data);
    },
    saveSettings: (state, settings) => saveSettings(port, state, settings),
    addUnits: (units) => addUnits(port, units),
    async saveUnit(state, edit) {
      await port.write({ replace: [], update: planUnitEdit(state, edit) });
    },
    rank: () => rankWorkbook(port),
    async exportFiles(state, kinds, options) {
      // Lazy: the export libraries stay out of the task pane's first download.
      const exports = await import('./exports');
      const { result } = evaluateState(state);
      const files: ExportFile[] = [];
      if (kinds.includes('csv')) files.push(exports.rankingCsv(result));
      if (kinds.includes('xlsx')) files.push(await exports.rankingXlsx(state.bloc, result));
      if (kinds.includes('docx')) files.push(await exports.reportDocx(state.bloc, result, options));
      if (kinds.includes('minutes'))
        files.push(await exports.minutesZip(state.bloc, result, options));
      return files;
    },
  };
}
