import path from 'node:path';
import { planScoreUpdates } from '../../app/import-scores';
import { parseStatus, STATUS_LABELS } from '../../core/bloc';
import { readBlocConfig } from '../../app/workbook-actions';
import { loadXlsx, saveXlsx } from '../../io/xlsx/xlsx-file';
import { readScoresCsv } from '../../workbook/csv';
import { unitSheetName } from '../../workbook/layout';
import { unitSheetCells } from '../../workbook/unit-sheet';
import { InputError } from '../../workbook/problems';
import { progress, readText, UsageError } from '../io';
import type { Command } from '../thidua';

export const importCommand: Command = {
  summary: 'ghi điểm từ tệp CSV vào các trang đơn vị (kiểm tra hết trước khi ghi)',
  usage:
    'thidua import <khoi.xlsx> --scores diem.csv [--status "Đã thẩm định"]\nCột: don_vi, ma, tu_cham, khoi_cham, minh_chung[, ly_do]. Một dòng lỗi → không ghi gì, liệt kê mọi dòng lỗi.\n--status: ghi trạng thái (Chưa nộp, Đã nộp, Đã thẩm định) cho các đơn vị có trong tệp; không có thì giữ nguyên.',
  options: { scores: { type: 'string' }, status: { type: 'string' } },
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
    const { bloc, compiled } = await readBlocConfig(wb);
    const csv = await readText(values.scores as string);
    const read = readScoresCsv(csv.text, csv.name, { units: bloc.units, compiled });
    if (!read.rows) throw new InputError(read.problems);
    const updates = planScoreUpdates(compiled, read.rows, csv.name);
    if (status) {
      // Scores verified elsewhere come with their status, else the ranking stays provisional.
      const cell = unitSheetCells(compiled).status;
      for (const code of new Set(read.rows.map((r) => r.unitCode)))
        updates.push({ sheet: unitSheetName(code), address: cell, value: STATUS_LABELS[status] });
    }
    const names = new Set(await wb.sheetNames());
    const missing = [...new Set(updates.map((u) => u.sheet))].filter((s) => !names.has(s));
    if (missing.length)
      throw new InputError(
        missing.map((s) => ({
          source: s,
          location: 'trang tính',
          message: `không có trang đơn vị "${s}" (đã bị xóa hoặc đổi tên); không ghi gì.`,
        })),
      );
    await wb.write({ replace: [], update: updates });
    progress(`Đang ghi ${updates.length} ô`);
    await saveXlsx(wb, file);
    process.stdout.write(
      `Đã ghi ${read.rows.length} dòng điểm từ ${path.basename(values.scores as string)} vào ${file}${status ? `; trạng thái ${STATUS_LABELS[status]}` : ''}.\n`,
    );
  },
};
