import { canvasToBlob, drawImageFile } from "../lib/decode-image";

export interface RedrawRequest {
  file: Blob;
  size: { width: number; height: number };
}

export type RedrawResponse = { blob: Blob } | { error: string };

/**
 * The file redrawn at `size` (as displayed: EXIF orientation applied) with high-quality
 * smoothing. A JPEG stays JPEG, at a quality no one tells from its source: as PNG a noisy
 * 20 MP photo can weigh 50 MB and pass the proxy's upload limit once base64'd.
 */
export async function redrawSmaller({ file, size }: RedrawRequest): Promise<Blob> {
  const { canvas } = await drawImageFile(file, size);
  const type = file.type === "image/jpeg" ? "image/jpeg" : "image/png";
  return canvasToBlob(canvas, type, 0.95);
}
