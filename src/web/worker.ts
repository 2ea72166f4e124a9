/*
 * The web app's Web Worker: the file adapter (ExcelJS) off the page's main thread. It holds the
 * workbooks the page opened, under the page's handles, and answers src/web/worker-port.ts's
 * requests one after another, so a read never sees half a write. webpack.config.js builds it as an
 * entry of its own, in one file with ExcelJS inside (a worker started from a blob in the single
 * offline file could load nothing more).
 */
import { openXlsx, sheetLayout, XlsxWorkbook, xlsxBytes } from '../io/xlsx';
import { InputError } from '../workbook';
import type { WireLayout, WorkerFailure, WorkerReply, WorkerRequest } from './worker-port';

/** The worker's global scope, as far as it is used (the project's types are the page's). */
const scope = self as unknown as {
  postMessage(reply: WorkerReply, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<WorkerRequest>) => void): void;
};

const workbooks = new Map<number, XlsxWorkbook>();

function workbook(handle: number): XlsxWorkbook {
  const wb = workbooks.get(handle);
  if (!wb) throw new Error(`Không có sổ tính số ${handle} trong bộ xử lý.`);
  return wb;
}

function layouts(wb: XlsxWorkbook, names: readonly string[]) {
  return Object.fromEntries(
    names.map((n): [string, WireLayout | undefined] => {
      const layout = sheetLayout(wb, n);
      return [n, layout && { ...layout, styles: JSON.stringify(layout.styles) }];
    }),
  );
}

/** The answer to one request, and the buffers handed over with it. */
async function answer(request: WorkerRequest): Promise<[unknown, Transferable[]]> {
  switch (request.op) {
    case 'open':
      workbooks.set(request.handle, await openXlsx(request.bytes, request.name));
      return [undefined, []];
    case 'empty':
      workbooks.set(request.handle, XlsxWorkbook.empty());
      return [undefined, []];
    case 'read':
      return [await workbook(request.handle).read(request.names), []];
    case 'write': {
      const { plan } = request;
      const wb = workbook(request.handle);
      await wb.write(plan);
      if (!request.layouts) return [undefined, []];
      const written = new Set([
        ...plan.replace.map((s) => s.name),
        ...plan.update.map((u) => u.sheet),
      ]);
      return [layouts(wb, [...written]), []];
    }
    case 'bytes': {
      const bytes = await xlsxBytes(workbook(request.handle));
      return [bytes, [bytes.buffer]];
    }
    case 'layouts': {
      const wb = workbook(request.handle);
      return [layouts(wb, await wb.sheetNames()), []];
    }
    case 'close':
      workbooks.delete(request.handle);
      return [undefined, []];
  }
}

function failure(e: unknown): WorkerFailure {
  if (e instanceof InputError) return { problems: [...e.problems], title: e.title };
  return e instanceof Error
    ? { name: e.name, message: e.message }
    : { name: 'Error', message: String(e) };
}

let queue = Promise.resolve();
scope.addEventListener('message', (e) => {
  const request = e.data;
  queue = queue.then(async () => {
    try {
      const [value, transfer] = await answer(request);
      scope.postMessage({ id: request.id, value }, transfer);
    } catch (error) {
      scope.postMessage({ id: request.id, failure: failure(error) });
    }
  });
});
scope.postMessage({ ready: true });
