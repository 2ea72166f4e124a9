// Errors shaped as office.js throws them, so the adapter's error handling is tested against the
// same fields (code, debugInfo.errorLocation, traceMessages) it reads in Excel.

/** An Excel error as office.js gives it (OfficeExtension.Error: name "RichApi.Error"). */
export class StandinError extends Error {
  override name = 'RichApi.Error';
  debugInfo: { code: string; message: string; errorLocation: string };
  traceMessages: string[] = [];
  constructor(
    readonly code: string,
    message: string,
    errorLocation = '',
  ) {
    super(message);
    this.debugInfo = { code, message, errorLocation };
  }
}

export const fail = (code: string, message: string, where = ''): never => {
  throw new StandinError(code, message, where);
};
