/**
 * A problem in what a person gave us (a cell, a CSV line), named so they can find it: the sheet or
 * file, the cell or line, the criterion code when there is one, and a Vietnamese message.
 */
export interface InputProblem {
  /** Sheet name or file name. */
  source: string;
  /** "ô F12", "dòng 7"… */
  location: string;
  code?: string;
  message: string;
}

export function describeProblem(p: InputProblem): string {
  const code = p.code ? ` (tiêu chí ${p.code})` : '';
  return `${p.source}, ${p.location}${code}: ${p.message}`;
}

/** Title of every refusal of input: the action checked first and wrote nothing. */
export const INVALID_TITLE = 'Dữ liệu không hợp lệ, chưa ghi gì';

/** Title of a file that cannot be opened (damaged, foreign, locked, hostile or too large). */
export const UNOPENED_TITLE = 'Không mở được tệp, chưa ghi gì';

/**
 * Thrown when input is refused: nothing has been written. `title` says why when it is not the
 * data (a workbook whose structure is locked, a sheet too large to read).
 */
export class InputError extends Error {
  constructor(
    readonly problems: readonly InputProblem[],
    readonly title: string = INVALID_TITLE,
  ) {
    super(
      `${title} (${problems.length} lỗi):\n` +
        problems.map((p) => `- ${describeProblem(p)}`).join('\n'),
    );
    this.name = 'InputError';
  }
}
