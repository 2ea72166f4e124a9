/**
 * Any error as a message for a person, in Vietnamese: the same words in every door. Excel's own
 * codes are explained by the Office.js adapter, which knows them.
 */
import { TemplateError } from '../core';
// The errors module, not the adapter's face: it is plain TypeScript (duck-typed Office errors), so
// the CLI and the benchmarks, built without Office's types, can load it.
import { excelErrorToProblems, isOfficeError } from '../io/excel/errors';
import { describeProblem, InputError, INVALID_TITLE, type InputProblem } from '../workbook';

/** An error as the pane's MessageBar shows it: a title, then one line per problem. */
export interface ErrorNotice {
  intent: 'error';
  title: string;
  lines: string[];
}

function isInputError(e: unknown): e is InputError {
  return (
    e instanceof InputError ||
    (e instanceof Error && e.name === 'InputError' && Array.isArray((e as InputError).problems))
  );
}

/** Where Office.js says an error happened ("Sheet1!A1:B2", a statement), when it says so. */
function officeDetails(e: unknown): { code?: string; location?: string } {
  if (typeof e !== 'object' || e === null) return {};
  const code = (e as { code?: unknown }).code;
  const debug = (e as { debugInfo?: { errorLocation?: unknown; statement?: unknown } }).debugInfo;
  const location =
    typeof debug?.errorLocation === 'string' && debug.errorLocation
      ? debug.errorLocation
      : undefined;
  return { ...(typeof code === 'string' ? { code } : {}), ...(location ? { location } : {}) };
}

/** A refusal listing problems with their sheet, cell and rule. */
/** What a reader understood of a file beyond plain CSV: said once, not as a warning. */
export function notesNotice(
  notes: readonly string[],
  title = 'Đã đọc tệp',
): {
  intent: 'info';
  title: string;
  lines: string[];
} {
  return { intent: 'info', title, lines: [...notes] };
}

export function problemsNotice(
  problems: readonly InputProblem[],
  title = INVALID_TITLE,
): ErrorNotice {
  return { intent: 'error', title, lines: problems.map(describeProblem) };
}

/**
 * Any error as a Vietnamese notice. Refused input names each sheet (or file), cell (or line),
 * criterion and rule; a template error lists the criteria at fault; other errors keep their
 * message, with Excel's own error code and place when Office.js gives them.
 */
export function describeError(e: unknown): ErrorNotice {
  if (isInputError(e)) return problemsNotice(e.problems, e.title ?? INVALID_TITLE);
  if (e instanceof TemplateError)
    return {
      intent: 'error',
      title: 'Bảng tiêu chí không hợp lệ, chưa ghi gì',
      lines: e.findings.filter((f) => f.severity === 'error').map((f) => f.message),
    };
  const { code, location } = officeDetails(e);
  const message = e instanceof Error ? e.message : String(e);
  const known = isOfficeError(e)
    ? excelErrorToProblems(e, { action: 'thao tác' })[0]?.message
    : undefined;
  const lines = [
    ...(known ? [known] : []),
    ...(message && message !== known ? [message] : []),
    ...(location ? [`Vị trí: ${location}.`] : []),
    ...(code ? [`Mã lỗi: ${code}.`] : []),
  ];
  return { intent: 'error', title: 'Có lỗi, thao tác chưa hoàn tất', lines };
}
