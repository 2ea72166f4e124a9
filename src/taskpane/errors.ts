import { TemplateError } from '../core/template/compile';
import { describeProblem, InputError, type InputProblem } from '../workbook/problems';
import type { Notice } from './types';

/** Title of every refusal of input: the action checked first and wrote nothing. */
export const INVALID_TITLE = 'Dữ liệu không hợp lệ, chưa ghi gì';

/** Errors Excel (Office.js) reports, in Vietnamese; the code is kept for searching. */
const OFFICE_CODES: Readonly<Record<string, string>> = {
  AccessDenied: 'Excel từ chối ghi: trang tính hoặc ô đang được bảo vệ, hoặc sổ tính chỉ cho đọc.',
  InvalidArgument: 'Excel từ chối một giá trị hoặc địa chỉ ô không hợp lệ.',
  InvalidReference: 'Excel không tìm thấy vùng ô được nhắc tới.',
  ItemNotFound:
    'Excel không tìm thấy trang tính hoặc bảng cần dùng (có thể đã bị xóa hoặc đổi tên).',
  ItemAlreadyExists: 'Sổ tính đã có một trang tính hoặc bảng cùng tên.',
  InsertDeleteConflict: 'Excel không chèn/xóa được vì vướng bảng hoặc vùng gộp ô.',
  RequestPayloadSizeLimitExceeded: 'Dữ liệu gửi tới Excel quá lớn cho một lần ghi.',
  EditModeCannotAcquireLock:
    'Excel đang ở chế độ sửa ô: hãy nhấn Enter hoặc Esc trong ô rồi thử lại.',
  Conflict: 'Có người khác vừa sửa cùng vùng ô; hãy thử lại.',
  GeneralException: 'Excel gặp lỗi khi thực hiện thao tác.',
};

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
export function problemsNotice(problems: readonly InputProblem[]): Notice {
  return { intent: 'error', title: INVALID_TITLE, lines: problems.map(describeProblem) };
}

/**
 * Any error as a Vietnamese notice. Refused input names each sheet (or file), cell (or line),
 * criterion and rule; a template error lists the criteria at fault; other errors keep their
 * message, with Excel's own error code and place when Office.js gives them.
 */
export function describeError(e: unknown): Notice {
  if (isInputError(e)) return problemsNotice(e.problems);
  if (e instanceof TemplateError)
    return {
      intent: 'error',
      title: 'Bảng tiêu chí không hợp lệ, chưa ghi gì',
      lines: e.findings.filter((f) => f.severity === 'error').map((f) => f.message),
    };
  const { code, location } = officeDetails(e);
  const message = e instanceof Error ? e.message : String(e);
  const known = code ? OFFICE_CODES[code] : undefined;
  const lines = [
    ...(known ? [known] : []),
    ...(message && message !== known ? [message] : []),
    ...(location ? [`Vị trí: ${location}.`] : []),
    ...(code ? [`Mã lỗi: ${code}.`] : []),
  ];
  return { intent: 'error', title: 'Có lỗi, thao tác chưa hoàn tất', lines };
}
