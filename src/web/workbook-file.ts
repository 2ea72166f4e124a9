import { createWorkbook, mergeCopies } from '../app';
import {
  browserDownload,
  dropWorkingCopy,
  keepWorkingCopy,
  pickSaveHandle,
  writeToHandle,
  XLSX_MIME,
  type PickedWorkbook,
  type WorkingCopy,
} from '../io/browser';
import { formatMegabytes } from '../core';
import { SAMPLE_BLOC, SAMPLE_DATA } from '../sample';
import { InputError, UNOPENED_TITLE, type WorkbookPort } from '../workbook';
import type { FileLooks, WebWorkbook } from './web-workbook';

/**
 * The file adapter as the web app needs it, given by the entry that creates it (src/web/index.tsx):
 * a workbook from bytes and back, and the look of a file's sheets. It runs in a Web Worker where
 * the browser has one (src/web/worker-port.ts), else in the page.
 */
export interface WorkbookCodec<P extends WorkbookPort = WorkbookPort> {
  empty(): P;
  /** Refuses, with an InputError naming the file, what is not a readable .xlsx. */
  open(bytes: Uint8Array, name: string): Promise<P>;
  bytes(workbook: P): Promise<Uint8Array>;
  looks(workbook: P): Promise<FileLooks>;
  /** The workbook is no longer needed (a worker holds it until told). */
  release(workbook: P): void;
}

/** What the open workbook needs of the browser; the real one is BROWSER_FILES. */
export interface FileServices {
  keep(copy: WorkingCopy): Promise<void>;
  drop(): Promise<void>;
  download(name: string, bytes: Uint8Array): void;
  writeTo(handle: FileSystemFileHandle, bytes: Uint8Array): Promise<boolean>;
  pickSave(suggestedName: string): Promise<FileSystemFileHandle | null>;
}

export const BROWSER_FILES: FileServices = {
  keep: keepWorkingCopy,
  drop: dropWorkingCopy,
  download: (name, bytes) => browserDownload({ name, mime: XLSX_MIME, data: bytes }),
  writeTo: writeToHandle,
  pickSave: pickSaveHandle,
};

/** Where the open workbook came from and whether it has changes its file has not. */
export interface FileState {
  name: string;
  /** Opened from a file or saved to one (a new or sample bloc is not, until saved). */
  inFile: boolean;
  /** The file's handle where the browser gave one: "Lưu" writes back to it. */
  handle?: FileSystemFileHandle;
  /** Changed since it was opened or last saved. */
  dirty: boolean;
  /** ISO date and time of the last change. */
  changedAt?: string;
  /** The last working copy could not be kept in the browser (private mode, no space). */
  keepFailed?: boolean;
}

export const NEW_FILE_NAME = 'Khối thi đua.xlsx';
export const SAMPLE_FILE_NAME = 'Khối mẫu.xlsx';

/**
 * The largest file the web app opens. ExcelJS holds a workbook in memory at some tens of times its
 * size, and a browser tab has a few GB at most: past this a tab would freeze, then crash. A bloc's
 * workbook is a few MB (60 units × 150 criteria: under 5 MB), so a bigger file has something else
 * in it.
 */
export const MAX_OPEN_BYTES = 25 * 1024 * 1024;

/** Refuses a file too large to open in a browser tab, before anything reads it. */
function refuseTooLarge(picked: PickedWorkbook) {
  if (picked.bytes.length > MAX_OPEN_BYTES)
    throw new InputError(
      [
        {
          source: picked.name,
          location: 'tệp',
          message: `tệp nặng ${formatMegabytes(picked.bytes.length)}, quá ${formatMegabytes(MAX_OPEN_BYTES)} mà ứng dụng web mở được trong trình duyệt. Sổ tính của một khối thường dưới 5 MB: hãy mở tệp bằng Excel hoặc LibreOffice, xóa các trang, dòng, hình ảnh thừa rồi lưu lại; hoặc dùng lệnh thidua trên máy tính.`,
        },
      ],
      UNOPENED_TITLE,
    );
}

/** How long after a change the working copy is written (changes often come in bursts). */
const KEEP_DELAY_MS = 600;

/**
 * The open workbook file of the web app: opening, a new or sample bloc, restoring the working
 * copy, saving, and merging units' copies. After every change the working copy is kept in the
 * browser; a save drops it. Listeners hear every change of the file state.
 */
export class WorkbookFile<P extends WorkbookPort = WorkbookPort> {
  private file: FileState = { name: NEW_FILE_NAME, inFile: false, dirty: false };
  private readonly listeners = new Set<() => void>();
  private keepTimer: ReturnType<typeof setTimeout> | undefined;
  private keeping: Promise<void> = Promise.resolve();
  /** Writes made to the workbook so far, and the bytes of the latest state asked for. */
  private writes = 0;
  private written: { port: P; writes: number; bytes: Promise<Uint8Array> } | undefined;

  constructor(
    readonly workbook: WebWorkbook<P>,
    private readonly codec: WorkbookCodec<P>,
    private readonly files: FileServices = BROWSER_FILES,
    private readonly now: () => Date = () => new Date(),
  ) {
    workbook.onWrite(() => {
      this.writes++;
      this.changed();
    });
  }

  get state(): FileState {
    return this.file;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): FileState => this.file;

  /** Opens a picked file in place of the current workbook; a refusal leaves the current one. */
  async open(picked: PickedWorkbook): Promise<void> {
    refuseTooLarge(picked);
    await this.swap(await this.codec.open(picked.bytes, picked.name));
    this.set({
      name: picked.name,
      inFile: true,
      ...(picked.handle ? { handle: picked.handle } : {}),
      dirty: false,
    });
  }

