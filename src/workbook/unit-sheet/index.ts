/**
 * The unit sheet (docs/workbook-format.md, "Trang đơn vị"), one module by concern: its layout
 * (fixed rows, named columns, the rows of a template), the live formulas, building a unit's sheet,
 * reading it back, and planning cell updates into it. The rest of the workbook layer and the app
 * import the unit sheet through this file; doors reach what they need through src/workbook/index.ts.
 */
export {
  SLOT,
  UNIT,
  unitLayout,
  unitSheetCells,
  unitSheetName,
  type UnitInputKind,
  type UnitLayout,
  type UnitRow,
  type UnitSheetCells,
} from './layout';
export { unitFormulas, type RowFormulas, type SlotFormula, type UnitFormulas } from './formulas';
export { buildUnitSheet, workbookSheet, type UnitSheetInput } from './build';
export {
  interpretInput,
  readUnitSheet,
  type Interpreted,
  type ReadUnitSheetInput,
  type ReadUnitSheetResult,
} from './read';
export { planScoreUpdates, planStatusUpdates, type ScoreInput } from './edits';
