/**
 * The standard workbook's face: sheet specs and the workbook port, the layout, the readers of the
 * configuration and unit sheets, the CSV formats and pasted criteria, and refused input. Doors
 * import the workbook through this file only (docs/architecture.md).
 */
export * from './grid';
export * from './layout';
export * from './presentation';
export * from './problems';
export * from './csv';
export * from './paste-criteria';
export { readSettingsJson, settingsJson } from './settings-json';
export {
  SLOT,
  UNIT,
  unitLayout,
  unitSheetCells,
  unitSheetName,
  interpretInput,
} from './unit-sheet';
export type { UnitLayout, UnitRow } from './unit-sheet';
