import type Konva from "konva";
import type { ViewTransform } from "../view/view-transform";
import type { MaskMode } from "./mask-op";

/**
 * The buffer for the stroke under the pointer: each move draws only its new segment straight
 * into the mask layer's canvas, in the overlay colour (the layer's opacity is CSS, so this looks
 * exactly like the tinted committed mask). Nothing else is redrawn, so a move costs the same on
 * an empty mask as after hundreds of strokes; on commit Konva redraws the layer from the cached
 * bitmap and the buffer's pixels are replaced by identical committed ones.
 */
export function drawLiveSegment(
  layer: Konva.Layer,
  view: ViewTransform,
  image: { width: number; height: number },
  stroke: { mode: MaskMode; size: number; color: string },
  points: readonly number[],
): void {
  const context = layer.getNativeCanvasElement().getContext("2d");
  if (!context) return;
  const ratio = layer.getCanvas().getPixelRatio();
  const n = points.length;
  const [x0, y0] = n >= 4 ? [points[n - 4]!, points[n - 3]!] : [points[n - 2]!, points[n - 1]!];
  context.save();
  context.setTransform(
    ratio * view.scale,
    0,
    0,
    ratio * view.scale,
    ratio * view.x,
    ratio * view.y,
  );
  context.beginPath();
  context.rect(0, 0, image.width, image.height);
  context.clip();
  context.globalCompositeOperation = stroke.mode === "add" ? "source-over" : "destination-out";
  context.strokeStyle = stroke.color;
  context.lineWidth = stroke.size;
  context.lineCap = "round";
  context.beginPath();
  context.moveTo(x0, y0);
  context.lineTo(points[n - 2]!, points[n - 1]!);
  context.stroke();
  context.restore();
}
