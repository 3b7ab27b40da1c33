import { type PointerEvent, type RefObject, useCallback, useEffect, useRef, useState } from "react";
import {
  actualSize,
  fitView,
  keepInBox,
  panBy,
  type Size,
  type ViewTransform,
  zoomAt,
} from "../view/view-transform";

const WHEEL_REST_MS = 120;

export const layerTransform = ({ x, y, scale }: ViewTransform) =>
  `translate(${x}px, ${y}px) scale(${scale})`;

/**
 * One zoom/pan for both sides of a comparison, so they always show the same detail. The view
 * maps the run's image pixels into the slider's box (100% = actual pixels); it never shows a gap
 * beside a magnified image. The wheel zooms at the cursor; dragging pans while `panning` is on.
 * During a gesture the view is applied to the layers' style directly, and reaches React when the
 * gesture ends.
 */
export function useZoomPan(
  frame: RefObject<HTMLElement | null>,
  content: Size,
  box: Size,
  panning: boolean,
) {
  const fit = fitView(content, box, 0);
  const [stored, setStored] = useState<ViewTransform | null>(null);
  const view = stored ?? fit;
  const viewRef = useRef(view);
  const inGesture = useRef(false);
  if (!inGesture.current) viewRef.current = view;
  // Never smaller than fit, except to reach actual pixels on an image enlarged to fit.
  const limits = { min: Math.min(fit.scale, 1), max: 32 };
  const settle = (next: ViewTransform) => keepInBox(next, content, box);

  const preview = (next: ViewTransform) => {
    inGesture.current = true;
    viewRef.current = next;
    for (const layer of frame.current?.querySelectorAll<HTMLElement>("[data-zoom-layer]") ?? []) {
      layer.style.transform = layerTransform(next);
    }
  };
  const commit = useCallback(() => {
    inGesture.current = false;
    setStored(viewRef.current);
  }, []);
  const previewRef = useRef(preview);
  previewRef.current = preview;
  const zoomRef = useRef({ limits, settle });
  zoomRef.current = { limits, settle };

  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    let rest: ReturnType<typeof setTimeout> | null = null;
    // A non-passive listener: the page must not scroll while the wheel zooms the image.
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const bounds = element.getBoundingClientRect();
      const at = { x: event.clientX - bounds.left, y: event.clientY - bounds.top };
      const { limits: l, settle: s } = zoomRef.current;
      previewRef.current(s(zoomAt(viewRef.current, Math.exp(-event.deltaY / 300), at, l)));
      if (rest) clearTimeout(rest);
      rest = setTimeout(commit, WHEEL_REST_MS);
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => {
      element.removeEventListener("wheel", onWheel);
      if (rest) clearTimeout(rest);
    };
  }, [frame, commit]);

  const centre = { x: box.width / 2, y: box.height / 2 };
  const onPointerDown = (event: PointerEvent<HTMLElement>) => {
    if (!panning || event.button !== 0) return;
    const element = event.currentTarget;
    element.setPointerCapture(event.pointerId);
    let last = { x: event.clientX, y: event.clientY };
    const move = (e: globalThis.PointerEvent) => {
      const next = panBy(viewRef.current, e.clientX - last.x, e.clientY - last.y);
      last = { x: e.clientX, y: e.clientY };
      previewRef.current(zoomRef.current.settle(next));
    };
    const up = () => {
      element.removeEventListener("pointermove", move);
      element.removeEventListener("pointerup", up);
      commit();
    };
    element.addEventListener("pointermove", move);
    element.addEventListener("pointerup", up);
  };

  return {
    view,
    zoomBy: (factor: number) => setStored(settle(zoomAt(viewRef.current, factor, centre, limits))),
    fit: () => setStored(null),
    actual: () => setStored(settle(actualSize(viewRef.current, box))),
    onPointerDown,
  };
}
