import type { TemplateFinding } from '../../core/finding';
import { validateTemplate } from '../../core/template/compile';
import type { Template } from '../../core/template/types';
import { nfc, normalizeCode } from '../../core/text/vietnamese';
import {
  CRITERIA_COLUMNS,
  criteriaColumn,
  rowsToCriteria,
  templateToRows,
} from '../criteria-table';
import type { InputProblem } from '../problems';
import { asTable, lineLabel, type TableSource } from './parse';
import { baseName, extraCells } from './table';
import { toCsv, type ToCsvOptions } from './write';

export interface ReadCriteriaOptions {
  /** Title of the template; default: the file name without folder and extension. */
  title?: string;
  /** The total base points the sheet declares; default 100. */
  declaredTotal?: number;
}

export interface ReadCriteriaResult {
  /** Present only when there is no problem. */
  template?: Template;
  /** Errors of the rows and of the tree, each with the line of the criterion. */
  problems: InputProblem[];
  /** Warnings of `validateTemplate` (base sums, declared total): the template is still usable. */
  warnings: TemplateFinding[];
}

/**
 * The criteria template from a CSV file with the columns of `CRITERIA_COLUMNS` (docs/csv-formats.md).
 * Rows are read by `rowsToCriteria` (locations "dòng N", N the line in the file, header = line 1),
 * then the tree is checked by `validateTemplate`: its errors become problems located at the line
 * of the criterion's code, its warnings are returned as they are.
 */
export function readCriteriaCsv(
  source: TableSource,
  fileName: string,
  options: ReadCriteriaOptions = {},
): ReadCriteriaResult {
  const parsed = asTable(source, fileName);
  if (parsed.problems.length) return { problems: parsed.problems, warnings: [] };
  const { rows, lines } = parsed;
  const lineAt = (r: number): string => lineLabel(lines[r] ?? 1);
  const header = rows[0] ?? [];

  const problems: InputProblem[] = [];
  rows.slice(1).forEach((cells, r) => {
    const extra = extraCells(cells, header.length, parsed.delimiter);
    if (extra) problems.push({ source: fileName, location: lineAt(r + 1), message: extra });
  });
  if (problems.length) return { problems, warnings: [] };

  const read = rowsToCriteria(rows, { source: fileName, where: (r) => lineAt(r + 1) });
  if (!read.criteria) return { problems: read.problems, warnings: [] };

  const codeColumn = header.findIndex((h) => criteriaColumn(h) === 'ma');
  const linesOf = new Map<string, number[]>();
  rows.slice(1).forEach((cells, r) => {
    const code = normalizeCode(nfc(cells[codeColumn] ?? ''));
    if (code) linesOf.set(code, [...(linesOf.get(code) ?? []), lines[r + 1] ?? 0]);
  });

  const template: Template = {
    title: options.title ?? baseName(fileName),
    declaredTotal: options.declaredTotal ?? 100,
    criteria: read.criteria,
  };
  const findings = validateTemplate(template);
  const reported = new Set<string>();
  for (const f of findings) {
    if (f.severity !== 'error') continue;
    const at = f.code === undefined ? [] : (linesOf.get(f.code) ?? []);
    let line = at[0];
    let message = f.message;
    if (f.kind === 'duplicate-code' && at.length > 1) {
      // One problem per repeated line, each pointing back to the first.
      for (const l of at.slice(1)) {
        const key = `${f.code}@${l}`;
        if (reported.has(key)) continue;
        reported.add(key);
        problems.push({
          source: fileName,
          location: lineLabel(l),
          ...(f.code ? { code: f.code } : {}),
          message: `${f.message.replace(/\.$/, '')} (đã có ở dòng ${at[0]}).`,
        });
      }
      continue;
    }
    if (line === undefined) {
      line = lines[0] ?? 1;
      message = `${message} (lỗi của cả bảng)`;
    }
    problems.push({
      source: fileName,
      location: lineLabel(line),
      ...(f.code ? { code: f.code } : {}),
      message,
    });
  }
  const warnings = findings.filter((f) => f.severity !== 'error');
  return problems.length ? { problems, warnings } : { template, problems, warnings };
}

/** A template as criteria CSV text (header `CRITERIA_COLUMNS`), readable by `readCriteriaCsv`. */
export function criteriaToCsv(template: Template, options: ToCsvOptions = {}): string {
  const rows = templateToRows(template).map((r) =>
    r.map((v) => (typeof v === 'boolean' ? (v ? 'có' : '') : v)),
  );
  return toCsv([[...CRITERIA_COLUMNS], ...rows], options);
}
