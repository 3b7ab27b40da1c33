/** Browser-side image work for the history: thumbnails and the side-by-side sheet. */

import { canvasToBlob, createCanvas2d, decodeBitmap as decode } from "../lib/decode-image";
import { paintCheckerboard } from "../view/checkerboard";
import { SHEET, sheetLayout } from "./sheet-layout";

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

/**
 * The photo alone at its place on an outpaint's canvas, transparent around it: what the
 * comparison calls "Original", instead of the blurred padding that was sent to the provider.
 */
export async function placedOriginal(
  canvasSource: Blob,
  placement: { x: number; y: number; width: number; height: number },
): Promise<Blob> {
  const bitmap = await decode(canvasSource);
  const { canvas, context } = createCanvas2d(bitmap.width, bitmap.height);
  const { x, y, width, height } = placement;
  context.drawImage(bitmap, x, y, width, height, x, y, width, height);
  bitmap.close();
  return canvasToBlob(canvas);
}

/**
 * Images side by side at full size on one PNG for sharing, each under its label, with gutters;
 * transparent pixels show the checkerboard, as on screen.
 */
export async function sideBySidePng(panels: { blob: Blob; label: string }[]): Promise<Blob> {
  const bitmaps = await Promise.all(panels.map((p) => decode(p.blob)));
  const layout = sheetLayout(bitmaps);
  const { canvas, context } = createCanvas2d(layout.width, layout.height);
  context.fillStyle = SHEET.background;
  context.fillRect(0, 0, layout.width, layout.height);
  context.font = "600 20px system-ui, sans-serif";
  context.textBaseline = "middle";
  bitmaps.forEach((bitmap, i) => {
    const at = layout.panels[i];
    if (!at) return;
    paintCheckerboard(context, at.x, at.y, bitmap.width, bitmap.height);
    context.drawImage(bitmap, at.x, at.y);
    context.fillStyle = SHEET.text;
    context.fillText(panels[i]?.label ?? "", at.x, at.y - SHEET.label / 2, bitmap.width);
    bitmap.close();
  });
  return canvasToBlob(canvas);
}
