import type { Bloc, BlocResult } from '../core/bloc';
import { buildMinutesDocx, buildReportDocx } from '../export/docx-report';
import { rankingRows } from '../core/ranking/rows';
import { toCsv } from '../workbook/csv';
import type { SheetSpec } from '../workbook/grid';
import { columnLetter, emptySheet } from '../workbook/grid';
import { NUMBER_FORMAT, TABLES } from '../workbook/layout';
import { withRowHeights } from '../workbook/row-heights';
import { headerStyle } from '../workbook/styles';

/** What an export produces: file names and their bytes, for the CLI to write or the pane to download. */
export interface ExportFile {
  name: string;
  mime: string;
  data: Uint8Array;
}

export interface ReportOptions {
  place: string;
  /** ISO date printed on the documents. */
  date: string;
  signerName?: string;
}

/** Ranking as CSV: UTF-8 with BOM so Excel shows Vietnamese; formula-like text neutralised. */
export function rankingCsv(result: BlocResult): ExportFile {
  const { header, rows } = rankingRows(result);
  return {
    name: 'xep-hang.csv',
    mime: 'text/csv;charset=utf-8',
    data: new TextEncoder().encode(toCsv([header, ...rows], { bom: true })),
  };
}

/** Ranking as a values-only sheet (no links to unit sheets), for an .xlsx of its own. */
export function rankingValuesSheet(bloc: Bloc, result: BlocResult): SheetSpec {
  const { header, rows } = rankingRows(result);
  const spec = emptySheet('Xếp hạng', 'generated');
  spec.cells[0] = [{ v: `KẾT QUẢ XẾP HẠNG THI ĐUA NĂM ${bloc.year} — ${bloc.name}` }];
  spec.cells[2] = header.map((v) => ({ v }));
  rows.forEach((r, i) => (spec.cells[3 + i] = r.map((v) => ({ v }))));
  spec.cells[1] = [];
  const last = 3 + Math.max(1, rows.length);
  spec.tables = [{ name: TABLES.ranking, range: `A3:${columnLetter(header.length)}${last}` }];
  const lastCol = columnLetter(header.length);
  spec.styles = [
    { range: 'A1', bold: true, fontSize: 14 },
    headerStyle(`A3:${lastCol}3`),
    { range: `A4:${lastCol}${last}`, border: true, vAlign: 'top' },
    { range: `A4:A${last}`, hAlign: 'center', bold: true, wrap: true },
    { range: `B4:B${last}`, hAlign: 'center' },
    { range: `D4:H${last}`, numberFormat: NUMBER_FORMAT },
    { range: `I4:I${last}`, hAlign: 'center' },
    { range: `J4:K${last}`, wrap: true },
  ];
  // A unit not classified is listed last, greyed.
  rows.forEach((r, i) => {
    if (typeof r[0] !== 'number')
      spec.styles.push({
        range: `A${4 + i}:${lastCol}${4 + i}`,
        italic: true,
        fontColor: 'FF7F7F7F',
      });
  });
  spec.dataBars = [{ range: `E4:E${last}`, color: 'FF5B9BD5' }];
  spec.columnWidths = [16, 10, 32, 10, 10, 10, 11, 10, 14, 34, 55];
  spec.frozen = { rows: 3, columns: 0 };
  spec.print = { landscape: true, fitToWidth: true, titleRows: [3, 3] };
  return withRowHeights(spec);
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The official report of the bloc's ranking. */
export async function reportDocx(
  bloc: Bloc,
  result: BlocResult,
  options: ReportOptions,
): Promise<ExportFile> {
  return {
    name: 'bao-cao-xep-hang.docx',
    mime: DOCX,
    data: await buildReportDocx(documentInput(bloc, result, options)),
  };
}

/** One verification minute per unit, each a file of its own. */
export async function minutesDocx(
  bloc: Bloc,
  result: BlocResult,
  options: ReportOptions,
): Promise<ExportFile[]> {
  const common = documentInput(bloc, result, options);
  const files: ExportFile[] = [];
  for (const u of result.units)
    files.push({
      name: `bien-ban-tham-dinh-${u.unit.code}.docx`,
      mime: DOCX,
      data: await buildMinutesDocx({ ...common, unitCode: u.unit.code }),
    });
  return files;
}

/**
 * The minutes of every unit in one .zip: a browser asks before (or silently refuses) saving many
 * files from one click, so the task pane offers one file per button.
 */
export async function minutesZip(
  bloc: Bloc,
  result: BlocResult,
  options: ReportOptions,
): Promise<ExportFile> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  for (const f of await minutesDocx(bloc, result, options)) zip.file(f.name, f.data);
  return {
    name: 'bien-ban-tham-dinh.zip',
    mime: 'application/zip',
    data: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }),
  };
}

function documentInput(bloc: Bloc, result: BlocResult, options: ReportOptions) {
  return {
    bloc,
    result,
    place: options.place,
    date: options.date,
    ...(options.signerName ? { signerName: options.signerName } : {}),
  };
}

/** The ranking as an .xlsx file of its own (values only). */
export async function rankingXlsx(bloc: Bloc, result: BlocResult): Promise<ExportFile> {
  const { XlsxWorkbook, xlsxBytes } = await import('../io/xlsx/xlsx-workbook');
  const wb = XlsxWorkbook.empty();
  await wb.write({ replace: [rankingValuesSheet(bloc, result)], update: [] });
  return {
    name: 'xep-hang.xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    data: await xlsxBytes(wb),
  };
}
