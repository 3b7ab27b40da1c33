/**
 * The one place the SPA decodes an image file into pixels. It runs on the main thread and in the
 * export worker alike. Safari 17 is the oldest engine kept in mind, so what it lacks is tested
 * for, not assumed:
 * - `OffscreenCanvas` (Safari 16.4+; absent on older engines): a DOM canvas on the main thread;
 * - `createImageBitmap`'s resize options (`resizeQuality` is not in Safari): never used; the
 *   bitmap is scaled by `drawImage` with high-quality smoothing instead;
 * - `imageOrientation: "from-image"`: the spec's default, passed for engines that predate it.
 */

export type Canvas2d = {
  canvas: OffscreenCanvas | HTMLCanvasElement;
  context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;
};

/** True where this context can draw without a document (the worker path needs it). */
export const hasOffscreenCanvas = typeof OffscreenCanvas !== "undefined";

/** A 2D canvas of the given size: offscreen where the engine has it, else a DOM canvas. */
export function createCanvas2d(width: number, height: number, readBack = false): Canvas2d {
  const canvas = hasOffscreenCanvas
    ? new OffscreenCanvas(width, height)
    : Object.assign(document.createElement("canvas"), { width, height });
  const context = canvas.getContext("2d", { willReadFrequently: readBack }) as
    | Canvas2d["context"]
    | null;
  if (!context) throw new Error("This browser cannot draw into a canvas.");
  return { canvas, context };
}

/** The canvas's pixels as a file (PNG, or JPEG at `quality`). */
export function canvasToBlob(
  canvas: Canvas2d["canvas"],
  type: "image/png" | "image/jpeg" = "image/png",
  quality?: number,
): Promise<Blob> {
  // Not `instanceof HTMLCanvasElement`: workers have no such name.
  if ("convertToBlob" in canvas) return canvas.convertToBlob({ type, quality });
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error("The canvas could not be encoded."))),
      type,
      quality,
    ),
  );
}

/** The file decoded as displayed (EXIF orientation applied); close it when done. */
export function decodeBitmap(file: Blob): Promise<ImageBitmap> {
  return createImageBitmap(file, { imageOrientation: "from-image" });
}

/** The file's size as displayed (EXIF orientation applied); throws when it cannot be decoded. */
export async function decodedSize(file: Blob): Promise<{ width: number; height: number }> {
  const bitmap = await decodeBitmap(file);
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return size;
}

/**
 * The file drawn as displayed onto a canvas of `size` (its own size when omitted), scaled with
 * high-quality smoothing. `source` is the decoded size before scaling. `readBack` asks for a
 * canvas tuned for getImageData; one only encoded is left to the GPU where there is one.
 */
export async function drawImageFile(
  file: Blob,
  size?: { width: number; height: number },
  readBack = false,
) {
  const bitmap = await decodeBitmap(file);
  const source = { width: bitmap.width, height: bitmap.height };
  const { width, height } = size ?? source;
  const drawn = createCanvas2d(width, height, readBack);
  drawn.context.imageSmoothingQuality = "high";
  drawn.context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return { ...drawn, source, width, height };
}

/** The file's pixels as RGBA at `size` (its own when omitted), as displayed. */
export async function decodeRgba(file: Blob, size?: { width: number; height: number }) {
  const { context, source, width, height } = await drawImageFile(file, size, true);
  return { rgba: context.getImageData(0, 0, width, height).data, source, width, height };
}

/** RGBA pixels as a lossless PNG through the browser's own encoder. */
export async function encodeRgbaPng(
  rgba: Uint8ClampedArray,
  width: number,
  height: number,
): Promise<Blob> {
  const { canvas, context } = createCanvas2d(width, height);
  context.putImageData(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, width, height), 0, 0);
  return canvasToBlob(canvas);
}
