import {
  InputError,
  type InputProblem,
  type RangeStyle,
  type WorkbookPort,
  type WorkbookRead,
  type WritePlan,
} from '../workbook';
import type { FileLooks, SheetLook } from './web-workbook';
import type { WorkbookCodec } from './workbook-file';

/*
 * The file adapter in a Web Worker (src/web/worker.ts), so that parsing and writing a large .xlsx
 * never freezes the page. The port is the message boundary: reads and write plans are plain data,
 * so only they cross, never the workbook model. The worker keeps the workbooks (the open one, the
 * units' copies being merged) under handles this side gives out, so a new workbook needs no reply
 * before its first read. The worker answers in order, one message after another.
 */

/** What the page asks of the worker about the workbook `handle`. */
export type WorkerRequest = { id: number; handle: number } & (
  | { op: 'open'; bytes: Uint8Array; name: string }
  | { op: 'empty' }
  | { op: 'read'; names: readonly string[] }
  /** With `layouts`, the reply is the layout of each sheet the plan wrote. */
  | { op: 'write'; plan: WritePlan; layouts: boolean }
  | { op: 'bytes' }
  | { op: 'layouts' }
  | { op: 'close' }
);

/** An error as it crosses: the problems of an InputError, else the message of any other. */
export type WorkerFailure =
  { problems: InputProblem[]; title: string } | { name: string; message: string };

export type WorkerReply =
  | { id: number; value: unknown }
  | { id: number; failure: WorkerFailure }
  /** Sent once when the worker's script has run and it listens. */
  | { ready: true };

/** The error thrown on the worker's side, as the page rethrows it. */
export function errorOf(failure: WorkerFailure): Error {
  if ('problems' in failure) return new InputError(failure.problems, failure.title);
  const error = new Error(failure.message);
  error.name = failure.name;
  return error;
}

/** The worker's workbooks as the page reaches them: one request, one reply, by id. */
class WorkerWorkbooks {
  private nextId = 1;
  private nextHandle = 1;
  private readonly pending = new Map<
    number,
    { resolve(value: unknown): void; reject(e: Error): void }
  >();

  constructor(private readonly worker: Worker) {
    worker.addEventListener('message', (e: MessageEvent<WorkerReply>) => {
      const reply = e.data;
      if (!('id' in reply)) return;
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ('failure' in reply) waiting?.reject(errorOf(reply.failure));
      else waiting?.resolve(reply.value);
    });
    // A worker that dies (out of memory) fails what it was asked, instead of leaving it waiting.
    worker.addEventListener('error', (e) => {
      const error = new Error(`Bộ xử lý sổ tính dừng đột ngột: ${e.message || 'không rõ lý do'}`);
      for (const w of this.pending.values()) w.reject(error);
      this.pending.clear();
    });
  }

  handle(): number {
    return this.nextHandle++;
  }

  ask<T>(handle: number, request: DistributiveOmit<WorkerRequest, 'id' | 'handle'>): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...request, id, handle });
    });
  }
}

/**
 * A sheet's layout as it crosses: its styles (one per styled cell) as JSON, parsed when the view
 * first shows the sheet. A 60-unit workbook has some 75 000 of them: cloned as objects they took a
 * quarter of a second of the page's main thread, and most sheets are never shown.
 */
export type WireLayout = Omit<SheetLook, 'styles'> & { styles: string };

type Layouts = Record<string, WireLayout | undefined>;

