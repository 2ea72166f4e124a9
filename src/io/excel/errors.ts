/**
 * Errors of the Office.js adapter, in Vietnamese, naming the sheet and the cell when they are known.
 *
 * Excel's own errors (OfficeExtension.Error) carry a code, an English message and
 * `debugInfo.errorLocation` ("Range.values"), but not the sheet or the cell. The adapter tells them
 * with `context.trace()` before each group of operations: Excel returns the trace messages of the
 * operations it ran before the failure, so the last one names the place.
 */
import { InputError, type InputProblem } from '../../workbook/problems';

/** The part of OfficeExtension.Error the adapter reads (duck-typed: no Office global needed). */
export interface OfficeErrorLike {
  code: string;
  message: string;
  debugInfo?: { code?: string; message?: string; errorLocation?: string };
  traceMessages?: string[];
}

export function isOfficeError(e: unknown): e is OfficeErrorLike {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { code?: unknown }).code === 'string' &&
    ('debugInfo' in e || 'traceMessages' in e || (e as { name?: unknown }).name === 'RichApi.Error')
  );
}

/** Where the adapter was when Excel failed; written with `context.trace(traceMessage(…))`. */
export interface TracePoint {
  sheet: string;
  /** A1 address or range, when one is being written. */
  address?: string;
  /** What was being done, in Vietnamese ("ghi giá trị", "định dạng"…). */
  step: string;
}

export function traceMessage(p: TracePoint): string {
  return JSON.stringify([p.sheet, p.address ?? '', p.step]);
}

function lastTrace(e: OfficeErrorLike): TracePoint | undefined {
  for (const m of [...(e.traceMessages ?? [])].reverse()) {
    try {
      const v: unknown = JSON.parse(m);
      if (Array.isArray(v) && typeof v[0] === 'string')
        return {
          sheet: v[0],
          ...(typeof v[1] === 'string' && v[1] !== '' ? { address: v[1] } : {}),
          step: typeof v[2] === 'string' ? v[2] : '',
        };
    } catch {
      // A trace message that is not ours: look further back.
    }
  }
  return undefined;
}

export interface ExcelErrorContext {
  /** What the user asked for, in Vietnamese: "đọc sổ tính", "ghi sổ tính". */
  action: string;
  /** The sheets the batch works on, named when no trace point is known. */
  sheets?: readonly string[];
  /** Whether earlier blocks of the same action were already written. */
  partial?: boolean;
}

export const TOO_LARGE_TITLE = 'Trang tính quá lớn để đọc, chưa ghi gì';

/** Why a sheet cannot be read: its used range reaches more than Excel's five million cells. */
export const TOO_LARGE =
  'trang có vùng dữ liệu quá lớn để Excel trả về (quá 5 triệu ô: có giá trị hay định dạng thừa ở các dòng, cột rất xa). Hãy xóa các dòng thừa ở cuối trang (và các cột thừa bên phải) rồi thử lại.';

/**
 * Workbook structure protection (Review › Protect Workbook) blocks adding, deleting, renaming,
 * moving and hiding sheets, which every write that rebuilds a sheet does.
 */
export const STRUCTURE_PROTECTED_TITLE = 'Sổ tính đang khóa cấu trúc, chưa ghi gì';
export const STRUCTURE_PROTECTED: InputProblem = {
  source: 'Sổ tính',
  location: 'cấu trúc sổ tính',
  message:
    'Sổ tính đang khóa cấu trúc: Xem lại → Bảo vệ sổ làm việc (Review › Protect Workbook). Hãy bỏ khóa cấu trúc rồi chạy lại thao tác; chưa có gì được ghi.',
};

const ADDIN_BUG =
  'lỗi của add-in thidua (không phải của dữ liệu); hãy gửi nội dung lỗi này cho người quản lý add-in.';

