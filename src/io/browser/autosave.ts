/*
 * The working copy of the open workbook, kept in the browser (IndexedDB) after every change, so
 * that closing the tab, a crash or a reload loses nothing: reopening the page offers to restore it.
 * One copy per page origin: a bloc leader works on one workbook at a time.
 */

/** The working copy: the workbook's bytes, its file name and when it last changed. */
export interface WorkingCopy {
  name: string;
  bytes: Uint8Array;
  /** ISO date and time of the last change. */
  changedAt: string;
  /** The file's handle where the browser gave one (File System Access API), so "Lưu" still can. */
  handle?: FileSystemFileHandle;
}

const DB = 'thidua';
const STORE = 'working-copy';
const KEY = 'current';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB không mở được.'));
  });
}

async function run<T>(
  mode: IDBTransactionMode,
  action: (store: IDBObjectStore) => IDBRequest,
): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = action(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result as T);
      tx.onerror = () => reject(tx.error ?? request.error);
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB: giao dịch bị hủy.'));
    });
  } finally {
    db.close();
  }
}

/** True where the page can keep a working copy (IndexedDB exists and opens). */
export async function canKeepWorkingCopy(): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false;
  try {
    (await openDb()).close();
    return true;
  } catch {
    return false;
  }
}

/** The working copy left by an earlier visit, if any. */
export async function readWorkingCopy(): Promise<WorkingCopy | undefined> {
  const copy = await run<WorkingCopy | undefined>('readonly', (s) => s.get(KEY));
  return copy && copy.bytes instanceof Uint8Array ? copy : undefined;
}

/** Keeps the working copy, replacing the previous one. */
export async function keepWorkingCopy(copy: WorkingCopy): Promise<void> {
  try {
    await run('readwrite', (s) => s.put(copy, KEY));
  } catch (e) {
    // A handle that cannot be stored (some browsers refuse to clone it) must not cost the copy.
    if (!copy.handle || !(e instanceof DOMException) || e.name !== 'DataCloneError') throw e;
    await run('readwrite', (s) => s.put({ ...copy, handle: undefined }, KEY));
  }
}

/** Drops the working copy (after a save, or when the user declines to restore it). */
export async function dropWorkingCopy(): Promise<void> {
  await run('readwrite', (s) => s.delete(KEY));
}