/** The look of a sheet whose styles are parsed when first asked for (the tabs need none). */
function unwired({ styles, ...look }: WireLayout): SheetLook {
  let parsed: RangeStyle[] | undefined;
  return {
    ...look,
    get styles() {
      return (parsed ??= JSON.parse(styles) as RangeStyle[]);
    },
  };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A workbook the worker holds: the same port the task pane uses in-page and in Excel. */
export class WorkerPort implements WorkbookPort {
  private layouts: Layouts | undefined;
  private readonly parsed = new Map<string, SheetLook>();

  constructor(
    private readonly workbooks: WorkerWorkbooks,
    readonly handle: number,
  ) {}

  /** The file adapter gives every formula and ISO dates whatever the options ask (ReadOptions). */
  read(names: readonly string[]): Promise<WorkbookRead> {
    return this.workbooks.ask(this.handle, { op: 'read', names });
  }

  async write(plan: WritePlan): Promise<void> {
    const layouts = this.layouts !== undefined;
    try {
      const written = await this.workbooks.ask<Layouts>(this.handle, {
        op: 'write',
        plan,
        layouts,
      });
      if (!this.layouts) return;
      Object.assign(this.layouts, written);
      for (const name of Object.keys(written)) this.parsed.delete(name);
    } catch (e) {
      // A failed write may have changed some sheets: their looks are read again, all of them.
      if (layouts) this.layouts = await this.allLayouts().catch(() => this.layouts);
      this.parsed.clear();
      throw e;
    }
  }

  /** The .xlsx bytes; the worker hands its buffer over rather than copying it. */
  bytes(): Promise<Uint8Array> {
    return this.workbooks.ask(this.handle, { op: 'bytes' });
  }

  /**
   * How each sheet looks as the worker's workbook has it now, as the sheet view asks for it (it
   * asks for every tab's, synchronously): all of them once, then those each write touches (a cell
   * given a value shows its number format).
   */
  async looks(): Promise<FileLooks> {
    this.layouts = await this.allLayouts();
    this.parsed.clear();
    return (name) => {
      const wire = this.layouts?.[name];
      if (!wire) return undefined;
      let look = this.parsed.get(name);
      if (!look) this.parsed.set(name, (look = unwired(wire)));
      return look;
    };
  }

  private allLayouts(): Promise<Layouts> {
    return this.workbooks.ask(this.handle, { op: 'layouts' });
  }

  /** Lets the worker drop the workbook: it holds it in memory at tens of times its size. */
  close(): void {
    void this.workbooks.ask(this.handle, { op: 'close' });
  }
}

/** The file adapter's codec over a running worker. */
export function workerCodec(worker: Worker): WorkbookCodec<WorkerPort> {
  const workbooks = new WorkerWorkbooks(worker);
  const port = () => new WorkerPort(workbooks, workbooks.handle());
  return {
    empty: () => {
      const empty = port();
      void workbooks.ask(empty.handle, { op: 'empty' });
      return empty;
    },
    open: async (bytes, name) => {
      const opened = port();
      await workbooks.ask(opened.handle, { op: 'open', bytes, name });
      return opened;
    },
    bytes: (port) => port.bytes(),
    looks: (port) => port.looks(),
    release: (port) => port.close(),
  };
}

/**
 * Starts the worker from the page's `<script id="thidua-worker">` (webpack.config.js writes it):
 * its file, or in the single offline file its code, run from a blob. Resolves once the worker
 * listens; undefined where there is no such script or the browser cannot run it (then the page
 * keeps the adapter itself).
 */
export function startWorker(): Promise<Worker | undefined> {
  const tag = document.getElementById('thidua-worker');
  if (!tag || typeof Worker === 'undefined') return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const blob = tag.dataset.src
      ? undefined
      : URL.createObjectURL(new Blob([tag.textContent ?? ''], { type: 'text/javascript' }));
    let worker: Worker;
    try {
      worker = new Worker(tag.dataset.src ?? blob!);
    } catch {
      resolve(undefined);
      return;
    }
    const settled = (started: boolean) => {
      worker.removeEventListener('message', ready);
      worker.removeEventListener('error', failed);
      if (blob) URL.revokeObjectURL(blob);
      if (!started) worker.terminate();
      resolve(started ? worker : undefined);
    };
    const ready = (e: MessageEvent<WorkerReply>) => {
      if ('ready' in e.data) settled(true);
    };
    const failed = (e: Event) => {
      e.preventDefault();
      settled(false);
    };
    worker.addEventListener('message', ready);
    worker.addEventListener('error', failed);
  });
}
