/**
 * The actions every door calls (docs/architecture.md): reading a workbook, setting up a bloc,
 * importing scores, ranking, merging copies, exports, and the task pane's session over a workbook
 * port. Doors import the app through this file only.
 */
export * from './session';
export * from './workbook-actions';
export * from './import-scores';
export * from './inputs';
export * from './merge';
export * from './exports';
export * from './errors';
