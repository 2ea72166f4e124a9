import path from 'node:path';
import {
  minutesDocx,
  rankingCsv,
  rankingXlsx,
  reportDocx,
  evaluateState,
  readWorkbook,
} from '../../app';
import { isIsoShaped } from '../../core';
import { loadXlsx, progress, UsageError, writeFileAtomic } from '../io';
import type { Command } from '../command';

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export const exportCommand: Command = {
  summary: 'xuất kết quả: CSV, XLSX, báo cáo DOCX và biên bản thẩm định từng đơn vị',
  usage:
    'thidua export <khoi.xlsx> --out <thư mục> [--place "Tuyên Quang"] [--date 2025-12-25] [--signer "Họ tên"]\nChỉ đọc sổ tính; ghi các tệp vào thư mục.',
  options: {
    out: { type: 'string', short: 'o' },
    place: { type: 'string' },
    date: { type: 'string' },
    signer: { type: 'string' },
  },
  async run(values, positionals) {
    const file = positionals[0];
    const out = values.out as string | undefined;
    if (!file || positionals.length > 1 || !out)
      throw new UsageError('Cần một tệp sổ tính .xlsx và --out <thư mục>.');
    const date = (values.date as string | undefined) ?? today();
    if (!isIsoShaped(date)) throw new UsageError(`Ngày phải có dạng YYYY-MM-DD: ${date}.`);
    progress(`Đang đọc ${file}`);
    const state = await readWorkbook(await loadXlsx(file));
    const { result } = evaluateState(state);
    const written = await writeExports(out, state.bloc, result, {
      place: (values.place as string | undefined) ?? 'Tuyên Quang',
      date,
      ...(values.signer ? { signerName: values.signer as string } : {}),
    });
    process.stdout.write(
      `Đã ghi ${written.length} tệp vào ${out}:\n${written.map((f) => `  ${f}`).join('\n')}\n`,
    );
  },
};

/** Writes every export of a bloc into a folder; returns the file names. */
export async function writeExports(
  out: string,
  bloc: Parameters<typeof rankingXlsx>[0],
  result: Parameters<typeof rankingXlsx>[1],
  options: Parameters<typeof reportDocx>[2],
): Promise<string[]> {
  progress('Đang tạo CSV, XLSX và DOCX');
  const files = [
    rankingCsv(result),
    await rankingXlsx(bloc, result),
    await reportDocx(bloc, result, options),
    ...(await minutesDocx(bloc, result, options)),
  ];
  for (const f of files) await writeFileAtomic(path.join(out, f.name), f.data);
  return files.map((f) => f.name);
}
