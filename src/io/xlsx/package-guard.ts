import JSZip from 'jszip';
import { formatMegabytes } from '../../core/text/vietnamese';
import { DEFLATED, directoryEntries, locateDirectory, STORED } from './zip-directory';

/**
 * Checks on an .xlsx package (a ZIP of XML parts) before ExcelJS inflates it: a small file can
 * inflate to gigabytes (a zip bomb), and an XML part can declare entities that expand
 * exponentially (billion laughs). Office writes neither, so both are refused with a reason.
 */

/**
 * The most a package may inflate to, all parts together. The 60-unit × 150-criteria benchmark
 * workbook inflates to 13 MB and ExcelJS peaks at about 17 times the inflated size while loading
 * it (226 MB of memory): 128 MB would already take some 2 GB, more than a browser tab has.
 */
export const MAX_INFLATED_BYTES = 128 * 1024 * 1024;

/**
 * The most a part past `RATIO_FROM_BYTES` may inflate per compressed byte. Sheets as Excel,
 * LibreOffice or ExcelJS write them compress 5 to 15 times (the benchmark workbook at most 11);
 * even a million formatted empty rows, each written out, compress 46 times (measured with zlib);
 * a part 200 times smaller than its content is data made to inflate.
 */
export const MAX_RATIO = 200;
/** Small parts (an empty sheet, a style sheet) may compress well past any ratio, harmlessly. */
const RATIO_FROM_BYTES = 1024 * 1024;

/** The benchmark workbook has 98 parts (a sheet brings 2 to 4); past this the package is odd. */
export const MAX_PARTS = 10_000;

/** The parts ExcelJS parses as XML. */
const XML_PART = /\.(xml|rels|vml)$/i;
/** An XML declaration, processing instructions, comments and space may come before the root. */
const PROLOGUE_BYTES = 64 * 1024;

/**
 * JSZip's documented ZipObject#internalStream (its StreamHelper), which its type definitions omit:
 * chunks as they inflate, without keeping them.
 */
interface ChunkStream {
  on(event: 'data', listener: (chunk: Uint8Array) => void): ChunkStream;
  on(event: 'error', listener: (error: Error) => void): ChunkStream;
  on(event: 'end', listener: () => void): ChunkStream;
  pause(): ChunkStream;
  resume(): ChunkStream;
}
type StreamingEntry = JSZip.JSZipObject & { internalStream(type: 'uint8array'): ChunkStream };

/** A part as the central directory declares it. */
export interface PackagePart {
  name: string;
  compressed: number;
  inflated: number;
}

/** Why the package is refused; `unreadable` is a damaged or foreign file. */
export type PackageRefusal = { unreadable: true } | { unreadable: false; message: string };

const refuse = (message: string): PackageRefusal => ({ unreadable: false, message });
const UNREADABLE: PackageRefusal = { unreadable: true };

const BOMB_ADVICE =
  'tệp có thể đã bị làm ra để làm treo máy (zip bomb) nên không được mở. Hãy xin lại tệp gốc do Excel, LibreOffice hoặc WPS lưu.';

/**
 * The package's parts with their declared sizes, from its central directory, without inflating
 * anything; a refusal for what no office program writes. Not a ZIP, or a damaged one:
 * `unreadable`.
 */
export function packageParts(bytes: Uint8Array): PackagePart[] | PackageRefusal {
  const directory = locateDirectory(bytes);
  if (!directory) return UNREADABLE;
  if (directory.entries > MAX_PARTS)
    return refuse(
      `tệp có ${directory.entries} phần, quá ${MAX_PARTS} phần mà một sổ tính thật không bao giờ tới (sổ tính 60 đơn vị × 150 tiêu chí có 98 phần); ${BOMB_ADVICE}`,
    );
  const entries = directoryEntries(bytes, directory);
  if (!entries) return UNREADABLE;
  const locked = entries.find((e) => e.encrypted);
  if (locked)
    return refuse(
      `phần "${locked.name}" của tệp được nén kèm mật khẩu (zip mã hóa), không đọc được; Excel không lưu sổ tính như vậy. Hãy xin lại tệp gốc, hoặc giải nén bằng mật khẩu rồi mở bằng Excel và lưu lại dạng .xlsx.`,
    );
  const odd = entries.find((e) => e.method !== STORED && e.method !== DEFLATED);
  if (odd)
    return refuse(
      `phần "${odd.name}" được nén theo cách (phương thức ${odd.method}) mà Excel, LibreOffice và WPS không dùng, không đọc được. Hãy xin lại tệp gốc do Excel lưu.`,
    );
  return entries.map(({ name, compressed, inflated }) => ({ name, compressed, inflated }));
}

