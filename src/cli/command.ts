import type { ParseArgsConfig } from 'node:util';

/** One `thidua` command: its help, its options, and what it does. */
export interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(
    values: Record<string, string | boolean | string[] | undefined>,
    positionals: string[],
  ): Promise<void>;
}
