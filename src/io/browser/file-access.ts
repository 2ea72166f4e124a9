/*
 * Opening and saving the user's own workbook file. Where the browser has the File System Access
 * API (Edge and Chrome on Windows and elsewhere), the file is opened with a handle and "Lưu" writes
 * back to it; elsewhere (Firefox, Safari, a page without `showOpenFilePicker`) the file comes from
 * an <input type="file"> and saving is a download under the same name.
 */

/** The parts of the File System Access API used here; TypeScript's DOM library lacks the pickers. */
interface PickerOptions {
  types?: { description: string; accept: Record<string, string[]> }[];
  excludeAcceptAllOption?: boolean;
  suggestedName?: string;
}
type PickerWindow = Window & {
  showOpenFilePicker?: (options?: PickerOptions) => Promise<FileSystemFileHandle[]>;
  showSaveFilePicker?: (options?: PickerOptions) => Promise<FileSystemFileHandle>;
};
type PermissionHandle = FileSystemFileHandle & {
  queryPermission?: (d: { mode: 'readwrite' }) => Promise<PermissionState>;
  requestPermission?: (d: { mode: 'readwrite' }) => Promise<PermissionState>;
};

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const XLSX_TYPES: PickerOptions['types'] = [
  { description: 'Sổ tính Excel (.xlsx)', accept: { [XLSX_MIME]: ['.xlsx'] } },
];

/** What the file input accepts: the .xlsx type, and its extension for systems without MIME types. */
export const XLSX_ACCEPT = `.xlsx,${XLSX_MIME}`;

/** A workbook file the user chose: its name, bytes and, where the browser gives one, its handle. */
export interface PickedWorkbook {
  name: string;
  bytes: Uint8Array;
  handle?: FileSystemFileHandle;
}

const pickers = (): PickerWindow => window as PickerWindow;

/** True where "Mở sổ tính…" can open a file with a handle that "Lưu" writes back to. */
export function canSaveInPlace(): boolean {
  return typeof pickers().showOpenFilePicker === 'function';
}

const isAbort = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';

/**
 * Asks for a workbook with the system's open dialog and a handle; null when the user cancels.
 * Only where `canSaveInPlace()`; elsewhere the door shows its file input.
 */
export async function pickWorkbookWithHandle(): Promise<PickedWorkbook | null> {
  const open = pickers().showOpenFilePicker;
  if (!open) throw new Error('showOpenFilePicker is not available');
  try {
    const [handle] = await open({ types: XLSX_TYPES, excludeAcceptAllOption: false });
    if (!handle) return null;
    const file = await handle.getFile();
    return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), handle };
  } catch (e) {
    if (isAbort(e)) return null;
    throw e;
  }
}

/** Asks where to save a copy (with a handle); null when the user cancels or the browser cannot. */
export async function pickSaveHandle(suggestedName: string): Promise<FileSystemFileHandle | null> {
  const save = pickers().showSaveFilePicker;
  if (!save) return null;
  try {
    return await save({ types: XLSX_TYPES, suggestedName });
  } catch (e) {
    if (isAbort(e)) return null;
    throw e;
  }
}

/**
 * Writes the bytes to the file behind the handle. The browser writes to a temporary file and
 * replaces the original only when the stream closes, so a failed save leaves the file as it was.
 * False when the user refuses the permission to write.
 */
export async function writeToHandle(
  handle: FileSystemFileHandle,
  bytes: Uint8Array,
): Promise<boolean> {
  const h = handle as PermissionHandle;
  if (h.queryPermission && (await h.queryPermission({ mode: 'readwrite' })) !== 'granted') {
    if (!h.requestPermission || (await h.requestPermission({ mode: 'readwrite' })) !== 'granted')
      return false;
  }
  const stream = await handle.createWritable();
  try {
    await stream.write(bytes.slice());
    await stream.close();
  } catch (e) {
    // Abort drops the temporary file: the original stays untouched.
    await stream.abort().catch(() => undefined);
    throw e;
  }
  return true;
}
