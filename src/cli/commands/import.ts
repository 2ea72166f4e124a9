import { importScores } from '../../app';
import { parseStatus, STATUS_LABELS } from '../../core';
import { loadXlsx, printNotes, progress, readInputFile, saveXlsx, UsageError } from '../io';
import type { Command } from '../command';

export const importCommand: Command = {
  summary: 'ghi điểm từ tệp CSV vào các trang đơn vị (kiểm tra hết trước khi ghi)',
  usage:
    'thidua import <khoi.xlsx> --scores diem.csv [--status "Đã thẩm định"] [--sheet TÊN]\n--scores: CSV (UTF-8, Windows-1258 hay UTF-16; chữ phông .VnTime hay VNI-Times được chuyển sang Unicode) hoặc .xlsx (trang đầu tiên, hoặc trang --sheet). Cột: don_vi, ma, tu_cham, khoi_cham, minh_chung[, ly_do]. Một dòng lỗi → không ghi gì, liệt kê mọi dòng lỗi.\n--status: ghi trạng thái (Chưa nộp, Đã nộp, Đã thẩm định) cho các đơn vị có trong tệp; không có thì giữ nguyên.',
  options: { scores: { type: 'string' }, status: { type: 'string' }, sheet: { type: 'string' } },
  async run(values, positionals) {
    const file = positionals[0];
    if (!file || positionals.length > 1 || !values.scores)
      throw new UsageError('Cần một tệp sổ tính .xlsx và --scores <tệp CSV>.');
    const statusText = values.status as string | undefined;
    const status = statusText === undefined ? undefined : parseStatus(statusText);
    if (statusText !== undefined && !status)
      throw new UsageError(
        `Trạng thái "${statusText}" không hợp lệ: dùng ${Object.values(STATUS_LABELS).join(', ')}.`,
      );
    progress(`Đang đọc ${file}`);
    const wb = await loadXlsx(file);
    const scores = await readInputFile(values.scores as string);
    const written = await importScores(wb, scores, {
      ...(status ? { status } : {}),
      sheet: values.sheet as string | undefined,
    });
    printNotes(written.notes);
    progress(`Đang ghi ${written.cells} ô`);
    await saveXlsx(wb, file);
    process.stdout.write(
      `Đã ghi ${written.rows} dòng điểm từ ${scores.name} vào ${file}${status ? `; trạng thái ${STATUS_LABELS[status]}` : ''}.\n`,
    );
  },
};
