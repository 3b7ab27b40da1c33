import type Konva from "konva";
import { type RefObject, useEffect } from "react";
import { useAppStore } from "../store/store";

/**
 * The mask layer's look is set on its own canvas with CSS, so none of it costs a redraw: opacity
 * (the layer itself is drawn opaque, which lets the live stroke paint in the plain colour),
 * show/hide and peek, and the export feather's preview as a blur that follows the zoom.
 */
export function useMaskLayerStyle(
  layer: RefObject<Konva.Layer | null>,
  scale: number,
  opacity: number,
  visible: boolean,
  /** Whether the export feathers this layer (the area not to copy from is sent hard). */
  feathered = true,
) {
  const featherPx = useAppStore((s) => (feathered ? s.featherPx : 0));
  useEffect(() => {
    const canvas = layer.current?.getNativeCanvasElement();
    if (!canvas) return;
    canvas.style.opacity = visible ? String(opacity) : "0";
    // Three box blurs of radius r/3 are close to a Gaussian of sigma ≈ 0.37 r.
    canvas.style.filter = featherPx > 0 ? `blur(${featherPx * scale * 0.37}px)` : "";
  });
}
