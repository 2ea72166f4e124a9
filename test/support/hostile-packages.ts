import { crc32, deflateRawSync, constants } from 'node:zlib';
import JSZip from 'jszip';

/**
 * Hostile .xlsx packages written byte by byte: a zip bomb (a part that inflates to 1.5 GB from
 * about 1.5 MB), one whose central directory lies about the size, ZIP64 records, a part with the
 * "encrypted" flag, and a sheet declaring the billion-laughs entities. The ZIP layout (local and
 * central headers, ZIP64 records and extra field, EOCD) follows PKWARE's APPNOTE.TXT.
 */

export interface RawPart {
  name: string;
  /** The deflated bytes as stored. */
  data: Uint8Array;
  crc: number;
  /** What the central directory declares the part inflates to. */
  inflated: number;
  flags?: number;
}

/** A part deflated from its content. */
export function deflated(name: string, content: Uint8Array | string): RawPart {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, data: deflateRawSync(bytes), crc: crc32(bytes), inflated: bytes.length };
}

/**
 * A part of `size` zero bytes deflated without ever holding them: one megabyte of zeros deflated
 * with a full flush is a self-contained, byte-aligned piece of a deflate stream, so the stream is
 * that piece repeated, then an empty final block (RFC 1951, 3.2.3–3.2.4).
 */
export function zeros(name: string, megabytes: number): RawPart {
  const mb = Buffer.alloc(1024 * 1024);
  const piece = deflateRawSync(mb, { finishFlush: constants.Z_FULL_FLUSH });
  const data = Buffer.alloc(piece.length * megabytes + 2);
  let crc = 0;
  for (let i = 0; i < megabytes; i++) {
    piece.copy(data, i * piece.length);
    crc = crc32(mb, crc);
  }
  // BFINAL=1, BTYPE=01 (fixed Huffman), then the end-of-block code: 0x03 0x00.
  data.set([0x03, 0x00], piece.length * megabytes);
  return { name, data, crc, inflated: megabytes * 1024 * 1024 };
}

/** The parts of a real workbook, each deflated again as it is. */
export async function partsOf(xlsx: Uint8Array): Promise<RawPart[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const parts: RawPart[] = [];
  for (const entry of Object.values(zip.files))
    if (!entry.dir) parts.push(deflated(entry.name, await entry.async('uint8array')));
  return parts;
}

const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};
const u64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
};

/**
 * The ZIP file of `parts`. With `zip64`, every size and offset is 0xFFFFFFFF in the headers and
 * held in ZIP64 extra fields, and the directory is found through the ZIP64 records.
 */
export function zipOf(parts: readonly RawPart[], options: { zip64?: boolean } = {}): Buffer {
  const zip64 = options.zip64 ?? false;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const flags = (p.flags ?? 0) | 0x0800; // bit 11: the name is UTF-8
    const sizes = zip64
      ? [u32(0xffffffff), u32(0xffffffff)]
      : [u32(p.data.length), u32(p.inflated)];
    const localExtra = zip64
      ? Buffer.concat([u16(1), u16(16), u64(p.inflated), u64(p.data.length)])
      : Buffer.alloc(0);
    const local = Buffer.concat([
      u32(0x04034b50),
      u16(zip64 ? 45 : 20),
      u16(flags),
      u16(8),
      u16(0),
      u16(0x21),
      u32(p.crc),
      ...sizes,
      u16(name.length),
      u16(localExtra.length),
      name,
      localExtra,
    ]);
    const centralExtra = zip64
      ? Buffer.concat([u16(1), u16(24), u64(p.inflated), u64(p.data.length), u64(offset)])
      : Buffer.alloc(0);
    centrals.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(45),
        u16(zip64 ? 45 : 20),
        u16(flags),
        u16(8),
        u16(0),
        u16(0x21),
        u32(p.crc),
        ...sizes,
        u16(name.length),
        u16(centralExtra.length),
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(zip64 ? 0xffffffff : offset),
        name,
        centralExtra,
      ]),
    );
    locals.push(local, Buffer.from(p.data));
    offset += local.length + p.data.length;
  }
  const directory = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  if (zip64) {
    const record = Buffer.concat([
      u32(0x06064b50),
      u64(44),
      u16(45),
      u16(45),
      u32(0),
      u32(0),
      u64(parts.length),
      u64(parts.length),
      u64(directory.length),
      u64(offset),
    ]);
    const locator = Buffer.concat([
      u32(0x07064b50),
      u32(0),
      u64(offset + directory.length),
      u32(1),
    ]);
    tail.push(record, locator);
  }
  const count = zip64 ? 0xffff : parts.length;
  tail.push(
    Buffer.concat([
      u32(0x06054b50),
      u16(0),
      u16(0),
      u16(count),
      u16(count),
      u32(zip64 ? 0xffffffff : directory.length),
      u32(zip64 ? 0xffffffff : offset),
      u16(0),
    ]),
  );
  return Buffer.concat([...locals, directory, ...tail]);
}

/** A worksheet part declaring the billion-laughs entities (ten levels of ten) and using the last. */
export function billionLaughsSheet(): string {
  const levels = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<!DOCTYPE worksheet [\n${levels.join('\n')}\n]>\n` +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData>' +
    '</worksheet>'
  );
}
