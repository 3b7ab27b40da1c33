/** Browser-side image work for the history: thumbnails and the side-by-side sheet. */

import { canvasToBlob, createCanvas2d, decodeBitmap as decode } from "../lib/decode-image";

/** A small JPEG for the history list; the full images stay separate. */
export async function makeThumbnail(blob: Blob, maxSide = 160): Promise<Blob> {
  const bitmap = await decode(blob);
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const { canvas, context } = createCanvas2d(width, height);
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return canvasToBlob(canvas, "image/jpeg", 0.8);
}

/** Images side by side at full size on one PNG (original | result …), for sharing. */
export async function sideBySidePng(blobs: Blob[]): Promise<Blob> {
  const bitmaps = await Promise.all(blobs.map(decode));
  const width = bitmaps.reduce((sum, b) => sum + b.width, 0);
  const height = Math.max(...bitmaps.map((b) => b.height));
  const { canvas, context } = createCanvas2d(width, height);
  let x = 0;
  for (const bitmap of bitmaps) {
    context.drawImage(bitmap, x, 0);
    x += bitmap.width;
    bitmap.close();
  }
  return canvasToBlob(canvas);
}
