/**
 * The CLI's way to the outside: its exit codes and progress, and the adapters it runs on (.xlsx
 * files on disk). The only file of the CLI that imports an adapter (docs/architecture.md).
 */
export { XlsxWorkbook } from '../io/xlsx';
export { exists, loadXlsx, readInputFile, saveXlsx, writeFileAtomic } from '../io/node';

/** Exit codes of the `thidua` command. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Progress for long runs goes to stderr, so stdout stays clean for --json and pipes. */
export function progress(message: string): void {
  if (process.env.THIDUA_QUIET !== '1') process.stderr.write(`… ${message}\n`);
}

/** What an input reader understood beyond plain CSV (an encoding, a sheet): one line each. */
export function printNotes(notes: readonly string[]): void {
  for (const note of notes) process.stdout.write(`Đã hiểu: ${note}\n`);
}
