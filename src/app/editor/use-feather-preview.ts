import type Konva from "konva";
import { type RefObject, useEffect } from "react";
import { useAppStore } from "../store/store";

/**
 * Previews the export feather by blurring the mask layer's own canvas with CSS: the GPU does it,
 * nothing is re-rasterised, and the radius follows the zoom so it matches the exported edge.
 */
export function useFeatherPreview(layer: RefObject<Konva.Layer | null>, scale: number) {
  const featherPx = useAppStore((s) => s.featherPx);
  useEffect(() => {
    const canvas = layer.current?.getNativeCanvasElement();
    if (!canvas) return;
    canvas.style.filter = featherPx > 0 ? `blur(${(featherPx * scale) / 2}px)` : "";
  }, [layer, featherPx, scale]);
}
