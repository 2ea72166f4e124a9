import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { requireTool } from './tools';

/**
 * LibreOffice headless as a real spreadsheet engine. Its own profile sets OOXMLRecalcMode to 0
 * ("always recalculate"), otherwise it would show the cached results the toolkit wrote and the
 * parity test could not fail.
 */
const PROFILE_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`;

function profile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'thidua-lo-'));
  mkdirSync(path.join(dir, 'user'), { recursive: true });
  writeFileSync(path.join(dir, 'user', 'registrymodifications.xcu'), PROFILE_XCU);
  return dir;
}

/** `soffice`, or the error naming it and the command that installs it. */
const soffice = () => requireTool('soffice');

/**
 * Recalculates an .xlsx in LibreOffice and returns every sheet as rows of text (the displayed
 * values: CSV filter token -1 writes one file per sheet, named <base>-<sheet>.csv).
 */
export function recalculatedSheets(xlsx: string): Map<string, string[][]> {
  const out = mkdtempSync(path.join(tmpdir(), 'thidua-csv-'));
  execFileSync(
    soffice(),
    [
      `-env:UserInstallation=file://${profile()}`,
      '--headless',
      '--convert-to',
      // 44 = comma, 34 = quote, 76 = UTF-8, 1 = first line, then: formatted text as shown? false
      // (raw values), detect special numbers, … and -1: every sheet to its own file.
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      '--outdir',
      out,
      xlsx,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const base = path.basename(xlsx, '.xlsx');
  const sheets = new Map<string, string[][]>();
  for (const f of readdirSync(out)) {
    if (!f.startsWith(`${base}-`) || !f.endsWith('.csv')) continue;
    const name = f.slice(base.length + 1, -4);
    sheets.set(
      name,
      parse(readFileSync(path.join(out, f), 'utf8'), { relax_column_count: true }) as string[][],
    );
  }
  return sheets;
}

/** Converts a document with LibreOffice into `outDir` (`format`: pdf, xlsx…); returns its path. */
function convert(file: string, outDir: string, format: string): string {
  execFileSync(
    soffice(),
    [
      `-env:UserInstallation=file://${profile()}`,
      '--headless',
      '--convert-to',
      format,
      '--outdir',
      outDir,
      file,
    ],
    {
      stdio: 'pipe',
      timeout: 120_000,
    },
  );
  return path.join(outDir, `${path.basename(file, path.extname(file))}.${format}`);
}

/** Converts a document (DOCX, XLSX) to PDF with LibreOffice; returns the PDF path. */
export const toPdf = (file: string, outDir: string): string => convert(file, outDir, 'pdf');

/** The workbook opened and saved again by LibreOffice Calc, as an office would; returns its path. */
export const resavedByLibreOffice = (file: string, outDir: string): string =>
  convert(file, outDir, 'xlsx');
