import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createWorkbook, rankWorkbook } from '../src/app/workbook-actions';
import type { Bloc } from '../src/core/bloc';
import { DEFAULT_SETTINGS } from '../src/core/bloc';
import { XlsxWorkbook } from '../src/io/xlsx/xlsx-workbook';
import { loadXlsx, saveXlsx } from '../src/io/node';
import { syntheticSheets, syntheticTemplate } from './core';
import { ratio } from './harness';

async function median(run: () => Promise<unknown>, times: number): Promise<number> {
  await run();
  const xs: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await run();
    xs.push(performance.now() - t0);
  }
  xs.sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)]!;
}

/** The benchmarks' bloc workbook: 60 units × 150 criteria, scored and ranked, as a file in `dir`. */
export async function writeBenchWorkbook(
  dir: string,
): Promise<{ file: string; units: number; criteria: number }> {
  const units = 60;
  const template = syntheticTemplate(150);
  const bloc: Bloc = {
    name: 'Khối đo hiệu năng',
    year: 2025,
    round: 'ca-nam',
    units: Array.from({ length: units }, (_, i) => ({
      code: `DV${i + 1}`,
      name: `Đơn vị ${i + 1}`,
      role: 'thanh-vien' as const,
    })),
    template,
    settings: DEFAULT_SETTINGS,
  };
  const sheets = syntheticSheets(template, units).map((s, i) => ({ ...s, unitCode: `DV${i + 1}` }));
  const file = path.join(dir, 'khoi.xlsx');
  const seed = XlsxWorkbook.empty();
  await createWorkbook(seed, bloc, { sheets });
  await saveXlsx(seed, file);
  await rankWorkbook(seed);
  await saveXlsx(seed, file);
  return { file, units, criteria: template.criteria.length };
}

/** `thidua rank` on a 60-unit × 150-criteria workbook against ExcelJS alone loading and saving it. */
export async function benchWorkbook(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'thidua-bench-'));
  const { file, units, criteria } = await writeBenchWorkbook(dir);

  const rank = await median(async () => {
    const wb = await loadXlsx(file);
    await rankWorkbook(wb);
    await saveXlsx(wb, file);
  }, 5);
  const excel = await median(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    await wb.xlsx.writeFile(path.join(dir, 'copy.xlsx'));
  }, 5);
  console.log(
    `\nWorkbook: thidua rank on ${units} units × ${criteria} criteria (load, score, rank, rebuild 4 sheets, save)`,
  );
  console.log(
    `  rank: ${rank.toFixed(0)} ms; ExcelJS alone reading and writing the same file: ${excel.toFixed(0)} ms; ratio ${ratio(rank, excel)} (target ≤ 1.5×)`,
  );
}
