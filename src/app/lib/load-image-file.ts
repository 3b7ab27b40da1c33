import type { DocumentImage } from "../store/document-slice";
import { decodedSize } from "./decode-image";
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
  let size: { width: number; height: number };
  try {
    size = await decodedSize(typed);
  } catch {
    throw new Error(`${name} could not be read as an image. The file looks damaged.`);
  }
  return { url: URL.createObjectURL(typed), name, ...size };
}
