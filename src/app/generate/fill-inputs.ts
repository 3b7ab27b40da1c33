import { maskDisplay } from "../editor/mask-display";
import { maskMayHavePixels } from "../editor/mask-op";
import { exportMask } from "../lib/mask-export";
import { encodeImagePng } from "../lib/png";
import { buildOutpaintInputs } from "../outpaint/build-outpaint-inputs";
import { DEFAULT_LIMITS, fitFrame, type OutpaintPreset } from "../outpaint/outpaint-geometry";
import { presetToSend } from "../outpaint/preset-to-send";
import { useAppStore } from "../store/store";

/** What a fill request carries: the image it is generated from and its mask, as PNGs. */
export interface FillInputs {
  /** The picture sent, and the "before" of every comparison: the image, or the padded canvas. */
  source: Blob;
  mask: Blob;
  /** The mask as one byte per pixel (0/255), for the comparison's mask outline. */
  maskGray: Uint8Array;
  width: number;
  height: number;
  /** Outpaint by this preset's name (apiframe) with `original`; null: `source` and `mask` go to fill. */
  outpaintPreset: OutpaintPreset | null;
  original: Blob | null;
}

/**
 * Image and mask for the fill endpoint from the current document: the image with its painted
 * mask, or, when an outpaint frame is set, the padded canvas with the new area (and any painted
 * mask carried into the frame). For a provider that outpaints by preset name, the original
 * image is exported too. The store is only read, so a failure loses nothing.
 */
export async function exportFillInputs(providerPresets: readonly string[]): Promise<FillInputs> {
  const { image, maskOps, outpaint, outpaintOverlap } = useAppStore.getState();
  if (!image) throw new Error("Load an image first.");
  const painted = maskMayHavePixels(maskOps);
  if (!painted && !outpaint) {
    throw new Error("Paint the area to repaint, or pick an outpaint preset, first.");
  }
  const { width, height } = image;
  const paintedMask = painted ? maskDisplay.mask(image.url, width, height, maskOps).slice() : null;
  if (outpaint) {
    const fitted = fitFrame(image, outpaint.padding, DEFAULT_LIMITS);
    const inputs = await buildOutpaintInputs(image, fitted, outpaintOverlap, paintedMask);
    const outpaintPreset = presetToSend(outpaint, painted, providerPresets);
    const original = outpaintPreset ? await encodeImagePng(image.url, width, height) : null;
    return { ...inputs, outpaintPreset, original };
  }
  const [source, mask] = await Promise.all([
    encodeImagePng(image.url, width, height),
    exportMask(),
  ]);
  return {
    source,
    mask: mask.blob,
    maskGray: paintedMask!,
    width,
    height,
    outpaintPreset: null,
    original: null,
  };
}
