/// <reference lib="webworker" />

import { applyMaskAsAlpha, maskToRgba } from "../editor/raster/export-rgba";
import { featherMask } from "../editor/raster/feather";
import type { MaskExportRequest, MaskExportResponse } from "./mask-export";

/**
 * Mask export off the main thread: feather, pack to RGBA, encode PNG with OffscreenCanvas and
 * base64 it, so the editor stays responsive while a 16-megapixel mask is written.
 */
self.onmessage = async (event: MessageEvent<MaskExportRequest>) => {
  const { id, form, width, height, featherPx, image } = event.data;
  try {
    const raster = { data: event.data.mask, width, height };
    const mask = featherPx > 0 ? featherMask(raster, featherPx) : raster.data;
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("This browser cannot draw into an offscreen canvas.");
    let rgba: Uint8ClampedArray<ArrayBuffer>;
    if (form === "alpha" && image) {
      context.drawImage(image, 0, 0, width, height);
      image.close();
      rgba = context.getImageData(0, 0, width, height).data;
      applyMaskAsAlpha(rgba, mask);
    } else {
      rgba = maskToRgba(mask);
    }
    context.putImageData(new ImageData(rgba, width, height), 0, 0);
    const blob = await canvas.convertToBlob({ type: "image/png" });
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
