import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createWorkbook, rankWorkbook } from '../../app';
import { SAMPLE_BLOC, SAMPLE_DATA } from '../../sample';
import { progress, saveXlsx, XlsxWorkbook } from '../io';
import { findingsTable, quotaTable, rankingTable, tiesText } from '../report';
import type { Command } from '../command';
import { writeExports } from './export';

export const demoCommand: Command = {
  summary: 'tạo sổ tính mẫu của một khối Nội chính (9 đơn vị) cùng các báo cáo',
  usage:
    'thidua demo [--out demo-output]\nGhi khoi-noi-chinh-2025.xlsx và các tệp xuất vào thư mục (mặc định ./demo-output).',
  options: { out: { type: 'string', short: 'o' } },
  async run(values) {
    const out = (values.out as string | undefined) ?? 'demo-output';
    const file = path.join(out, 'khoi-noi-chinh-2025.xlsx');
    progress(`Đang tạo sổ tính mẫu ${file}`);
    const wb = XlsxWorkbook.empty();
    await createWorkbook(wb, SAMPLE_BLOC, SAMPLE_DATA);
    const { state, result, checks } = await rankWorkbook(wb);
    await mkdir(out, { recursive: true });
    await saveXlsx(wb, file);
    const exports = await writeExports(out, state.bloc, result, {
      place: 'Tuyên Quang',
      date: '2025-12-25',
    });
    process.stdout.write(
      [
        `${state.bloc.name} — năm ${state.bloc.year}`,
        '',
        'KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG',
        rankingTable(result),
        '',
        'Đơn vị bằng điểm:',
        tiesText(result),
        '',
        'CẢNH BÁO',
        findingsTable(result),
        '',
        'TỶ LỆ KHEN THƯỞNG',
        quotaTable(checks),
        '',
        `Đã ghi vào ${out}/:`,
        `  ${path.basename(file)} (sổ tính khối: trang cấu hình, 9 trang đơn vị, Xếp hạng, Tỷ lệ khen thưởng, Tổng hợp, Cảnh báo, Danh sách cá nhân)`,
        ...exports.map((f) => `  ${f}`),
      ].join('\n') + '\n',
    );
  },
};
