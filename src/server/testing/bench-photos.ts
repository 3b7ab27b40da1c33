import { join } from "node:path";
import sharp from "sharp";

/** The benchmark's photos (bench/photos, licences beside them): real images for engine tests. */
const BENCH_PHOTOS = join(import.meta.dirname, "../../../bench/photos");

export interface Photo {
  /** interleaved 8-bit sRGB */
  pixels: Uint8Array;
  width: number;
  height: number;
}

/**
 * A benchmark photo resized to `width` (full size without one), transparency flattened on
 * white: the pixels the benchmark (scripts/bench-engine-cases.ts) and the engine tests read.
 */
export async function benchPhoto(file: string, width?: number): Promise<Photo> {
  const { data, info } = await sharp(join(BENCH_PHOTOS, file))
    .resize(width ? { width } : undefined)
    .flatten({ background: "#ffffff" })
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { pixels: new Uint8Array(data), width: info.width, height: info.height };
}

/**
 * A benchmark photo at 640 px and the benchmark's removal ellipse over it: 1.6× as wide as high,
 * covering `fraction` of the photo, centred across it at `cy` of its height. mask: 1 = fill.
 */
export async function benchEllipse(
  file: string,
  cy: number,
  fraction = 0.1,
): Promise<Photo & { mask: Uint8Array }> {
  const photo = await benchPhoto(file, 640);
  const { width, height } = photo;
  const b = Math.sqrt((fraction * width * height) / (Math.PI * 1.6));
  const a = 1.6 * b;
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (((x - width / 2) / a) ** 2 + ((y - cy * height) / b) ** 2 <= 1) mask[y * width + x] = 1;
    }
  }
  return { ...photo, mask };
}
