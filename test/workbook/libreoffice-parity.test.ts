import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { scoreUnit } from '../../src/core/scoring/score';
import {
  createWorkbook,
  rankWorkbook,
  readWorkbook,
  type RankOutcome,
} from '../../src/app/workbook-actions';
import { XlsxWorkbook } from '../../src/io/xlsx/xlsx-workbook';
import { saveXlsx } from '../../src/io/node';
import { SAMPLE_BLOC, SAMPLE_DATA } from '../../src/sample';
import { columnLetter, emptySheet, parseAddress } from '../../src/workbook/grid';
import { SHEETS } from '../../src/workbook/layout';
import { UNIT, unitSheetCells } from '../../src/workbook/unit-sheet';
import { recalculatedSheets } from '../support/libreoffice';

/**
 * Formula parity: the workbook the toolkit writes, recalculated by a real spreadsheet engine
 * (LibreOffice, forced to recalculate on load), shows the same totals and ranks the toolkit
 * computed. The cached values are deliberately ignored by the engine, so a wrong formula fails.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'thidua-parity-'));
let outcome: RankOutcome;
let sheets: Map<string, string[][]>;

beforeAll(async () => {
  const wb = XlsxWorkbook.empty();
  // Change some verified values so both columns and several ranks move away from the self scores.
  await createWorkbook(wb, SAMPLE_BLOC, SAMPLE_DATA);
  outcome = await rankWorkbook(wb);
  const file = path.join(dir, 'khoi.xlsx');
  await saveXlsx(wb, file);
  sheets = recalculatedSheets(file);
}, 180_000);

const cell = (rows: string[][] | undefined, a1: string): string => {
  const { row, column } = parseAddress(a1);
  return rows?.[row - 1]?.[column - 1] ?? '';
};

const num = (s: string) => {
  const n = Number(s);
  if (s === '' || Number.isNaN(n)) throw new Error(`không phải số: "${s}"`);
  return n;
};

describe('formula parity with LibreOffice', () => {
  it('really recalculates: a wrong cached result comes back corrected', async () => {
    const wb = XlsxWorkbook.empty();
    const spec = emptySheet('Thử', 'unit');
    spec.cells = [[{ v: 1.5 }, { v: 2.25 }, { f: 'A1+B1', v: 999 }]];
    await wb.write({ replace: [spec], update: [] });
    const file = path.join(dir, 'cache.xlsx');
    await saveXlsx(wb, file);
    expect(recalculatedSheets(file).get('Thử')?.[0]).toEqual(['1.5', '2.25', '3.75']);
  }, 60_000);

  it('recalculates every sheet', () => {
    for (const u of SAMPLE_BLOC.units) expect(sheets.has(u.code)).toBe(true);
    expect(sheets.has(SHEETS.ranking)).toBe(true);
    expect(sheets.has(SHEETS.matrix)).toBe(true);
  });

  it('gives every criterion row of every unit sheet the engine’s self and final totals', () => {
    const cells = unitSheetCells(outcome.state.compiled);
    let compared = 0;
    for (const u of outcome.result.units) {
      const rows = sheets.get(u.unit.code);
      for (const c of outcome.state.compiled.criteria) {
        const r = cells.row(c.code);
        expect([c.code, num(cell(rows, `${columnLetter(UNIT.col.selfPoints)}${r}`))]).toEqual([
          c.code,
          expect.closeTo(u.score.node(c.code, 'self').total, 9),
        ]);
        expect([c.code, num(cell(rows, `${columnLetter(UNIT.col.verifiedPoints)}${r}`))]).toEqual([
          c.code,
          expect.closeTo(u.score.node(c.code).total, 9),
        ]);
        compared += 2;
      }
      expect(num(cell(rows, cells.selfTotal))).toBeCloseTo(u.score.self.total, 9);
      expect(num(cell(rows, cells.verifiedTotal))).toBeCloseTo(u.score.verified.total, 9);
      expect(num(cell(rows, cells.verifiedEarned))).toBeCloseTo(u.score.verified.earnedBase, 9);
      expect(num(cell(rows, cells.verifiedBonus))).toBeCloseTo(u.score.verified.bonus, 9);
      expect(num(cell(rows, cells.verifiedPenalty))).toBeCloseTo(u.score.verified.penalty, 9);
      expect(num(cell(rows, cells.knockedOut))).toBe(u.score.knockedOut ? 1 : 0);
    }
    expect(compared).toBe(2 * 63 * 9);
  });

  it('ranks and classifies on the Xếp hạng sheet as the toolkit does, tie-breakers included', () => {
    const rows = sheets.get(SHEETS.ranking)!;
    const header = rows[3]!;
    const col = (name: string) => header.indexOf(name);
    const body = rows.slice(4, 4 + outcome.result.units.length);
    expect(
      body.map((r) => [
        r[col('Mã đơn vị')],
        r[col('Hạng')],
        num(r[col('Khối chấm')]!),
        r[col('Xếp loại')],
      ]),
    ).toEqual(
      outcome.result.units.map((u) => [
        u.unit.code,
        u.ranked.rank === null ? 'Không xếp loại' : String(u.ranked.rank),
        u.score.verified.total,
        u.classification,
      ]),
    );
    // The sample's two ties are resolved by tie-breakers: the live formula must resolve them too.
    expect(new Set(body.map((r) => r[col('Hạng')])).size).toBe(body.length);
  });

  it('shows the verified points of each criterion on Tổng hợp', () => {
    const rows = sheets.get(SHEETS.matrix)!;
    const units = outcome.result.units;
    outcome.state.compiled.criteria.forEach((c, i) => {
      const row = rows[4 + i]!;
      expect(row[0]).toBe(c.code);
      units.forEach((u, k) => expect(num(row[3 + k]!)).toBeCloseTo(u.score.node(c.code).total, 9));
    });
  });

  it('chooses an alternative whose code Excel stored as a number ("02" → 2), as the reader does', async () => {
    // The sample with the alternatives of choice 1.4 coded 01, 02, 03.
    const recode = <T>(v: T): T =>
      JSON.parse(
        JSON.stringify(v)
          .replaceAll('"1.4.a"', '"01"')
          .replaceAll('"1.4.b"', '"02"')
          .replaceAll('"1.4.c"', '"03"'),
      ) as T;
    const wb = XlsxWorkbook.empty();
    await createWorkbook(wb, recode(SAMPLE_BLOC), recode(SAMPLE_DATA));
    const cells = unitSheetCells((await readWorkbook(wb)).compiled);
    const r = cells.row('1.4');
    wb.workbook.getWorksheet('CAT')!.getCell(`${columnLetter(UNIT.col.self)}${r}`).value = 2;
    const read = await readWorkbook(wb);
    const sheet = read.sheets.find((s) => s.unitCode === 'CAT')!;
    expect(sheet.entries['1.4']!.self).toBe('02');
    const score = scoreUnit(read.compiled, sheet);
    const file = path.join(dir, 'codes.xlsx');
    await saveXlsx(wb, file);
    const rows = recalculatedSheets(file).get('CAT');
    const self = (code: string) =>
      num(cell(rows, `${columnLetter(UNIT.col.selfPoints)}${cells.row(code)}`));
    expect(score.node('02', 'self').total).toBeGreaterThan(0);
    for (const code of ['01', '02', '03', '1.4'])
      expect([code, self(code)]).toEqual([code, expect.closeTo(score.node(code, 'self').total, 9)]);
  }, 120_000);
});
