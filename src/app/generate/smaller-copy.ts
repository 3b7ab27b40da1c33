import { canvasToBlob, drawImageFile } from "../lib/decode-image";
import type { DocumentImage } from "../store/document-slice";

/**
 * The image redrawn at `size` (as displayed: EXIF orientation applied) with high-quality
 * smoothing. A JPEG stays JPEG, at a quality no one tells from its source: as PNG a noisy
 * 20 MP photo can weigh 50 MB and pass the proxy's upload limit once base64'd.
 */
export async function makeSmallerCopy(
  image: DocumentImage,
  size: { width: number; height: number },
): Promise<DocumentImage> {
  const file = await (await fetch(image.url)).blob();
  const { canvas } = await drawImageFile(file, size);
  const blob = await canvasToBlob(
    canvas,
    file.type === "image/jpeg" ? "image/jpeg" : "image/png",
    0.95,
  );
  return { url: URL.createObjectURL(blob), name: image.name, ...size };
}
