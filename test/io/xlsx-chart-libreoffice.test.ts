import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { createWorkbook, rankWorkbook, type RankOutcome } from '../../src/app/workbook-actions';
import { saveXlsx } from '../../src/io/node';
import { XlsxWorkbook } from '../../src/io/xlsx/xlsx-workbook';
import { SAMPLE_BLOC, SAMPLE_DATA } from '../../src/sample';
import { SHEETS } from '../../src/workbook/layout';
import { resavedByLibreOffice, toPdf } from '../support/libreoffice';

/**
 * The chart the file adapter writes, opened by a real office suite: LibreOffice Calc reads it into
 * its own chart model (it writes a chart back only when it read one) over the same cells, and
 * prints the sheet with it. The rendering itself is looked at by eye (docs/workbook-format.md).
 */
const dir = mkdtempSync(path.join(tmpdir(), 'thidua-chart-'));
let outcome: RankOutcome;
let file: string;

beforeAll(async () => {
  const wb = XlsxWorkbook.empty();
  await createWorkbook(wb, SAMPLE_BLOC, SAMPLE_DATA);
  outcome = await rankWorkbook(wb);
  file = path.join(dir, 'khoi.xlsx');
  await saveXlsx(wb, file);
}, 60_000);

it('LibreOffice keeps the bar chart over the ranking columns when it saves the workbook', async () => {
  const resaved = resavedByLibreOffice(file, path.join(dir, 'lo'));
  const zip = await JSZip.loadAsync(readFileSync(resaved));
  const parts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
  expect(parts).toHaveLength(1);
  const xml = await zip.file(parts[0]!)!.async('string');
  expect(xml).toMatch(/<c:barDir val="bar"\/>/);
  expect(xml).toMatch(/<c:grouping val="clustered"\/>/);
  const last = 4 + outcome.result.units.length;
  // LibreOffice writes the sheet name's quotes as entities.
  const sheet = `&apos;${SHEETS.ranking}&apos;`;
  expect(xml).toContain(`<c:f>${sheet}!$C$5:$C$${last}</c:f>`);
  expect(xml).toContain(`<c:f>${sheet}!$E$5:$E$${last}</c:f>`);
  // LibreOffice recomputed the chart's cache from the cells: the first bar is the top unit's total.
  const first = outcome.result.units[0]!.score.verified.total;
  expect(xml).toMatch(new RegExp(`<c:numCache>.*?<c:pt idx="0"><c:v>${first}</c:v>`));
}, 180_000);

it('LibreOffice converts the workbook with its chart to PDF', () => {
  const pdf = readFileSync(toPdf(file, path.join(dir, 'pdf')));
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
}, 180_000);
