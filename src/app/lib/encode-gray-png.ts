import { encodeRgbaPng } from "./decode-image";

/**
 * A greyscale PNG written directly from a one-byte-per-pixel mask: 1 bit per pixel when the mask
 * is pure 0/255 (as BFL's own sample mask is), else 8 bits (feathered). That is 1/32 or 1/4 of
 * the data an RGBA canvas encoder would compress, and the platform's own zlib
 * (CompressionStream) deflates it, so a 4096×4096 mask encodes within the export budget.
 * Without CompressionStream (Safari before 16.4), the canvas encoder writes it as RGBA.
 */
export async function encodeGrayPng(
  gray: Uint8Array,
  width: number,
  height: number,
): Promise<Blob> {
  if (typeof CompressionStream === "undefined") {
    return encodeRgbaPng(grayToRgba(gray), width, height);
  }
  const bits = packBits(gray, width, height);
  const bitDepth = bits ? 1 : 8;
  const raw = bits ?? packBytes(gray, width, height);
  const deflated = await new Response(
    new Blob([raw]).stream().pipeThrough(new CompressionStream("deflate")),
  ).arrayBuffer();

  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([bitDepth, 0, 0, 0, 0], 8); // colour type 0 (grey), deflate, filter 0, no interlace
  const signature = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Blob(
    [
      signature,
      chunk("IHDR", header),
      chunk("IDAT", new Uint8Array(deflated)),
      chunk("IEND", new Uint8Array(0)),
    ],
    { type: "image/png" },
  );
}

/** Opaque grey RGBA pixels from one byte per pixel. */
export function grayToRgba(gray: Uint8Array): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(gray.length * 4);
  for (let i = 0, j = 0; i < gray.length; i++, j += 4) {
    rgba[j] = rgba[j + 1] = rgba[j + 2] = gray[i]!;
    rgba[j + 3] = 255;
  }
  return rgba;
}

/** Scanlines of one byte per pixel, each prefixed with filter type 0 (None). */
export function packBytes(
  gray: Uint8Array,
  width: number,
  height: number,
): Uint8Array<ArrayBuffer> {
  const raw = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++)
    raw.set(gray.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  return raw;
}

/**
 * Scanlines of one bit per pixel (most significant first, 1 = white), filter type 0; null as
 * soon as a grey pixel shows the mask is not pure 0/255.
 */
export function packBits(
  gray: Uint8Array,
  width: number,
  height: number,
): Uint8Array<ArrayBuffer> | null {
  const stride = Math.ceil(width / 8) + 1;
  const raw = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const out = y * stride + 1;
    for (let x = 0; x < width; x++) {
      const v = gray[row + x]!;
      if (v === 0) continue;
      if (v !== 255) return null;
      raw[out + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return raw;
}

function chunk(type: string, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

let table: Uint32Array | null = null;

/** CRC-32 (IEEE), as every PNG chunk carries over its type and data. */
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
