import { decodeRgba } from "../lib/decode-image";
import { sniffImageType } from "../lib/sniff-image-type";
import type { DocumentImage } from "../store/document-slice";
import { hasTransparency, maskFromRgba } from "./raster/threshold";

/**
 * Reads a mask file for the image: black/white or grey (thresholded) or an alpha-channel PNG
 * (transparent = repaint), resized to the image's size. `resizedFrom` is set when it was.
 */
export async function maskFromFile(file: Blob, name: string, image: DocumentImage) {
  const type = sniffImageType(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
  if (!type) throw new Error(`${name} could not be read as a mask: use a PNG, JPEG or WebP.`);
  let decoded: Awaited<ReturnType<typeof decodeRgba>>;
  try {
    decoded = await decodeRgba(file, image);
  } catch {
    throw new Error(`${name} could not be read as a mask. The file looks damaged.`);
  }
  const { source, rgba } = decoded;
  const resized = source.width !== image.width || source.height !== image.height;
  return { mask: maskFromRgba(rgba), resizedFrom: resized ? source : null };
}

/** The image's fully or partly transparent area as a mask, or null when it is opaque. */
export async function transparentArea(imageUrl: string, width: number, height: number) {
  const blob = await (await fetch(imageUrl)).blob();
  if (blob.type === "image/jpeg") return null;
  const { rgba } = await decodeRgba(blob, { width, height });
  return hasTransparency(rgba) ? maskFromRgba(rgba) : null;
}
