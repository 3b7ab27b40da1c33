/// <reference lib="webworker" />

import { applyMaskAsAlpha } from "../editor/raster/export-rgba";
import { featherMask } from "../editor/raster/feather";
import { encodeGrayPng } from "./encode-gray-png";
import type { MaskExportRequest, MaskExportResponse } from "./mask-export";

/**
 * Mask export off the main thread: feather, encode the PNG (a greyscale PNG of its own, or the
 * image with the mask as alpha through OffscreenCanvas) and base64 it, so the editor stays responsive while a 16-megapixel mask is written.
 */
self.onmessage = async (event: MessageEvent<MaskExportRequest>) => {
  const { id, form, width, height, featherPx, image } = event.data;
  try {
    const raster = { data: event.data.mask, width, height };
    const mask = featherPx > 0 ? featherMask(raster, featherPx) : raster.data;
    const blob =
      form === "alpha" && image
        ? await encodeWithAlpha(image, mask, width, height)
        : await encodeGrayPng(mask, width, height);
    const dataUrl = new FileReaderSync().readAsDataURL(blob);
    const response: MaskExportResponse = {
      id,
      blob,
      base64: dataUrl.slice(dataUrl.indexOf(",") + 1),
    };
    self.postMessage(response);
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};

/** The image with 255 − mask as its alpha: BFL's single-file form (transparent = repaint). */
async function encodeWithAlpha(
  image: ImageBitmap,
  mask: Uint8Array,
  width: number,
  height: number,
) {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("This browser cannot draw into an offscreen canvas.");
  context.drawImage(image, 0, 0, width, height);
  image.close();
  const pixels = context.getImageData(0, 0, width, height);
  applyMaskAsAlpha(pixels.data, mask);
  context.putImageData(pixels, 0, 0);
  return canvas.convertToBlob({ type: "image/png" });
}