/** The message for an Excel error code; `where` names the sheet/cell in the sentence. */
function explain(code: string, where: string, e: OfficeErrorLike): string {
  const errorLocation = e.debugInfo?.errorLocation ?? '';
  const location = errorLocation ? ` [${errorLocation}]` : '';
  // Recent builds answer AccessDenied to protect() of a protected sheet and unprotect() of an
  // unprotected one (OfficeDev/office-js#6784): only BadPassword says there is a password.
  if (code === 'AccessDenied' && /Protection\.(un)?protect/i.test(errorLocation))
    return `Excel không cho bỏ hoặc đặt lại bảo vệ của ${where}: có thể trang vừa được bảo vệ hoặc bỏ bảo vệ trong lúc thao tác (người khác cùng sửa), hoặc sổ tính chỉ được xem. Hãy tải lại dữ liệu (nút Tải lại) rồi thử lại.`;
  switch (code) {
    case 'BadPassword':
      return `không bỏ được bảo vệ của ${where}: trang được bảo vệ bằng mật khẩu do người dùng đặt. Hãy bỏ bảo vệ trang (Review › Unprotect Sheet / Xem lại › Bỏ bảo vệ trang), chạy lại thao tác, rồi bảo vệ lại nếu cần.`;
    case 'RangeExceedsLimit':
      return `${where}: ${TOO_LARGE}`;
    case 'AccessDenied':
      return `Excel không cho ghi vào ${where}: trang tính hoặc ô đang được bảo vệ (Review › Unprotect Sheet / Xem lại › Bỏ bảo vệ trang) hoặc sổ tính chỉ được xem (mở ở chế độ chỉ đọc, hoặc bạn không có quyền sửa). Hãy bỏ bảo vệ hoặc mở sổ tính với quyền sửa rồi thử lại.`;
    case 'InvalidArgument':
      return `Excel từ chối dữ liệu ghi vào ${where} (số hàng/cột không khớp vùng, tên hay công thức không hợp lệ)${location}; ${ADDIN_BUG}`;
    case 'ItemNotFound':
      return `không tìm thấy ${where} trong sổ tính: trang hoặc bảng đã bị xóa hay đổi tên trong lúc thao tác. Hãy tải lại dữ liệu (nút Tải lại) rồi thử lại.`;
    case 'ItemAlreadyExists':
      return `sổ tính đã có ${where} (trang hoặc bảng trùng tên); hãy đổi tên trang/bảng đó rồi thử lại.`;
    case 'RequestPayloadSizeLimitExceeded':
      return `dữ liệu gửi sang Excel cho ${where} vượt giới hạn 5 MB mỗi lần của Excel trên web${location}; ${ADDIN_BUG}`;
    case 'ResponsePayloadSizeLimitExceeded':
      return `dữ liệu Excel trả về khi đọc ${where} vượt giới hạn 5 MB mỗi lần của Excel trên web (trang quá lớn: có thể có dữ liệu thừa ở các dòng/cột rất xa). Hãy xóa các dòng, cột trống thừa ở cuối trang rồi thử lại.`;
    case 'InsertDeleteConflict':
      return `Excel không chèn/xóa được ở ${where} vì xung đột với bảng, ô gộp hoặc vùng lọc. Hãy bỏ gộp ô, bỏ lọc hoặc chuyển bảng về vùng thường rồi thử lại.`;
    case 'MergedRangeConflict':
      return `${where} chồng lên ô đã gộp (merge); hãy bỏ gộp ô rồi thử lại.`;
    case 'FilteredRangeConflict':
      return `${where} đang được lọc (filter); hãy bỏ lọc rồi thử lại.`;
    case 'InvalidReference':
      return `Excel không tìm thấy vùng ô cần dùng ở ${where}${location} (vùng đã bị xóa, hoặc địa chỉ không hợp lệ); ${ADDIN_BUG}`;
    case 'InvalidOperationInCellEditMode':
    case 'EditModeCannotAcquireLock':
      return `Excel đang ở chế độ sửa ô (con trỏ đang nằm trong một ô). Hãy nhấn Enter hoặc Esc rồi thử lại.`;
    case 'Conflict':
      return `người khác đang sửa ${where} cùng lúc (đồng soạn thảo); hãy đợi vài giây, tải lại rồi thử lại.`;
    case 'ApiNotFound':
    case 'UnsupportedOperation':
    case 'NotImplemented':
      return `phiên bản Excel này không hỗ trợ thao tác cần cho ${where}${location}. Hãy cập nhật Excel (Microsoft 365, Excel 2021 trở lên hoặc Excel trên web), hoặc dùng ứng dụng web Thi đua trên cùng tệp sổ tính.`;
    case 'InvalidOperation':
      return `Excel không cho thực hiện thao tác trên ${where}${location} (ví dụ: ẩn hay xóa trang hiển thị cuối cùng, bảo vệ trang đã được bảo vệ); ${ADDIN_BUG}`;
    case 'ActivityLimitReached':
    case 'RequestAborted':
      return `Excel đã dừng yêu cầu khi xử lý ${where} (quá nhiều thao tác hoặc hết thời gian); hãy thử lại.`;
    case 'PropertyNotLoaded':
    case 'ValueNotLoaded':
    case 'InvalidObjectPath':
    case 'InvalidRequestContext':
      return `Excel báo ${code} khi xử lý ${where}${location}: ${ADDIN_BUG}`;
    case 'GeneralException':
      return `Excel báo lỗi chung khi xử lý ${where}${location}. Hãy lưu sổ tính, đóng và mở lại Excel rồi thử lại; nếu vẫn lỗi, ${ADDIN_BUG}`;
    default:
      return `Excel báo lỗi ${code} khi xử lý ${where}${location}: ${e.message}`;
  }
}

