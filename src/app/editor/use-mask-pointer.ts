import type Konva from "konva";
import { type RefObject, useEffect, useLayoutEffect, useRef } from "react";
import { useSmartPointer } from "../select/use-smart-pointer";
import { useAppStore } from "../store/store";
import { isSmartTool } from "../store/tools-slice";
import type { ViewTransform } from "../view/view-transform";
import { screenToContent } from "../view/view-transform";
import { drawLiveSegment } from "./live-stroke";
import { EXCLUDE_TINT } from "./mask-display";
import type { MaskMode } from "./mask-op";

export interface MaskPointerRefs {
  /** The mask layer, whose canvas is the buffer for the stroke under the pointer. */
  maskLayer: RefObject<Konva.Layer | null>;
  /** The same for the area not to copy from, when that is the layer being painted. */
  excludeLayer: RefObject<Konva.Layer | null>;
  /** Outline of a rectangle or lasso being drawn. */
  outline: RefObject<Konva.Line | null>;
  /** The true-size brush ring: a DOM element moved by transform, so it costs no canvas redraw. */
  cursor: RefObject<HTMLDivElement | null>;
}

type Gesture =
  | { kind: "stroke"; mode: MaskMode; points: number[]; size: number }
  | { kind: "rect"; mode: MaskMode; x: number; y: number; points: number[] }
  | { kind: "lasso"; mode: MaskMode; points: number[] };

/**
 * Buffer, then commit: while the pointer moves, points go straight into Konva nodes held by
 * ref (one small layer redraw per move); only pointer-up writes the finished vector operation
 * to the store, so React, the store and the cached history bitmap are untouched mid-stroke.
 */
