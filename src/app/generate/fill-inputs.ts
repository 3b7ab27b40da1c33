import { maskDisplay } from "../editor/mask-display";
import { maskMayHavePixels } from "../editor/mask-op";
import { exportMask } from "../lib/mask-export";
import { blobToBase64, encodeImagePng } from "../lib/png";
import { buildOutpaintInputs } from "../outpaint/build-outpaint-inputs";
import { DEFAULT_LIMITS, fitFrame } from "../outpaint/outpaint-geometry";
import type { DocumentImage } from "../store/document-slice";
import { useAppStore } from "../store/store";

/** What a fill request carries, and the picture its result is compared with. */
export interface FillInputs {
  /** Bare base64 PNGs, as BFL's API takes them. */
  image: string;
  mask: string;
  source: Pick<DocumentImage, "url" | "width" | "height">;
}

/**
 * Image and mask for the fill endpoint from the current document: the image with its painted
 * mask, or, when an outpaint frame is set, the padded canvas with the new area (and any painted
 * mask carried into the frame). The store is only read, so a failure loses nothing.
 */
export async function exportFillInputs(): Promise<FillInputs> {
  const { image, maskOps, outpaint, outpaintOverlap } = useAppStore.getState();
  if (!image) throw new Error("Load an image first.");
  const painted = maskMayHavePixels(maskOps);
  if (outpaint) {
    const paintedMask = painted
      ? maskDisplay.mask(image.url, image.width, image.height, maskOps)
      : null;
    const fitted = fitFrame(image, outpaint.padding, DEFAULT_LIMITS);
    const inputs = await buildOutpaintInputs(image, fitted, outpaintOverlap, paintedMask);
    const [imageBase64, maskBase64] = await Promise.all([
      blobToBase64(inputs.image),
      blobToBase64(inputs.mask),
    ]);
    // An outpaint is compared with the padded canvas it was generated from.
    const source = {
      url: URL.createObjectURL(inputs.image),
      width: inputs.width,
      height: inputs.height,
    };
    return { image: imageBase64, mask: maskBase64, source };
  }
  if (!painted) throw new Error("Paint the area to repaint, or pick an outpaint preset, first.");
  const [imageBase64, mask] = await Promise.all([
    encodeImagePng(image.url, image.width, image.height).then(blobToBase64),
    exportMask(),
  ]);
  const { url, width, height } = image;
  return { image: imageBase64, mask: mask.base64, source: { url, width, height } };
}
