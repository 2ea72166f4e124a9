import path from 'node:path';
import { mergeCopies, provinceSheet, summariseBloc, type BlocSummary } from '../../app';
import { formatDecimal } from '../../core';
import { InputError } from '../../workbook';
import { exists, loadXlsx, progress, saveXlsx, UsageError, XlsxWorkbook } from '../io';
import { renderTable } from '../table';
import type { Command } from '../command';

export const mergeCommand: Command = {
  summary:
    'gộp trang đơn vị từ các bản sao vào sổ tính khối, hoặc tổng hợp nhiều khối thành bảng của tỉnh',
  usage: [
    'thidua merge --into khoi.xlsx ban-sao-1.xlsx ban-sao-2.xlsx …',
    '    gộp trang của đơn vị đã tự điền trong bản sao vào khoi.xlsx; xung đột → không gộp gì, liệt kê xung đột',
    'thidua merge --province tinh.xlsx khoi-1.xlsx khoi-2.xlsx …',
    '    tạo bảng tổng hợp các khối và kiểm tra tỷ lệ Cờ thi đua của Chính phủ (≤ 20% đơn vị dẫn đầu khối)',
  ].join('\n'),
  options: { into: { type: 'string' }, province: { type: 'string' } },
  async run(values, positionals) {
    if (positionals.length === 0) throw new UsageError('Cần ít nhất một tệp để gộp.');
    if (Boolean(values.into) === Boolean(values.province))
      throw new UsageError('Chọn một trong --into hoặc --province.');
    if (values.into) {
      const target = values.into as string;
      progress(`Đang đọc ${target} và ${positionals.length} bản sao`);
      const wb = await loadXlsx(target);
      const copies = [];
      for (const f of positionals) copies.push({ file: path.basename(f), port: await loadXlsx(f) });
      const merged = await mergeCopies({ file: path.basename(target), port: wb }, copies);
      if (merged.length === 0) {
        // Nothing to merge: the file is not rewritten (a save would still change its bytes).
        process.stdout.write('Không có trang nào cần gộp.\n');
        return;
      }
      await saveXlsx(wb, target);
      process.stdout.write(`Đã gộp vào ${target}:\n${merged.map((m) => `  ${m}`).join('\n')}\n`);
      return;
    }
    const out = values.province as string;
    if (await exists(out))
      throw new InputError([
        { source: path.basename(out), location: 'tệp', message: 'tệp đã có; không ghi đè.' },
      ]);
    const blocs: BlocSummary[] = [];
    for (const f of positionals) {
      progress(`Đang đọc ${f}`);
      blocs.push(await summariseBloc({ file: path.basename(f), port: await loadXlsx(f) }));
    }
    const { sheet, check } = provinceSheet(blocs);
    const wb = XlsxWorkbook.empty();
    await wb.write({ replace: [sheet], update: [] });
    await saveXlsx(wb, out);
    process.stdout.write(
      renderTable(
        [{ header: 'Khối' }, { header: 'Dẫn đầu' }, { header: 'Điểm', align: 'right' }],
        blocs.map((b) => {
          const lead = b.result.units.filter((u) => u.ranked.rank === 1);
          return [
            b.bloc.name,
            lead.map((u) => u.unit.name).join(', '),
            lead[0] ? formatDecimal(lead[0].score.verified.total) : '',
          ];
        }),
      ) +
        `\n${check.title}: ${check.pass ? 'Đạt' : 'Không đạt'} — ${check.limitText}\nĐã ghi ${out}.\n`,
    );
  },
};
