import { evaluateState, quotaRules, readWorkbook } from '../../app';
import { loadXlsx, progress, UsageError } from '../io';
import { quotaTable, sourcesText } from '../report';
import type { Command } from '../command';

export const quotaCommand: Command = {
  summary: 'kiểm tra tỷ lệ khen thưởng (CSTĐCS, TTLĐXS, chỉ tiêu, Cờ Chính phủ…)',
  usage:
    'thidua quota <khoi.xlsx> [--json] [--all]\nChỉ đọc sổ tính; --all in cả các kiểm tra đạt của từng đơn vị.',
  options: { json: { type: 'boolean' }, all: { type: 'boolean' } },
  async run(values, positionals) {
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError('Cần đúng một tệp sổ tính .xlsx.');
    progress(`Đang đọc ${file}`);
    const state = await readWorkbook(await loadXlsx(file));
    const { checks } = evaluateState(state);
    if (values.json) {
      process.stdout.write(
        JSON.stringify({ rules: quotaRules(state.bloc).id, checks }, null, 2) + '\n',
      );
      return;
    }
    process.stdout.write(
      [
        `Bộ quy tắc: ${quotaRules(state.bloc).name}`,
        quotaTable(checks, { all: values.all === true }),
        '',
        'Nguồn:',
        sourcesText(checks),
      ].join('\n') + '\n',
    );
  },
};
