/** Browser-side image work for the history: thumbnails and the side-by-side sheet. */

async function decode(blob: Blob): Promise<ImageBitmap> {
  return createImageBitmap(blob);
}

/** A small JPEG for the history list; the full images stay separate. */
export async function makeThumbnail(blob: Blob, maxSide = 160): Promise<Blob> {
  const bitmap = await decode(blob);
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("This browser cannot draw into an offscreen canvas.");
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return canvas.convertToBlob({ type: "image/jpeg", quality: 0.8 });
}

/** Images side by side at full size on one PNG (original | result …), for sharing. */
export async function sideBySidePng(blobs: Blob[]): Promise<Blob> {
  const bitmaps = await Promise.all(blobs.map(decode));
  const width = bitmaps.reduce((sum, b) => sum + b.width, 0);
  const height = Math.max(...bitmaps.map((b) => b.height));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("This browser cannot draw into an offscreen canvas.");
  let x = 0;
  for (const bitmap of bitmaps) {
    context.drawImage(bitmap, x, 0);
    x += bitmap.width;
    bitmap.close();
  }
  return canvas.convertToBlob({ type: "image/png" });
}