export function useMaskPointer(
  refs: MaskPointerRefs,
  viewRef: RefObject<ViewTransform>,
  image: { width: number; height: number },
) {
  const gesture = useRef<Gesture | null>(null);
  const smart = useSmartPointer(refs.outline, () => viewRef.current.scale);
  const lastPoint = useRef<{ x: number; y: number } | null>(null);

  const imagePoint = (event: React.PointerEvent) => {
    const box = event.currentTarget.getBoundingClientRect();
    return screenToContent(viewRef.current, {
      x: event.clientX - box.left,
      y: event.clientY - box.top,
    });
  };

  /** Where the pointer last was over the stage (screen px), null once it left. */
  const hover = useRef<{ x: number; y: number } | null>(null);

  const placeCursor = () => {
    const { tool, brushSize } = useAppStore.getState();
    const ring = refs.cursor.current;
    if (!ring) return;
    const at = hover.current;
    ring.style.display = at && (tool === "brush" || tool === "eraser") ? "block" : "none";
    if (!at) return;
    const diameter = brushSize * viewRef.current.scale;
    ring.style.width = `${diameter}px`;
    ring.style.height = `${diameter}px`;
    ring.style.transform = `translate(${at.x - diameter / 2}px, ${at.y - diameter / 2}px)`;
  };

  const showCursor = (event: React.PointerEvent | null) => {
    const box = event?.currentTarget.getBoundingClientRect();
    hover.current =
      event && box ? { x: event.clientX - box.left, y: event.clientY - box.top } : null;
    placeCursor();
  };

  // The ring follows size, tool and zoom changes from keys or the wheel without waiting for a
  // move: store changes directly, zoom after the render that applies the new view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: placeCursor only reads refs and the store
  useEffect(() => useAppStore.subscribe(placeCursor), []);
  useLayoutEffect(placeCursor);

  /** Draws the stroke's last `segments` points (each joined to the one before) into the buffer. */
  const drawLive = (g: Extract<Gesture, { kind: "stroke" }>, segments: number) => {
    const { paintLayer, overlayColor } = useAppStore.getState();
    const excluding = paintLayer === "exclude";
    const layer = (excluding ? refs.excludeLayer : refs.maskLayer).current;
    if (!layer) return;
    const color = excluding ? EXCLUDE_TINT : overlayColor;
    const end = g.points.length;
    for (let k = Math.max(2, end - segments * 2); k <= end; k += 2) {
      drawLiveSegment(
        layer,
        viewRef.current,
        image,
        { ...g, color },
        g.points.slice(Math.max(0, k - 4), k),
      );
    }
  };

  const drawOutline = (points: number[]) => {
    const outline = refs.outline.current;
    outline?.setAttrs({ points, visible: points.length > 0 });
    outline?.getLayer()?.batchDraw();
  };

  return {
    down(event: React.PointerEvent) {
      if (event.button !== 0 && event.button !== 2) return;
      const { tool, brushSize } = useAppStore.getState();
      const at = imagePoint(event);
      event.currentTarget.setPointerCapture(event.pointerId);
      if (isSmartTool(tool)) {
        const { button, shiftKey, altKey, detail } = event;
        smart.down(tool, { at, button, shiftKey, altKey, detail });
        return;
      }
      const cut = tool === "eraser" || event.button === 2 || event.altKey;
      const mode: MaskMode = cut ? "cut" : "add";
      if (tool === "rect") {
        gesture.current = { kind: "rect", mode, x: at.x, y: at.y, points: [] };
        return;
      }
      if (tool === "lasso") {
        gesture.current = { kind: "lasso", mode, points: [at.x, at.y] };
        return;
      }
      // A pen's pressure scales the stroke; mice and fingers report a constant 0.5.
      const pressure = event.pointerType === "pen" && event.pressure > 0 ? event.pressure : 1;
      const size = Math.max(1, brushSize * pressure);
      const from = event.shiftKey && lastPoint.current ? lastPoint.current : at;
      const points = from === at ? [at.x, at.y] : [from.x, from.y, at.x, at.y];
      gesture.current = { kind: "stroke", mode, points, size };
      drawLive(gesture.current, points.length / 2);
    },
    move(event: React.PointerEvent) {
      showCursor(event);
      const { tool } = useAppStore.getState();
      if (isSmartTool(tool)) {
        smart.move(tool, imagePoint(event));
        return;
      }
      const g = gesture.current;
      if (!g) return;
      const at = imagePoint(event);
      const scale = viewRef.current.scale;
      if (g.kind === "stroke") {
        // Coalesced events keep fast strokes smooth where the browser batched several moves.
        const samples = event.nativeEvent.getCoalescedEvents?.() ?? [];
        const box = event.currentTarget.getBoundingClientRect();
        const added = samples.length > 0 ? samples : [event.nativeEvent];
        for (const sample of added) {
          const p = screenToContent(viewRef.current, {
            x: sample.clientX - box.left,
            y: sample.clientY - box.top,
          });
          g.points.push(p.x, p.y);
        }
        drawLive(g, added.length);
      } else if (g.kind === "rect") {
        g.points = [g.x, g.y, at.x, g.y, at.x, at.y, g.x, at.y];
        drawOutline(g.points);
      } else {
        const n = g.points.length;
        const dx = at.x - g.points[n - 2]!;
        const dy = at.y - g.points[n - 1]!;
        // Keep lasso points at least 2 screen pixels apart.
        if ((dx * dx + dy * dy) * scale * scale >= 4) g.points.push(at.x, at.y);
        drawOutline(g.points);
      }
    },
    up() {
      const { tool } = useAppStore.getState();
      if (isSmartTool(tool)) smart.up(tool);
      const g = gesture.current;
      gesture.current = null;
      if (!g) return;
      const { commitMaskOp } = useAppStore.getState();
      if (g.kind === "stroke") {
        lastPoint.current = { x: g.points.at(-2)!, y: g.points.at(-1)! };
        // The buffer's pixels stay until the layer redraws from the committed bitmap (MaskStage).
        commitMaskOp({ kind: "stroke", mode: g.mode, points: g.points.slice(), size: g.size });
        return;
      }
      drawOutline([]);
      if (g.kind === "rect" && g.points.length === 8) {
        const [x0, y0, , , x1, y1] = g.points as [number, number, number, number, number, number];
        const width = Math.abs(x1 - x0);
        const height = Math.abs(y1 - y0);
        if (width >= 1 && height >= 1)
          commitMaskOp({
            kind: "rect",
            mode: g.mode,
            x: Math.min(x0, x1),
            y: Math.min(y0, y1),
            width,
            height,
          });
      }
      if (g.kind === "lasso" && g.points.length >= 6)
        commitMaskOp({ kind: "polygon", mode: g.mode, points: g.points.slice() });
    },
    /** A second finger turns a stroke into a pinch: the unfinished stroke is dropped. */
    cancel() {
      gesture.current = null;
      refs.maskLayer.current?.batchDraw();
      drawOutline([]);
    },
    leave: () => {
      showCursor(null);
      smart.leave();
    },
  };
}
