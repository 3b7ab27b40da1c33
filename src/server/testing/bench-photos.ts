import { join } from "node:path";
import sharp from "sharp";
import { mulberry32 } from "../engine/prng";

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
 * A benchmark photo at 640 px and the benchmark's removal ellipse over it (ellipseMask), centred
 * across it at `cy` of its height. mask: 1 = fill.
 */
export async function benchEllipse(
  file: string,
  cy: number,
  fraction = 0.1,
): Promise<Photo & { mask: Uint8Array }> {
  const photo = await benchPhoto(file, 640);
  return { ...photo, mask: ellipseMask(photo, 0.5, cy, fraction) };
}

/** An axis-aligned ellipse, 1.6× as wide as high, covering ~`fraction` of the image. */
export function ellipseMask(img: Photo, cx: number, cy: number, fraction: number) {
  const b = Math.sqrt((fraction * img.width * img.height) / (Math.PI * 1.6));
  const a = 1.6 * b;
  return shapeMask(img, cx, cy, (dx, dy) => (dx / a) ** 2 + (dy / b) ** 2 <= 1);
}

/** An irregular one-piece blob (a wobbly disc, as a quick lasso is) covering ~`fraction`. */
export function blobMask(img: Photo, cx: number, cy: number, fraction: number, seed: number) {
  const random = mulberry32(seed);
  const phases = [random() * 6.28, random() * 6.28, random() * 6.28];
  const wobble = (t: number) =>
    1 +
    0.22 * Math.sin(3 * t + phases[0]!) +
    0.12 * Math.sin(5 * t + phases[1]!) +
    0.06 * Math.sin(9 * t + phases[2]!);
  // ∫ wobble² dθ / 2π = 1 + (0.22² + 0.12² + 0.06²)/2
  const meanSq = 1 + (0.22 ** 2 + 0.12 ** 2 + 0.06 ** 2) / 2;
  const r0 = Math.sqrt((fraction * img.width * img.height) / (Math.PI * meanSq));
  return shapeMask(img, cx, cy, (dx, dy) => {
    const r = Math.sqrt(dx * dx + dy * dy);
    return r <= r0 * wobble(Math.atan2(dy, dx));
  });
}

/** A mask of the pixels `inside` says are, given their offset from (cx, cy) × the photo's size. */
export function shapeMask(
  img: Photo,
  cx: number,
  cy: number,
  inside: (dx: number, dy: number) => boolean,
): Uint8Array {
  const { width, height } = img;
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (inside(x - cx * width, y - cy * height)) mask[y * width + x] = 1;
    }
  }
  return mask;
}
