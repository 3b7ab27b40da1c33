import { applyMaskAsAlpha } from "../editor/raster/export-rgba";
import { featherMask } from "../editor/raster/feather";
import { canvasToBlob, decodeRgba, drawImageFile, encodeRgbaPng } from "../lib/decode-image";
import { encodeGrayPng } from "../lib/encode-gray-png";
import type { OutpaintFrame } from "../outpaint/outpaint-geometry";
import { padImageRgba } from "../outpaint/outpaint-raster";
import { composeMask, type MaskPlan, type PaintedMask } from "./export-mask";

/** The mask as a download: black/white mask.png, or the image with the mask as its alpha. */
export interface DownloadJob {
  form: "mask" | "alpha";
  /** The image's file; decoded here as displayed (EXIF orientation applied). */
  image: Blob;
  painted: PaintedMask;
  featherPx: number;
}

/** Image and mask for the fill endpoint, painted or outpainted. */
export interface FillJob {
  form: "fill";
  image: Blob;
  imageSize: { width: number; height: number };
  plan: MaskPlan;
}

export type ExportJob = DownloadJob | FillJob;

export interface FillExport {
  form: "fill";
  /** The picture sent, and the "before" of every comparison: the image, or the padded canvas. */
  source: Blob;
  mask: Blob;
  /** The mask before feathering (0/255), for the comparison's outline. */
  maskGray: Uint8Array;
  width: number;
  height: number;
}

export type ExportResult = { form: "download"; file: Blob } | FillExport;

/**
 * The export pipeline: one function for downloads and for both fill paths, run in the export
 * worker (or on the main thread where workers cannot draw). It only reads its argument.
 */
export async function runExport(job: ExportJob): Promise<ExportResult> {
  if (job.form !== "fill") return { form: "download", file: await downloadFile(job) };
  const { plan, image, imageSize } = job;
  const mask = composeMask(plan);
  const [source, maskPng] = await Promise.all([
    plan.outpaint ? paddedCanvasPng(image, plan.outpaint.frame) : imagePng(image, imageSize),
    encodeGrayPng(mask.sent, mask.width, mask.height),
  ]);
  return {
    form: "fill",
    source,
    mask: maskPng,
    maskGray: mask.hard,
    width: mask.width,
    height: mask.height,
  };
}

async function downloadFile({ form, image, painted, featherPx }: DownloadJob): Promise<Blob> {
  const mask = featherPx > 0 ? featherMask(painted, featherPx) : painted.data;
  const { width, height } = painted;
  if (form === "mask") return encodeGrayPng(mask, width, height);
  // BFL's single-file form: transparent = repaint.
  const { canvas, context } = await drawImageFile(image, { width, height }, true);
  const pixels = context.getImageData(0, 0, width, height);
  applyMaskAsAlpha(pixels.data, mask);
  context.putImageData(pixels, 0, 0);
  return canvasToBlob(canvas);
}

/**
 * The image re-encoded as PNG as displayed (the "before" of comparisons and the Replace
 * fallback's canvas); requests send the file itself, which the proxy turns upright.
 */
async function imagePng(image: Blob, size: { width: number; height: number }): Promise<Blob> {
  return canvasToBlob((await drawImageFile(image, size)).canvas);
}

/** The image at its place and size on the frame, the new area washed with its edge colours. */
async function paddedCanvasPng(image: Blob, frame: OutpaintFrame): Promise<Blob> {
  const { rgba } = await decodeRgba(image, frame.image);
  return encodeRgbaPng(padImageRgba(rgba, frame), frame.width, frame.height);
}
