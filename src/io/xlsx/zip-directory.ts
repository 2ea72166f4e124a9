/**
 * The central directory of a ZIP file, read without inflating anything: the End Of Central
 * Directory record, the ZIP64 locator and record, the central file headers and their ZIP64 extra
 * fields, as PKWARE's APPNOTE.TXT lays them out.
 */

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const ZIP64_EXTRA = 0x0001;
/** Compression methods: what Excel, LibreOffice and WPS write (and JSZip reads). */
export const STORED = 0;
export const DEFLATED = 8;

/** An entry as the central directory declares it. */
export interface ZipEntry {
  name: string;
  compressed: number;
  inflated: number;
  method: number;
  encrypted: boolean;
}

/** The End Of Central Directory record: the last one in the file (a comment may follow it). */
function findEocd(view: DataView): number | undefined {
  const last = view.byteLength - 22;
  // The comment is at most 65 535 bytes long.
  for (let i = last; i >= 0 && i >= last - 0xffff; i--)
    if (view.getUint32(i, true) === EOCD) return i;
  return undefined;
}

export interface Directory {
  entries: number;
  offset: number;
  size: number;
}

/** Where the central directory is, from the EOCD record or, when it says so, from ZIP64's. */
function directoryOf(view: DataView, eocd: number): Directory | undefined {
  const dir = {
    entries: view.getUint16(eocd + 10, true),
    size: view.getUint32(eocd + 12, true),
    offset: view.getUint32(eocd + 16, true),
  };
  // Multi-disk archives: Office never splits a workbook.
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0)
    return undefined;
  if (dir.entries !== 0xffff && dir.size !== 0xffffffff && dir.offset !== 0xffffffff) return dir;
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) return undefined;
  const at = Number(view.getBigUint64(locator + 8, true));
  if (at + 56 > view.byteLength || view.getUint32(at, true) !== ZIP64_EOCD) return undefined;
  return {
    entries: Number(view.getBigUint64(at + 32, true)),
    size: Number(view.getBigUint64(at + 40, true)),
    offset: Number(view.getBigUint64(at + 48, true)),
  };
}

/** The sizes a ZIP64 extra field holds for the header fields that are 0xFFFFFFFF, in order. */
function zip64Sizes(
  view: DataView,
  from: number,
  to: number,
  sizes: { compressed: number; inflated: number },
): boolean {
  for (let i = from; i + 4 <= to;) {
    const id = view.getUint16(i, true);
    const length = view.getUint16(i + 2, true);
    if (id === ZIP64_EXTRA) {
      let at = i + 4;
      const read = () => {
        if (at + 8 > i + 4 + length) return undefined;
        const v = Number(view.getBigUint64(at, true));
        at += 8;
        return v;
      };
      if (sizes.inflated === 0xffffffff) sizes.inflated = read() ?? -1;
      if (sizes.compressed === 0xffffffff) sizes.compressed = read() ?? -1;
      return sizes.inflated >= 0 && sizes.compressed >= 0;
    }
    i += 4 + length;
  }
  return false;
}

/** Where the central directory is and how many entries it has; undefined for no ZIP. */
export function locateDirectory(bytes: Uint8Array): Directory | undefined {
  if (bytes.length < 22) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  const dir = eocd === undefined ? undefined : directoryOf(view, eocd);
  return dir && dir.offset + dir.size <= bytes.length ? dir : undefined;
}

/** The directory's entries; undefined when a header runs past the file or is not one. */
export function directoryEntries(bytes: Uint8Array, dir: Directory): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let at = dir.offset;
  for (let n = 0; n < dir.entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_HEADER) return undefined;
    const sizes = {
      compressed: view.getUint32(at + 20, true),
      inflated: view.getUint32(at + 24, true),
    };
    const nameAt = at + 46;
    const extraAt = nameAt + view.getUint16(at + 28, true);
    const extraEnd = extraAt + view.getUint16(at + 30, true);
    const next = extraEnd + view.getUint16(at + 32, true);
    if (next > bytes.length) return undefined;
    if (
      (sizes.compressed === 0xffffffff || sizes.inflated === 0xffffffff) &&
      !zip64Sizes(view, extraAt, extraEnd, sizes)
    )
      return undefined;
    entries.push({
      name: decoder.decode(bytes.subarray(nameAt, extraAt)),
      ...sizes,
      method: view.getUint16(at + 10, true),
      encrypted: (view.getUint16(at + 8, true) & 1) === 1,
    });
    at = next;
  }
  return entries;
}
