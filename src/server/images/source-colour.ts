import { randomBytes } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp, { type Metadata, type Sharp } from "sharp";
import type { Pixels } from "./composite";

/**
 * Colour and orientation, handled once for every provider:
 * - the local engine and the compositing work on the file's own values (an Adobe RGB or
 *   Display P3 photo is not converted), and their output carries the file's ICC profile;
 * - upstream providers get what they expect: sRGB, EXIF orientation applied;
 * - an upstream's sRGB result is converted back into the source's profile when composited.
 * EXIF orientation is applied here with sharp, so a client may send the camera's file as is.
 */

export type OutputFormat = "jpeg" | "png" | "webp";

/** Decoded pixels in the file's own colour values, with the profile they are in (or null = sRGB). */
export interface SourcePixels extends Pixels {
  icc: Buffer | null;
}

/**
 * Only RGB files keep their own values: a CMYK or greyscale profile cannot carry a fill's RGB
 * pixels, so those are converted to sRGB as before.
 */
function keepsOwnProfile(meta: Metadata): meta is Metadata & { icc: Buffer } {
  return Boolean(meta.icc) && meta.space === "srgb" && (meta.channels ?? 0) >= 3;
}

/** True when the file needs converting before an upstream sees it (a profile, or a rotation). */
export function needsSrgbUpload(meta: Pick<Metadata, "icc" | "orientation">): boolean {
  return Boolean(meta.icc) || (meta.orientation ?? 1) > 1;
}

/** The image upright, in its own values (alpha kept or dropped), and the profile they are in. */
export async function decodeOwnValues(
  bytes: Uint8Array,
  alpha: "keep" | "drop" = "drop",
): Promise<SourcePixels> {
  const meta = await sharp(bytes).metadata();
  const keep = keepsOwnProfile(meta);
  let image = sharp(bytes).autoOrient();
  image = keep ? image.keepIccProfile() : image.toColourspace("srgb");
  image = alpha === "keep" ? image.ensureAlpha() : image.removeAlpha();
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  return {
    // A copy of its own, so it can be transferred to a worker without detaching sharp's pool.
    data: new Uint8Array(data.buffer, data.byteOffset, data.length).slice(),
    width: info.width,
    height: info.height,
    channels: info.channels,
    icc: keep ? meta.icc : null,
  };
}

/**
 * Encodes pixels that are in `profileSource`'s own values, with its ICC profile attached and
 * nothing converted. sharp converts raw input as if it were sRGB, so the pixels are laid over
 * the source file itself (kept in its profile) and that is what gets encoded.
 */
export async function encodeOwnValues(
  pixels: Pixels,
  profileSource: { bytes: Uint8Array; icc: Buffer | null },
  format: OutputFormat,
): Promise<Buffer> {
  const { width, height, channels } = pixels;
  const raw = { width, height, channels: channels as 3 | 4 };
  const image = profileSource.icc
    ? sharp(profileSource.bytes)
        .autoOrient()
        .keepIccProfile()
        .resize(width, height, { fit: "fill", kernel: "nearest" })
        .composite([
          {
            input: Buffer.from(pixels.data.buffer, pixels.data.byteOffset, pixels.data.length),
            raw,
            left: 0,
            top: 0,
          },
        ])
    : sharp(pixels.data, { raw });
  return encode(image.removeAlpha(), format);
}

export function encode(image: Sharp, format: OutputFormat): Promise<Buffer> {
  switch (format) {
    case "png":
      return image.png().toBuffer();
    case "webp":
      return image.webp({ lossless: true }).toBuffer();
    case "jpeg":
      return image.jpeg({ quality: 95, chromaSubsampling: "4:4:4" }).toBuffer();
  }
}

/**
 * The image as an upstream provider expects it: upright and in sRGB. A plain sRGB file that
 * needs no rotation is sent byte for byte; anything else is re-encoded as lossless PNG.
 */
export async function srgbForUpstream(bytes: Uint8Array): Promise<Uint8Array> {
  const meta = await sharp(bytes).metadata();
  if (!needsSrgbUpload(meta)) return bytes;
  return sharp(bytes).autoOrient().toColourspace("srgb").png().toBuffer();
}

/**
 * A provider's (sRGB) result at `width`×`height`, in the values of the profile `icc` (sRGB when
 * null), as raw RGB pixels ready to be composited over the source's own values.
 */
export async function resultInProfile(
  result: Uint8Array,
  width: number,
  height: number,
  icc: Buffer | null,
): Promise<Pixels> {
  const sized = sharp(result)
    .autoOrient()
    .removeAlpha()
    .resize(width, height, { fit: "fill", kernel: "lanczos3" });
  const convert = async (image: Sharp) => {
    const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
    return { data: new Uint8Array(data), width: info.width, height: info.height, channels: 3 };
  };
  if (!icc) return convert(sized.toColourspace("srgb"));
  // sharp reads a profile to convert into from a file only.
  const path = join(tmpdir(), `fillpaint-${randomBytes(8).toString("hex")}.icc`);
  await writeFile(path, icc);
  try {
    return await convert(sized.withIccProfile(path));
  } finally {
    await rm(path, { force: true });
  }
}
