import type Konva from "konva";
import { type RefObject, useCallback, useEffect, useRef } from "react";
import { useAppStore } from "../store/store";
import {
  actualSize,
  fitView,
  panBy,
  type Size,
  type ViewTransform,
  zoomAt,
} from "../view/view-transform";
import { isControl, isTyping } from "./focus-target";

type Point = { x: number; y: number };
const WHEEL_ZOOM_RATE = 0.0015;
/** A wheel has no "gesture ended" event: the zoom reaches the store once the wheel rests. */
const WHEEL_REST_MS = 120;

/**
 * Zoom and pan of a Konva stage: wheel and pinch zoom around the pointer; Space+drag, the middle
 * button and two fingers pan. Gestures claim pointer events before painting sees them. During
 * a gesture the view lives in a ref and is applied to the stage directly (no React render per
 * move); it reaches the store when the gesture ends. The view maps content pixels to the screen,
 * so the mask (drawn in image pixels under the same transform) stays aligned at every zoom.
 */
export function usePanZoom(
  frame: RefObject<HTMLDivElement | null>,
  stage: RefObject<Konva.Stage | null>,
  content: Size,
  viewport: Size,
) {
  const stored = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  const view = stored ?? fitView(content, viewport);
  const viewRef = useRef(view);
  const inGesture = useRef(false);
  if (!inGesture.current) viewRef.current = view;
  const spaceHeld = useRef(false);
  const drag = useRef<Point | null>(null);
  const touches = useRef(new Map<number, Point>());
  const pinch = useRef<{ center: Point; distance: number } | null>(null);
  const wheelRest = useRef<ReturnType<typeof setTimeout> | null>(null);

  const preview = useCallback(
    (next: ViewTransform) => {
      inGesture.current = true;
      viewRef.current = next;
      const node = stage.current;
      if (!node) return;
      node.position({ x: next.x, y: next.y });
      node.scale({ x: next.scale, y: next.scale });
      node.batchDraw();
    },
    [stage],
  );
  const commit = useCallback(() => {
    if (!inGesture.current) return;
    inGesture.current = false;
    setView(viewRef.current);
  }, [setView]);

  const local = useCallback(
    (event: { clientX: number; clientY: number }): Point => {
      const box = frame.current?.getBoundingClientRect();
      return { x: event.clientX - (box?.left ?? 0), y: event.clientY - (box?.top ?? 0) };
    },
    [frame],
  );

  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    // Not React's onWheel: that listener is passive and cannot stop the page from scrolling.
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const { brushSize, setBrushSize } = useAppStore.getState();
      if (event.altKey) {
        const step = Math.max(1, Math.round(brushSize * 0.1));
        setBrushSize(brushSize + (event.deltaY < 0 ? step : -step));
        return;
      }
      preview(zoomAt(viewRef.current, Math.exp(-event.deltaY * WHEEL_ZOOM_RATE), local(event)));
      if (wheelRest.current) clearTimeout(wheelRest.current);
      wheelRest.current = setTimeout(commit, WHEEL_REST_MS);
    };
    const onKey = (event: KeyboardEvent) => {
      // Space on a focused control (button, field) keeps its own meaning: press, type.
      if (event.code !== "Space" || isTyping(event.target) || isControl(event.target)) return;
      spaceHeld.current = event.type === "keydown";
      event.preventDefault();
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    window.addEventListener("keydown", onKey);
    window.addEventListener("keyup", onKey);
    return () => {
      element.removeEventListener("wheel", onWheel);
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("keyup", onKey);
      if (wheelRest.current) clearTimeout(wheelRest.current);
    };
  }, [frame, local, preview, commit]);

  const centre = { x: viewport.width / 2, y: viewport.height / 2 };
  return {
    view,
    viewRef,
    /** The Konva stage's size and transform as of the last committed view. */
    stageProps: {
      width: viewport.width,
      height: viewport.height,
      x: view.x,
      y: view.y,
      scaleX: view.scale,
      scaleY: view.scale,
    },
    /** True when the event starts a pan or pinch, which painting must then ignore. */
    down(event: React.PointerEvent): boolean {
      if (event.pointerType === "touch") touches.current.set(event.pointerId, local(event));
      if (touches.current.size >= 2) {
        pinch.current = measurePinch(touches.current);
        return true;
      }
      if (event.button === 1 || (event.button === 0 && spaceHeld.current)) {
        drag.current = local(event);
        return true;
      }
      return false;
    },
    move(event: React.PointerEvent): boolean {
      if (event.pointerType === "touch" && touches.current.has(event.pointerId)) {
        touches.current.set(event.pointerId, local(event));
        const before = pinch.current;
        if (before && touches.current.size >= 2) {
          const now = measurePinch(touches.current);
          const moved = panBy(
            viewRef.current,
            now.center.x - before.center.x,
            now.center.y - before.center.y,
          );
          preview(zoomAt(moved, now.distance / Math.max(1, before.distance), now.center));
          pinch.current = now;
          return true;
        }
      }
      if (!drag.current) return false;
      const at = local(event);
      preview(panBy(viewRef.current, at.x - drag.current.x, at.y - drag.current.y));
      drag.current = at;
      return true;
    },
    up(event: React.PointerEvent): boolean {
      touches.current.delete(event.pointerId);
      const wasGesture = drag.current !== null || pinch.current !== null;
      drag.current = null;
      if (touches.current.size < 2) pinch.current = null;
      if (wasGesture && !pinch.current) commit();
      return wasGesture;
    },
    zoomBy: (factor: number) => setView(zoomAt(viewRef.current, factor, centre)),
    fit: () => setView(null),
    actual: () => setView(actualSize(viewRef.current, viewport)),
  };
}

function measurePinch(points: Map<number, Point>) {
  const [a, b] = [...points.values()];
  if (!a || !b) return { center: a ?? { x: 0, y: 0 }, distance: 1 };
  return {
    center: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
    distance: Math.hypot(a.x - b.x, a.y - b.y),
  };
}

export type PanZoom = ReturnType<typeof usePanZoom>;
