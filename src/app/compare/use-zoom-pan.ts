import { type PointerEvent, type RefObject, useEffect, useState } from "react";
import { FIT, panBy, type ZoomPan, zoomAt } from "./zoom-pan";

/**
 * One zoom/pan state for both sides of a comparison, so they always show the same detail:
 * the wheel zooms at the cursor; dragging pans while `panning` is on.
 */
export function useZoomPan(frame: RefObject<HTMLElement | null>, panning: boolean) {
  const [view, setView] = useState<ZoomPan>(FIT);

  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    // A non-passive listener: the page must not scroll while the wheel zooms the image.
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const box = element.getBoundingClientRect();
      const point = { x: event.clientX - box.left, y: event.clientY - box.top };
      setView((v) => zoomAt(v, Math.exp(-event.deltaY / 300), point, box));
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => element.removeEventListener("wheel", onWheel);
  }, [frame]);

  const zoomBy = (factor: number) => {
    const box = frame.current?.getBoundingClientRect();
    if (box) setView((v) => zoomAt(v, factor, { x: box.width / 2, y: box.height / 2 }, box));
  };

  const onPointerDown = (event: PointerEvent<HTMLElement>) => {
    if (!panning || event.button !== 0) return;
    const element = event.currentTarget;
    element.setPointerCapture(event.pointerId);
    let last = { x: event.clientX, y: event.clientY };
    const move = (e: globalThis.PointerEvent) => {
      const box = element.getBoundingClientRect();
      // Measured now: the updater runs later, after `last` has moved on.
      const dx = e.clientX - last.x;
      const dy = e.clientY - last.y;
      last = { x: e.clientX, y: e.clientY };
      setView((v) => panBy(v, dx, dy, box));
    };
    const up = () => {
      element.removeEventListener("pointermove", move);
      element.removeEventListener("pointerup", up);
    };
    element.addEventListener("pointermove", move);
    element.addEventListener("pointerup", up);
  };

  return { view, zoomBy, reset: () => setView(FIT), onPointerDown };
}
