/**
 * A minimal PNG encoder for pictures drawn in code (PNG specification, W3C 2003): 4-bit indexed
 * colour, zlib "stored" blocks (RFC 1950/1951 allow uncompressed data), so it needs no compression
 * library and runs the same in Node and in a browser. Meant for small flat drawings.
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const x of bytes) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function u32(n: number): number[] {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const body = new Uint8Array(4 + data.length);
  for (let i = 0; i < 4; i++) body[i] = type.charCodeAt(i);
  body.set(data, 4);
  return new Uint8Array([...u32(data.length), ...body, ...u32(crc32(body))]);
}

/** zlib data in stored (uncompressed) blocks of at most 65535 bytes. */
function stored(raw: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(raw.length / 65535));
  const out = new Uint8Array(2 + raw.length + blocks * 5 + 4);
  out[0] = 0x78;
  out[1] = 0x01;
  let at = 2;
  for (let i = 0; i < blocks; i++) {
    const part = raw.subarray(i * 65535, Math.min(raw.length, (i + 1) * 65535));
    out[at++] = i === blocks - 1 ? 1 : 0;
    out[at++] = part.length & 0xff;
    out[at++] = part.length >>> 8;
    out[at++] = ~part.length & 0xff;
    out[at++] = (~part.length >>> 8) & 0xff;
    out.set(part, at);
    at += part.length;
  }
  out.set(u32(adler32(raw)), at);
  return out;
}

/** A picture of at most 16 colours: a palette (RRGGBB) and a colour index per pixel. */
export class IndexedImage {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
    readonly palette: readonly string[],
  ) {
    if (palette.length === 0 || palette.length > 16)
      throw new RangeError('IndexedImage: 1 to 16 colours');
    this.pixels = new Uint8Array(width * height);
  }

  /** Fills a rectangle (clipped to the picture) with the colour at `index` of the palette. */
  fill(x: number, y: number, w: number, h: number, index: number): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    for (let r = y0; r < y1; r++) this.pixels.fill(index, r * this.width + x0, r * this.width + x1);
  }

  png(): Uint8Array {
    const { width, height } = this;
    const stride = Math.ceil(width / 2);
    const raw = new Uint8Array((stride + 1) * height);
    for (let r = 0; r < height; r++) {
      const row = r * (stride + 1);
      for (let c = 0; c < width; c++) {
        const v = this.pixels[r * width + c]!;
        raw[row + 1 + (c >> 1)]! |= c & 1 ? v : v << 4;
      }
    }
    const header = new Uint8Array([...u32(width), ...u32(height), 4, 3, 0, 0, 0]);
    const palette = new Uint8Array(
      this.palette.flatMap((hex) => [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16))),
    );
    const parts = [
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('PLTE', palette),
      chunk('IDAT', stored(raw)),
      chunk('IEND', new Uint8Array()),
    ];
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}
