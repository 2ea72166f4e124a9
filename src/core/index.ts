export * from './decimal';
export * from './same-data';
export * from './finding';
export * from './template/types';
export {
  compileTemplate,
  validateTemplate,
  TemplateError,
  type CompiledTemplate,
} from './template/compile';
export * from './scoring/types';
export * from './scoring/score';
export * from './ranking/rank';
export * from './ranking/labels';
export * from './ranking/rows';
export * from './ranking/chart';
export * from './award/classify';
export * from './award/proposals';
export * from './text/vietnamese';
export * from './text/dates';
export * from './bloc';
export * from './quota';
export * from './settings-rules';
export * from './text/legacy-vietnamese';
