import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";
import { adobeRgbIccProfile } from "./icc-profile";

export const FIXTURES = new URL("../../../e2e/fixtures/", import.meta.url);

export function fixtureBase64(name: string): string {
  return readFileSync(new URL(name, FIXTURES)).toString("base64");
}

/** A black PNG with a white rectangle: the mask's white part is repainted. */
export async function rectMaskBase64(
  width: number,
  height: number,
  rect: { x: number; y: number; w: number; h: number },
): Promise<string> {
  const gray = new Uint8Array(width * height);
  for (let y = rect.y; y < rect.y + rect.h; y++)
    gray.fill(255, y * width + rect.x, y * width + rect.x + rect.w);
  const png = await sharp(gray, { raw: { width, height, channels: 1 } })
    .png()
    .toBuffer();
  return png.toString("base64");
}

export async function decodeRgb(bytes: Buffer | Uint8Array) {
  const { data, info } = await sharp(bytes)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * A PNG whose header claims `width`×`height` 8-bit grey pixels followed by a tiny, truncated
 * IDAT: what a decompression bomb looks like to a header reader, without building one.
 */
export function pngBombBase64(width: number, height: number): string {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, no filter, no interlace
  const idat = deflateSync(Buffer.alloc(width + 1)); // one row of zeros
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", idat),
    chunk("IEND", Buffer.alloc(0)),
  ]).toString("base64");
}

/**
 * An Adobe RGB (1998) JPEG, as a camera set to Adobe RGB writes it: the coffee photo's pixels
 * converted into Adobe RGB with the profile embedded, optionally with an EXIF orientation.
 */
export async function adobeRgbJpeg(
  width: number,
  height: number,
  { orientation = 1 }: { orientation?: number } = {},
): Promise<{ bytes: Buffer; icc: Buffer }> {
  const iccPath = join(mkdtempSync(join(tmpdir(), "fillpaint-icc-")), "adobe-rgb.icc");
  writeFileSync(iccPath, adobeRgbIccProfile());
  const bytes = await sharp(new URL("skimage_coffee.png", FIXTURES).pathname)
    .resize(width, height, { fit: "fill" })
    // withMetadata alone would attach sRGB: the profile has to be named after it.
    .withMetadata({ orientation })
    .withIccProfile(iccPath)
    .jpeg({ quality: 92 })
    .toBuffer();
  const { icc, orientation: written } = await sharp(bytes).metadata();
  if (!icc || (written ?? 1) !== orientation) throw new Error("sharp did not write the profile");
  return { bytes, icc };
}

/** A 0/1 mask (one byte per pixel) with the rectangle set. */
export function rectMask(
  width: number,
  height: number,
  rect: { x: number; y: number; w: number; h: number },
): Uint8Array {
  const mask = new Uint8Array(width * height);
  for (let y = rect.y; y < rect.y + rect.h; y++) {
    mask.fill(1, y * width + rect.x, y * width + rect.x + rect.w);
  }
  return mask;
}

/** Pixels that differ between two same-sized rasters, counted inside and outside a 0/1 mask. */
export function changedPixels(
  a: Uint8Array,
  b: Uint8Array,
  mask: Uint8Array,
  channels = 3,
): { inside: number; outside: number } {
  const count = { inside: 0, outside: 0 };
  for (let i = 0; i < mask.length; i++) {
    for (let c = 0; c < channels; c++) {
      if (a[i * channels + c] !== b[i * channels + c]) {
        count[mask[i] ? "inside" : "outside"] += 1;
        break;
      }
    }
  }
  return count;
}