/** An OfficeExtension.Error → the problems to show, in Vietnamese, with the sheet and cell. */
export function excelErrorToProblems(e: unknown, context: ExcelErrorContext): InputProblem[] {
  if (!isOfficeError(e))
    return [
      {
        source: 'Excel',
        location: context.action,
        message: e instanceof Error ? e.message : String(e),
      },
    ];
  const code = e.code || e.debugInfo?.code || 'GeneralException';
  const at = lastTrace(e);
  const sheets = context.sheets ?? [];
  const source = at?.sheet ?? (sheets.length === 1 ? sheets[0]! : 'Excel');
  const location = at?.address
    ? `${at.address.includes(':') ? 'vùng' : 'ô'} ${at.address}`
    : at
      ? 'trang tính'
      : sheets.length > 1
        ? `các trang ${sheets.slice(0, 5).join(', ')}${sheets.length > 5 ? '…' : ''}`
        : sheets.length === 1
          ? 'trang tính'
          : 'sổ tính';
  const where = at
    ? `trang "${at.sheet}"${at.address ? `, ${location}` : ''}${at.step ? ` (${at.step})` : ''}`
    : sheets.length === 1
      ? `trang "${sheets[0]}"`
      : sheets.length > 1
        ? `${sheets.length} trang (${sheets.slice(0, 3).join(', ')}${sheets.length > 3 ? '…' : ''})`
        : 'sổ tính';
  return [{ source, location, message: explain(code, where, e) }];
}

/**
 * Thrown when Excel refuses an action. It is an InputError (the task pane lists its problems), but
 * its message says what Excel did, and whether part of the action was already written.
 */
export class ExcelError extends InputError {
  constructor(
    problems: readonly InputProblem[],
    readonly code: string,
    action: string,
    readonly partial: boolean,
  ) {
    super(problems, excelErrorTitle(code, partial));
    this.name = 'ExcelError';
    this.message =
      `Excel báo lỗi khi ${action}${partial ? ' — một phần đã được ghi, hãy chạy lại thao tác sau khi sửa' : ''}:\n` +
      problems.map((p) => `- ${p.source}, ${p.location}: ${p.message}`).join('\n');
  }
}

/** What the pane's notice says above an Excel error: what stopped, and whether anything was written. */
function excelErrorTitle(code: string, partial: boolean): string {
  const written = partial ? 'một phần đã được ghi' : 'chưa ghi gì';
  if (code === 'RangeExceedsLimit' && !partial) return TOO_LARGE_TITLE;
  if (code === 'InternalError') return `Lỗi của add-in thidua, ${written}`;
  return `Excel báo lỗi, ${written}`;
}

/**
 * What the adapter throws for an error inside Excel.run: an Excel error becomes an ExcelError in
 * Vietnamese; the adapter's own InputErrors pass through; anything else is a defect of the add-in,
 * said so in Vietnamese with the original kept as `cause`.
 */
export function toExcelError(e: unknown, context: ExcelErrorContext): unknown {
  if (e instanceof InputError) return e;
  const error = isOfficeError(e)
    ? new ExcelError(excelErrorToProblems(e, context), e.code, context.action, !!context.partial)
    : new ExcelError(
        [
          {
            source: 'thidua',
            location: context.action,
            message: `${ADDIN_BUG} (${e instanceof Error ? e.message : String(e)})`,
          },
        ],
        'InternalError',
        context.action,
        !!context.partial,
      );
  error.cause = e;
  return error;
}

/**
 * Below ExcelApi 1.7 (docs/deploy.md, "Which Office"). Where each Office stops, from Microsoft's
 * "Excel JavaScript API requirement sets" table (learn.microsoft.com/javascript/api/requirement-sets/
 * excel/excel-api-requirement-sets): volume-licensed perpetual Office stays at the set it shipped
 * with (2016: ExcelApi 1.1; 2019: 1.7; 2021: 1.14; 2024: 1.17); retail perpetual and Microsoft 365
 * follow their updates to the current set; Office not updated since early 2018 (build 9001) stops
 * below 1.7. The manifest asks for 1.7, so Office should not even offer the add-in below it; this
 * is what the pane says if it opens anyway.
 */
export const OLD_EXCEL_MESSAGE =
  'Excel này chưa có ExcelApi 1.7, bộ lệnh mà add-in Thi đua cần. Office mua theo giấy phép số lượng lớn dừng ở bộ lệnh của bản phát hành: Office 2016 mua theo giấy phép số lượng lớn chỉ có ExcelApi 1.1, Office 2019 dừng ở ExcelApi 1.7 (và hiển thị add-in bằng Internet Explorer, nơi add-in không chạy), Office 2021 ở ExcelApi 1.14; Office bán lẻ và Microsoft 365 có bộ lệnh mới nhất khi được cập nhật (bản không cập nhật từ đầu năm 2018 cũng thiếu ExcelApi 1.7). Add-in chạy trong Microsoft 365, Excel 2021 trở lên và Excel trên web. Không cần cài gì thêm: hãy dùng ứng dụng web Thi đua trên cùng tệp sổ tính, hoặc cập nhật Office nếu bản của bạn được cập nhật (Tệp › Tài khoản › Tùy chọn cập nhật › Cập nhật ngay).';

/** Excel is older than the add-in needs (ExcelApi below 1.7). */
export class ExcelVersionError extends Error {
  constructor(readonly missing: string) {
    super(OLD_EXCEL_MESSAGE);
    this.name = 'ExcelVersionError';
  }
}
