import type { DocumentImage } from "../store/document-slice";

const ACCEPTED = ["image/png", "image/jpeg", "image/webp"];

/**
 * Opens a user's file as the document image. The browser decodes it (so EXIF orientation is
 * applied) before anything replaces the current work: a broken file leaves the work untouched.
 */
export async function loadImageFile(file: File): Promise<DocumentImage> {
  if (file.type && !ACCEPTED.includes(file.type)) {
    throw new Error(`${file.name} is not a PNG, JPEG or WebP image.`);
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    throw new Error(`${file.name} could not be read as an image.`);
  }
  const { width, height } = bitmap;
  bitmap.close();
  return { url: URL.createObjectURL(file), name: file.name, width, height };
}
