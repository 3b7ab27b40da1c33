import type { DocumentImage } from "../store/document-slice";
import { sniffImageType } from "./sniff-image-type";

/**
 * Opens a user's file (or pasted/restored blob) as the document image. The format is read from
 * the bytes, not the name; the browser decodes it (applying EXIF orientation) before anything
 * replaces the current work, so a broken file leaves the work untouched.
 */
export async function loadImageFile(file: Blob, name: string): Promise<DocumentImage> {
  const type = sniffImageType(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
  if (!type)
    throw new Error(`${name} could not be read as an image. Fillpaint opens PNG, JPEG and WebP.`);
  const typed = new Blob([file], { type });
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(typed, { imageOrientation: "from-image" });
  } catch {
    throw new Error(`${name} could not be read as an image. The file looks damaged.`);
  }
  const { width, height } = bitmap;
  bitmap.close();
  return { url: URL.createObjectURL(typed), name, width, height };
}

/**
 * The file's pixels at a given size (EXIF orientation applied), as RGBA. Used for masks, which
 * are resized to the image, and for an image's transparent area.
 */
export async function decodeRgba(file: Blob, width: number, height: number) {
  const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  const source = { width: bitmap.width, height: bitmap.height };
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (!context) throw new Error("This browser cannot draw into an offscreen canvas.");
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return { rgba: context.getImageData(0, 0, width, height).data, source };
}
