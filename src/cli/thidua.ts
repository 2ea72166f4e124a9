#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { InputError } from '../workbook';
import { demoCommand } from './commands/demo';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { initCommand } from './commands/init';
import { mergeCommand } from './commands/merge';
import { quotaCommand } from './commands/quota';
import { rankCommand } from './commands/rank';
import { settingsCommand } from './commands/settings';
import type { Command } from './command';
import { EXIT, UsageError } from './io';

const COMMANDS: Record<string, Command> = {
  init: initCommand,
  import: importCommand,
  rank: rankCommand,
  quota: quotaCommand,
  settings: settingsCommand,
  export: exportCommand,
  merge: mergeCommand,
  demo: demoCommand,
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return [
    'thidua — chấm điểm, xếp hạng thi đua của khối/cụm thi đua trên sổ tính .xlsx',
    '',
    'Cách dùng: thidua <lệnh> [tham số]   (thidua <lệnh> --help để xem chi tiết)',
    '',
    'Lệnh:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Mã thoát: 0 thành công, 1 dữ liệu không hợp lệ (không ghi gì), 2 sai cách dùng.',
  ].join('\n');
}

function commandHelp(name: string, c: Command): string {
  const opts = Object.entries(c.options).map(
    ([k, o]) =>
      `  --${k}${o.type === 'string' ? ' <giá trị>' : ''}${o.short ? `, -${o.short}` : ''}`,
  );
  return [`thidua ${name} — ${c.summary}`, '', c.usage, '', 'Tham số:', ...opts, '  --help'].join(
    '\n',
  );
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help() + '\n');
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`Lệnh không có: "${name}".\n\n${help()}\n`);
    return EXIT.usage;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      process.stdout.write(commandHelp(name, command) + '\n');
      return EXIT.ok;
    }
    await command.run(values, positionals);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(e.message + '\n');
      return EXIT.invalid;
    }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(e as Error).message}\n\n${commandHelp(name, command)}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`Lỗi không mong đợi: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