  /** An empty workbook, to set a new bloc up in. */
  startNew(): void {
    this.cancelKeep();
    this.codec.release(this.workbook.inner);
    this.workbook.swap(this.codec.empty());
    this.set({ name: NEW_FILE_NAME, inFile: false, dirty: false });
  }

  /** The sample bloc (Khối Nội chính, 9 units) with its scores and people, as an unsaved file. */
  async openSample(): Promise<void> {
    this.startNew();
    this.set({ name: SAMPLE_FILE_NAME, inFile: false, dirty: false });
    await createWorkbook(this.workbook, SAMPLE_BLOC, SAMPLE_DATA);
  }

  /** The working copy of an earlier visit, with its unsaved changes. */
  async restore(copy: WorkingCopy): Promise<void> {
    await this.swap(await this.codec.open(copy.bytes, copy.name));
    this.set({
      name: copy.name,
      inFile: false,
      ...(copy.handle ? { handle: copy.handle } : {}),
      dirty: true,
      changedAt: copy.changedAt,
    });
  }

  /**
   * "Lưu": back to the file where the browser gave a handle (and the user allows writing), else a
   * download under the same name. Returns how it was saved.
   */
  async save(): Promise<'file' | 'download'> {
    const bytes = await this.bytes();
    let how: 'file' | 'download' = 'download';
    if (this.file.handle && (await this.files.writeTo(this.file.handle, bytes))) how = 'file';
    else this.files.download(this.file.name, bytes);
    await this.saved({
      name: this.file.name,
      ...(how === 'file' ? { handle: this.file.handle } : {}),
    });
    return how;
  }

  /** "Lưu thành…": a new file where the browser can ask for one, else a download. */
  async saveAs(): Promise<'file' | 'download' | 'cancelled'> {
    const bytes = await this.bytes();
    const handle = await this.files.pickSave(this.file.name);
    if (handle) {
      if (!(await this.files.writeTo(handle, bytes))) return 'cancelled';
      await this.saved({ name: handle.name, handle });
      return 'file';
    }
    this.files.download(this.file.name, bytes);
    await this.saved({ name: this.file.name });
    return 'download';
  }

  /**
   * "Gộp bản sao…": the unit sheets filled in copies go into this workbook, as `thidua merge
   * --into` does. A conflict refuses the whole merge (InputError listing each). Returns the units
   * merged.
   */
  async merge(copies: readonly PickedWorkbook[]): Promise<string[]> {
    const named: { file: string; port: P }[] = [];
    copies.forEach(refuseTooLarge);
    try {
      for (const c of copies)
        named.push({ file: c.name, port: await this.codec.open(c.bytes, c.name) });
      return await mergeCopies({ file: this.file.name, port: this.workbook }, named);
    } finally {
      for (const n of named) this.codec.release(n.port);
    }
  }

  /** Waits until the working copy of the latest change is kept (tests, and before leaving). */
  async flush(): Promise<void> {
    if (this.keepTimer !== undefined) {
      clearTimeout(this.keepTimer);
      this.keepTimer = undefined;
      this.keeping = this.keeping.then(() => this.keep());
    }
    await this.keeping;
  }

  /** An opened workbook in place of the current one, with the look of its sheets. */
  private async swap(port: P) {
    let looks: FileLooks;
    try {
      looks = await this.codec.looks(port);
    } catch (e) {
      this.codec.release(port);
      throw e;
    }
    this.cancelKeep();
    this.codec.release(this.workbook.inner);
    this.workbook.swap(port, looks);
  }

  /**
   * The workbook's .xlsx bytes, written once per state: the working copy kept after a change and
   * a save right after share them (a large workbook takes seconds to write).
   */
  private bytes(): Promise<Uint8Array> {
    const { inner } = this.workbook;
    if (this.written?.port !== inner || this.written.writes !== this.writes) {
      const bytes = this.codec.bytes(inner);
      const written = { port: inner, writes: this.writes, bytes };
      this.written = written;
      bytes.catch(() => {
        if (this.written === written) this.written = undefined;
      });
    }
    return this.written!.bytes;
  }

  private async saved(file: Pick<FileState, 'name' | 'handle'>) {
    this.cancelKeep();
    this.set({
      name: file.name,
      inFile: true,
      ...(file.handle ? { handle: file.handle } : {}),
      dirty: false,
    });
    await this.keeping;
    await this.files.drop();
  }

  private changed() {
    this.set({ ...this.file, dirty: true, changedAt: this.now().toISOString() });
    if (this.keepTimer !== undefined) clearTimeout(this.keepTimer);
    this.keepTimer = setTimeout(() => {
      this.keepTimer = undefined;
      this.keeping = this.keeping.then(() => this.keep());
    }, KEEP_DELAY_MS);
  }

  private cancelKeep() {
    if (this.keepTimer !== undefined) clearTimeout(this.keepTimer);
    this.keepTimer = undefined;
  }

  /** Writes the working copy; a failure is reported once, and the work goes on. */
  private async keep(): Promise<void> {
    const { name, handle, changedAt, dirty } = this.file;
    if (!dirty) return;
    try {
      const bytes = await this.bytes();
      await this.files.keep({
        name,
        bytes,
        changedAt: changedAt ?? this.now().toISOString(),
        ...(handle ? { handle } : {}),
      });
      if (this.file.keepFailed) this.set({ ...this.file, keepFailed: false });
    } catch {
      this.set({ ...this.file, keepFailed: true });
    }
  }

  private set(file: FileState) {
    this.file = file;
    for (const l of this.listeners) l();
  }
}
