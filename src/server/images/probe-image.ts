import sharp, { type Metadata } from "sharp";
import type { EXCLUDE_MASK_FIELD } from "../../contract";
import { FieldError } from "./field-error";

export type ImageField = "image" | "mask" | "input_image" | typeof EXCLUDE_MASK_FIELD;

export interface ProbedImage {
  bytes: Buffer;
  /** Upright: EXIF orientation applied (the proxy rotates the pixels the same way). */
  width: number;
  height: number;
  format: "jpeg" | "png" | "webp";
  hasAlpha: boolean;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const FORMATS = new Set(["jpeg", "png", "webp"]);

/**
 * Decodes a base64 field and reads only the image header, so oversized or broken uploads are
 * refused before any pixel buffer is allocated.
 */
export async function probeBase64Image(
  base64: string,
  field: ImageField,
  maxPixels: number,
): Promise<ProbedImage> {
  const compact = base64.replace(/\s+/g, "");
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw new FieldError(["body", field], `${field} is not valid base64`, "value_error.base64");
  }
  const bytes = Buffer.from(compact, "base64");
  let meta: Metadata;
  try {
    // metadata() reads the header only: a 30000×30000 "bomb" is refused without decoding it.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new FieldError(
      ["body", field],
      `${field} is not a readable image (PNG, JPEG or WebP expected)`,
      "value_error.image",
    );
  }
  const { format } = meta;
  const { width, height } = meta.autoOrient ?? meta;
  if (!format || !FORMATS.has(format) || !width || !height) {
    throw new FieldError(
      ["body", field],
      `${field} must be a PNG, JPEG or WebP image (got ${format ?? "unknown"})`,
      "value_error.image_format",
    );
  }
  if (!looksComplete(bytes, format as ProbedImage["format"])) {
    throw new FieldError(
      ["body", field],
      `${field} is cut off or corrupt (its ${format} data does not end properly)`,
      "value_error.image",
    );
  }
  if (width * height > maxPixels) {
    throw new FieldError(
      ["body", field],
      `${field} is ${width}×${height} (${mp(width * height)} MP); the limit is ${mp(maxPixels)} MP`,
      "value_error.image_size",
    );
  }
  return {
    bytes,
    width,
    height,
    format: format as ProbedImage["format"],
    hasAlpha: meta.hasAlpha === true,
  };
}

const PNG_IEND = Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/**
 * A cheap check that the file is whole: the header alone says nothing about a truncated upload,
 * which would otherwise fail only later (or be billed upstream).
 */
function looksComplete(bytes: Buffer, format: ProbedImage["format"]): boolean {
  if (format === "png") return bytes.subarray(-12).includes(PNG_IEND);
  if (format === "jpeg") {
    // Some encoders append a few bytes after the end-of-image marker.
    const tail = bytes.subarray(-1024);
    return tail.includes(Buffer.from([0xff, 0xd9]));
  }
  return bytes.readUInt32LE(4) + 8 <= bytes.length; // WebP: the RIFF size must fit
}

function mp(pixels: number): string {
  return (pixels / 1e6).toFixed(1);
}

/** Resizes a mask to the image's size (nearest neighbour keeps it strictly black and white). */
export async function resizeMask(
  mask: ProbedImage,
  width: number,
  height: number,
): Promise<ProbedImage> {
  const bytes = await sharp(mask.bytes)
    .autoOrient()
    .flatten({ background: "#000000" })
    .greyscale()
    .resize(width, height, { fit: "fill", kernel: "nearest" })
    .png()
    .toBuffer();
  return { bytes, width, height, format: "png", hasAlpha: false };
}
