/** Files on disk, for the CLI and the tests: workbooks saved atomically, inputs read as bytes. */
export { loadXlsx, saveXlsx } from './xlsx-file';
export { exists, readInputFile, writeFileAtomic } from './files';