/** Refuses, from its central directory alone, a package that would inflate past the limits. */
export function inflationRefusal(parts: readonly PackagePart[]): PackageRefusal | undefined {
  const total = parts.reduce((sum, p) => sum + p.inflated, 0);
  const compressed = parts.reduce((sum, p) => sum + p.compressed, 0);
  if (total > MAX_INFLATED_BYTES)
    return refuse(
      `tệp nén ${formatMegabytes(compressed)} nhưng giải nén ra ${formatMegabytes(total)}, quá ${formatMegabytes(MAX_INFLATED_BYTES)} mà thidua mở được (sổ tính 60 đơn vị × 150 tiêu chí giải nén ra chừng 13 MB): tệp có trang rất lớn (ví dụ định dạng từng dòng cho cả triệu dòng) hoặc đã bị làm ra để làm treo máy (zip bomb), nên không được mở. Nếu là sổ tính của khối, hãy mở bằng Excel hoặc LibreOffice, xóa các trang, dòng thừa rồi lưu lại; nếu không rõ nguồn, hãy xin lại tệp gốc.`,
    );
  const dense = parts.find(
    (p) => p.inflated > RATIO_FROM_BYTES && p.inflated > MAX_RATIO * p.compressed,
  );
  if (dense)
    return refuse(
      `phần "${dense.name}" nén ${formatMegabytes(dense.compressed)} nhưng giải nén ra ${formatMegabytes(dense.inflated)} (gấp ${Math.round(dense.inflated / Math.max(1, dense.compressed))} lần, quá ${MAX_RATIO} lần mà Excel không bao giờ tạo ra); ${BOMB_ADVICE}`,
    );
  return undefined;
}

/**
 * Whether the start of an XML part declares a document type: skips the XML declaration,
 * processing instructions, comments and space, and looks at what comes next. Undefined when the
 * prologue is longer than `head` holds.
 */
export function declaresDoctype(head: string): boolean | undefined {
  let i = head.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (i < head.length && /\s/.test(head[i]!)) i++;
    if (i >= head.length) return undefined;
    const close = head.startsWith('<?', i) ? '?>' : head.startsWith('<!--', i) ? '-->' : '';
    if (close) {
      const end = head.indexOf(close, i);
      if (end < 0) return undefined;
      i = end + close.length;
      continue;
    }
    return head.startsWith('<!DOCTYPE', i);
  }
}

/**
 * Inflates one part to count its bytes, keeping none but the prologue of an XML part: a refusal
 * when it inflates past what the central directory declared (which the limits trusted), or when
 * it declares a document type, before ExcelJS's parser could see it.
 */
function partRefusal(zip: JSZip, part: PackagePart): Promise<PackageRefusal | undefined> {
  const entry = zip.file(part.name) as StreamingEntry | null;
  if (!entry) return Promise.resolve(undefined);
  const xml = XML_PART.test(part.name);
  return new Promise((resolve) => {
    const stream = entry.internalStream('uint8array');
    let count = 0;
    let head = '';
    const decoder = new TextDecoder();
    const stop = (verdict: PackageRefusal | undefined) => {
      stream.pause();
      resolve(verdict);
    };
    stream
      .on('data', (chunk: Uint8Array) => {
        count += chunk.length;
        if (count > part.inflated)
          return stop(
            refuse(
              `phần "${part.name}" giải nén ra nhiều hơn ${part.inflated} byte mà mục lục của tệp ghi; ${BOMB_ADVICE}`,
            ),
          );
        if (!xml || head.length >= PROLOGUE_BYTES) return;
        head += decoder.decode(chunk.subarray(0, PROLOGUE_BYTES - head.length), { stream: true });
        const doctype = declaresDoctype(head);
        if (doctype === true)
          stop(
            refuse(
              `phần "${part.name}" khai báo DOCTYPE (định nghĩa thực thể XML), điều Excel, LibreOffice và WPS không bao giờ ghi; khai báo này có thể làm treo máy khi đọc (billion laughs) nên tệp không được mở. Hãy xin lại tệp gốc do Excel lưu.`,
            ),
          );
        else if (doctype === undefined && head.length >= PROLOGUE_BYTES)
          stop(
            refuse(
              `phần "${part.name}" có hơn ${PROLOGUE_BYTES / 1024} KB trước thẻ XML đầu tiên, điều Excel, LibreOffice và WPS không bao giờ ghi; tệp không được mở. Hãy xin lại tệp gốc do Excel lưu.`,
            ),
          );
      })
      .on('error', () => stop(UNREADABLE))
      .on('end', () => resolve(undefined))
      .resume();
  });
}

/**
 * Why an .xlsx package must not be opened, or undefined when it may. The central directory is read
 * first, so a zip bomb is refused before a byte is inflated; then each part is inflated once and
 * dropped, to hold it to its declared size and to find DOCTYPE declarations.
 */
export async function packageRefusal(bytes: Uint8Array): Promise<PackageRefusal | undefined> {
  const parts = packageParts(bytes);
  if (!Array.isArray(parts)) return parts;
  const early = inflationRefusal(parts);
  if (early) return early;
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return UNREADABLE;
  }
  for (const part of parts) {
    const verdict = await partRefusal(zip, part);
    if (verdict) return verdict;
  }
  return undefined;
}
