import type { BlocResult } from '../../core';
import { rankWorkbook } from '../../app';
import { loadXlsx, progress, saveXlsx, UsageError } from '../io';
import { findingsTable, rankingTable, tiesText } from '../report';
import type { Command } from '../command';

/** The ranking as the documented JSON (README, "thidua rank --json"). */
export function rankingJson(result: BlocResult) {
  return {
    units: result.units.map(({ unit, score, ranked, classification }) => ({
      code: unit.code,
      name: unit.name,
      self: score.self.total,
      verified: score.hasVerified ? score.verified.total : null,
      base: score.verified.earnedBase,
      bonus: score.verified.bonus,
      penalty: score.verified.penalty,
      total: score.verified.total,
      rank: ranked.rank,
      classification,
      ranked: ranked.rank !== null,
      warnings: score.findings.map((f) => ({ code: f.code ?? null, message: f.message })),
    })),
  };
}

export const rankCommand: Command = {
  summary: 'đọc sổ tính, chấm điểm, xếp hạng và ghi lại các trang tổng hợp',
  usage:
    'thidua rank <khoi.xlsx> [--json]\nGhi lại các trang Xếp hạng, Tỷ lệ khen thưởng, Tổng hợp, Cảnh báo; không sửa trang đơn vị.',
  options: { json: { type: 'boolean' } },
  async run(values, positionals) {
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError('Cần đúng một tệp sổ tính .xlsx.');
    progress(`Đang đọc ${file}`);
    const wb = await loadXlsx(file);
    const { result } = await rankWorkbook(wb);
    progress('Đang ghi các trang tổng hợp');
    await saveXlsx(wb, file);
    if (values.json) process.stdout.write(JSON.stringify(rankingJson(result), null, 2) + '\n');
    else
      process.stdout.write(
        [
          rankingTable(result),
          '',
          'Đơn vị bằng điểm:',
          tiesText(result),
          '',
          'Cảnh báo:',
          findingsTable(result),
        ].join('\n') + '\n',
      );
  },
};
