import sharp from "sharp";
import { growMask } from "../../app/editor/raster/morphology";
import { outpaintGeometry } from "../../app/outpaint/outpaint-geometry";
import { maskFromGray } from "../engine/fill-mask";
import type { Pixels } from "../images/composite";
import type { Sides, Size } from "../images/outpaint-placement";
import type { ProviderJob } from "./provider";

/**
 * What a job makes of its image, whatever the endpoint: the output canvas, the part of the image
 * kept on it (`crop`, image pixels), the new pixels around that part (`sides`) and the mask of
 * pixels to generate (one byte per canvas pixel, 1 = generate). The local engine fills exactly
 * this mask, and compositing takes a provider's pixels only inside it.
 */
export interface JobGeometry {
  canvas: Size;
  crop: { left: number; top: number } & Size;
  sides: Sides;
  mask: Uint8Array;
}

const NO_SIDES: Sides = { top: 0, bottom: 0, left: 0, right: 0 };

export async function jobGeometry(job: ProviderJob): Promise<JobGeometry> {
  const { image } = job;
  switch (job.kind) {
    case "fill":
      return inPlace(
        image,
        job.mask ? await maskFromGrayFile(job.mask.bytes) : await maskFromAlphaOf(image.bytes),
      );
    case "erase": {
      const mask = await maskFromGrayFile(job.mask.bytes);
      return inPlace(image, dilateMask(mask, image, job.request.dilate_pixels));
    }
    case "expand":
      return padded(wholeImage(image), job.preset ? presetSides(job) : job.request);
    case "outpaint":
      return padded(job.placement.crop, job.placement.sides);
  }
}

/**
 * The pixels a fill or erase request marks for repainting, before erase's dilation: white in
 * its mask, or (fill without a mask) not fully opaque in its image.
 */
export async function paintedMask(job: Extract<ProviderJob, { kind: "fill" | "erase" }>) {
  if (job.mask) return maskFromGrayFile(job.mask.bytes);
  return maskFromAlphaOf(job.image.bytes);
}

/**
 * The designer's exclusion from sampling on the job's canvas (1 = never copy from here), or
 * null when the job has none. It is drawn at the input image's size: the part of the image kept
 * on the canvas is taken, and the new area around it is not excluded (it is filled anyway).
 */
export async function placedExclusion(
  job: ProviderJob,
  geometry: JobGeometry,
): Promise<Uint8Array | null> {
  if (!job.exclude) return null;
  const drawn = await maskFromGrayFile(job.exclude.bytes);
  const { crop, sides, canvas } = geometry;
  if (crop.width === canvas.width && crop.height === canvas.height) return drawn;
  const placed = new Uint8Array(canvas.width * canvas.height);
  for (let y = 0; y < crop.height; y++) {
    const from = (crop.top + y) * job.image.width + crop.left;
    placed.set(
      drawn.subarray(from, from + crop.width),
      (sides.top + y) * canvas.width + sides.left,
    );
  }
  return placed;
}

/** Whether the exclusion leaves no kept pixel to copy from. */
export function excludesEverything(mask: Uint8Array, exclude: Uint8Array): boolean {
  for (let i = 0; i < mask.length; i++) if (mask[i] === 0 && exclude[i] === 0) return false;
  return true;
}

/**
 * Grows a 0/1 mask by `pixels` (Euclidean), with the editor's own distance transform, so the
 * ring the SPA shows for erase's `dilate_pixels` is the area the proxy fills and composites.
 */
export function dilateMask(mask: Uint8Array, size: Size, pixels: number): Uint8Array {
  if (pixels <= 0) return mask;
  const white = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) white[i] = mask[i] === 0 ? 0 : 255;
  const grown = growMask({ data: white, ...size }, pixels);
  for (let i = 0; i < grown.length; i++) grown[i] = grown[i] === 0 ? 0 : 1;
  return grown;
}

/** A 0/1 mask of a `width`×`height` canvas: 1 outside the image's rectangle. */
export function expandMask(width: number, height: number, sides: Sides): Uint8Array {
  const mask = new Uint8Array(width * height).fill(1);
  for (let y = sides.top; y < height - sides.bottom; y++) {
    mask.fill(0, y * width + sides.left, y * width + (width - sides.right));
  }
  return mask;
}

/**
 * The kept part of the image on the canvas, the new area starting as a copy of the nearest edge
 * pixels, so neither the engine nor a provider's padded inpaint starts from black.
 */
export async function padToCanvas(
  pixels: Pixels,
  geometry: Omit<JobGeometry, "mask">,
): Promise<Pixels> {
  const { crop, sides, canvas } = geometry;
  const whole = crop.width === pixels.width && crop.height === pixels.height;
  const none = sides.top + sides.bottom + sides.left + sides.right === 0;
  if (whole && none) return pixels;
  const raw = { width: pixels.width, height: pixels.height, channels: pixels.channels as 3 | 4 };
  let image = sharp(pixels.data, { raw });
  if (!whole) image = image.extract(crop);
  if (!none) image = image.extend({ ...sides, extendWith: "copy" });
  const data = await image.raw().toBuffer();
  return { data: new Uint8Array(data), ...canvas, channels: pixels.channels };
}

function wholeImage(image: Size): JobGeometry["crop"] {
  return { left: 0, top: 0, width: image.width, height: image.height };
}

function inPlace(image: Size, mask: Uint8Array): JobGeometry {
  const canvas = { width: image.width, height: image.height };
  return { canvas, crop: wholeImage(image), sides: NO_SIDES, mask };
}

function padded(crop: JobGeometry["crop"], sides: Sides): JobGeometry {
  const canvas = {
    width: crop.width + sides.left + sides.right,
    height: crop.height + sides.top + sides.bottom,
  };
  const { top, bottom, left, right } = sides;
  return {
    canvas,
    crop,
    sides: { top, bottom, left, right },
    mask: expandMask(canvas.width, canvas.height, sides),
  };
}

/**
 * apiframe decides a preset's canvas itself; Fillpaint's documented preset geometry (the SPA's
 * `outpaintGeometry`) says where the image lands on it, so the result can be composited.
 */
function presetSides(job: Extract<ProviderJob, { kind: "expand" }>): Sides {
  const { frame } = outpaintGeometry(job.preset!, job.image, {
    multiple: 32,
    maxPixels: Number.POSITIVE_INFINITY,
    maxPaddingPerSide: null,
  });
  return {
    top: frame.image.y,
    left: frame.image.x,
    bottom: frame.height - frame.image.y - frame.image.height,
    right: frame.width - frame.image.x - frame.image.width,
  };
}

/** White repaints; anti-aliased grey splits at 128 (the engine's own `maskFromGray`). */
async function maskFromGrayFile(bytes: Uint8Array): Promise<Uint8Array> {
  const gray = await sharp(bytes)
    .autoOrient()
    .flatten({ background: "#000000" })
    .greyscale()
    .raw()
    .toBuffer();
  return maskFromGray(gray);
}

/** BFL's alpha form: any transparency is repainted (a half-erased pixel has no colour to keep). */
async function maskFromAlphaOf(bytes: Uint8Array): Promise<Uint8Array> {
  const alpha = await sharp(bytes).autoOrient().ensureAlpha().extractChannel(3).raw().toBuffer();
  // Plain loops: masks reach 20 MP, and this runs on the proxy's event loop.
  const mask = new Uint8Array(alpha.length);
  for (let i = 0; i < alpha.length; i++) mask[i] = alpha[i]! < 255 ? 1 : 0;
  return mask;
}
