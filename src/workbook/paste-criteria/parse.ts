import { validateTemplate } from '../../core/template/compile';
import type { Criterion, Template } from '../../core/template/types';
import { fromLegacy, legacyEncoding } from '../../core/text/legacy-vietnamese';
import { ENCODING_LABEL } from '../csv/decode';
import { foldKey } from '../csv/table';
import type { InputProblem } from '../problems';
import { yearOf } from './dates';
import { type Header, cellPlace, findHeader, rowCells } from './header';
import { type Points, hasPoints, readPoints } from './points';
import { type PastedRecord, splitRecords, stitch } from './records';
import { buildRows } from './rows';
import { short } from './sentences';
import { CriteriaTree, type Node, readCode } from './tree';
import {
  PASTE_SOURCE,
  type PasteOptions,
  type PasteResult,
  type PastedRow,
  type PasteWarning,
} from './types';

/** Reads a pasted criteria table into a template, or into the problems that stop it. */
export function parsePastedCriteria(pasted: string, options: PasteOptions = {}): PasteResult {
  // Copied out of a .VnTime or VNI-Times document, the letters come as Latin-1 ones.
  const legacy = legacyEncoding(pasted);
  const text = legacy ? fromLegacy(pasted, legacy) : pasted;
  const notes = legacy ? [`Bảng dán: chữ theo bảng mã ${ENCODING_LABEL[legacy]}.`] : [];
  const { records, tabbed } = splitRecords(text);
  if (!records.length)
    return refused({
      source: PASTE_SOURCE,
      location: 'dòng 1',
      message:
        'chưa có nội dung: hãy dán bảng chấm điểm (chọn các ô trong Excel hoặc bảng trong Word, sao chép rồi dán vào đây).',
    });
  const header = findHeader(records);
  if (!header)
    return refused({
      source: PASTE_SOURCE,
      location: `dòng ${records[0]!.line}`,
      message:
        'không nhận ra dòng tiêu đề của bảng: cần các cột "STT" và "Nội dung", có thể thêm "Điểm chuẩn", "Thưởng", "Trừ", "Ghi chú". Hãy sao chép cả dòng tiêu đề.',
    });

  const problems: InputProblem[] = [];
  const warnings: PasteWarning[] = [];
  const { tree, declaredTotal } = readTree(records, header, tabbed, problems);
  if (!tree.nodes.length && !problems.length)
    problems.push({
      source: PASTE_SOURCE,
      location: `dòng ${records[header.at]!.line}`,
      message: 'bảng chỉ có dòng tiêu đề, chưa có dòng tiêu chí nào có STT.',
    });

  const title = readTitle(records, header, options);
  const understood = buildRows(tree.nodes, tree.byWritten, yearOf(title), problems, warnings);
  const template: Template = {
    title,
    declaredTotal: declaredTotal ?? options.declaredTotal ?? 100,
    criteria: understood.map(toCriterion),
  };
  if (!problems.length) checkTemplate(template, understood, problems, warnings);
  return problems.length
    ? { understood, problems, warnings, notes }
    : { template, understood, problems, warnings, notes };
}

const refused = (problem: InputProblem): PasteResult => ({
  understood: [],
  warnings: [],
  problems: [problem],
  notes: [],
});

/** The first line above the header that holds text, else the option, else a default. */
function readTitle(records: readonly PastedRecord[], header: Header, options: PasteOptions) {
  return (
    records
      .slice(0, header.at)
      .map((r) => r.cells.filter(Boolean).join(' '))
      .find(Boolean) ??
    options.title ??
    'Bảng chấm điểm thi đua'
  );
}

/**
 * The rows below the header: those with an STT make the tree; a "Tổng cộng" row gives the
 * declared total (the last one wins); other rows without STT continue the row above.
 */
function readTree(
  records: readonly PastedRecord[],
  header: Header,
  tabbed: boolean,
  problems: InputProblem[],
): { tree: CriteriaTree; declaredTotal?: number } {
  const tree = new CriteriaTree();
  const where = cellPlace(header);
  let declaredTotal: number | undefined;
  const width = records[header.at]!.cells.length;
  for (const rec of stitch(records.slice(header.dataFrom), width, tabbed)) {
    const cell = rowCells(header, rec);
    const { code: written, part } = readCode(cell('code'));
    const rowText = cell('text');
    const points = readPoints(rec.line, cell, where, problems);

    if (!written) {
      if (isTotalRow(rowText)) {
        if (points.base !== undefined) declaredTotal = points.base;
      } else if (hasPoints(points))
        problems.push({
          source: PASTE_SOURCE,
          location: where(rec.line, 'code'),
          message: `dòng "${short(rowText)}" có điểm nhưng không có STT; hãy ghi STT (mã tiêu chí) cho dòng này.`,
        });
      else tree.continueLast(rec.line, [rowText, cell('note')].filter(Boolean).join('. '));
      continue;
    }

    if (!rowText)
      problems.push({
        source: PASTE_SOURCE,
        location: where(rec.line, 'text'),
        code: written,
        message: `mục ${written} không có nội dung.`,
      });
    tree.add(newNode(rec.line, written, part, rowText, cell('note'), points));
  }
  return declaredTotal === undefined ? { tree } : { tree, declaredTotal };
}

/** "Tổng cộng", "Tổng điểm", "Tổng": the total row (but not "Tổng điểm trừ/cộng …", a cap). */
function isTotalRow(text: string): boolean {
  const key = foldKey(text);
  return /^tong(cong|diem|so|$)/.test(key) && !/^tongdiem(tru|cong|thuong)/.test(key);
}

function newNode(
  line: number,
  written: string,
  part: boolean,
  text: string,
  note: string,
  points: Points,
): Node {
  return {
    line,
    written,
    code: written,
    part,
    children: [],
    text,
    note,
    looseLines: new Map(),
    ...(points.base !== undefined ? { base: points.base } : {}),
    ...(points.bonus !== undefined ? { bonusRate: points.bonus } : {}),
    ...(points.penalty !== undefined ? { penaltyRate: points.penalty } : {}),
    cellCaps: points.caps,
    failed: points.failed === true,
    reading: [],
    unsure: [],
  };
}

/** `validateTemplate` on the result: its errors become problems at the row's line. */
function checkTemplate(
  template: Template,
  understood: readonly PastedRow[],
  problems: InputProblem[],
  warnings: PasteWarning[],
): void {
  const lineOf = new Map(understood.map((r) => [r.code, r.line]));
  for (const f of validateTemplate(template)) {
    if (f.severity === 'error')
      problems.push({
        source: PASTE_SOURCE,
        location: f.code && lineOf.get(f.code) ? `dòng ${lineOf.get(f.code)}` : 'cả bảng',
        ...(f.code ? { code: f.code } : {}),
        message: f.message,
      });
    else warnings.push(f);
  }
}

function toCriterion(r: PastedRow): Criterion {
  return {
    code: r.code,
    ...(r.parent ? { parent: r.parent } : {}),
    text: r.text,
    kind: r.kind,
    ...(r.base !== undefined ? { base: r.base } : {}),
    ...(r.rate !== undefined ? { rate: r.rate } : {}),
    ...(r.caps ? { caps: r.caps } : {}),
    ...(r.band ? { band: r.band } : {}),
    ...(r.note ? { note: r.note } : {}),
  };
}
