import { encodeGrayPng } from "../lib/encode-gray-png";
import { encodeRgbaPng } from "../lib/png";
import type { DocumentImage } from "../store/document-slice";
import type { FittedFrame } from "./outpaint-geometry";
import { mergePaintedMask, outpaintMask, padImageRgba } from "./outpaint-raster";

export interface OutpaintInputs {
  /** The padded canvas: what is sent, and the "before" of the comparison. */
  source: Blob;
  mask: Blob;
  /** The mask as one byte per pixel, for the comparison's mask outline. */
  maskGray: Uint8Array;
  width: number;
  height: number;
}

/**
 * The padded image and its mask for the fill endpoint, at the frame's size. The image is drawn
 * as displayed (EXIF orientation applied) and resized only when the frame had to shrink it; a
 * painted mask, if any, moves with the image into the frame.
 */
export async function buildOutpaintInputs(
  image: DocumentImage,
  fitted: FittedFrame,
  overlap: number,
  painted: Uint8Array | null,
): Promise<OutpaintInputs> {
  const { frame } = fitted;
  const placed = frame.image;
  const source = await (await fetch(image.url)).blob();
  const bitmap = await createImageBitmap(source, {
    imageOrientation: "from-image",
    ...(fitted.scale === 1
      ? {}
      : { resizeWidth: placed.width, resizeHeight: placed.height, resizeQuality: "high" }),
  });
  const canvas = new OffscreenCanvas(placed.width, placed.height);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("This browser cannot draw into an offscreen canvas.");
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const rgba = context.getImageData(0, 0, placed.width, placed.height).data;

  let mask = outpaintMask(frame, overlap);
  if (painted?.some((value) => value > 0)) mask = mergePaintedMask(mask, frame, painted, image);
  const [paddedPng, maskPng] = await Promise.all([
    encodeRgbaPng(padImageRgba(rgba, frame), frame.width, frame.height),
    encodeGrayPng(mask, frame.width, frame.height),
  ]);
  return {
    source: paddedPng,
    mask: maskPng,
    maskGray: mask,
    width: frame.width,
    height: frame.height,
  };
}
