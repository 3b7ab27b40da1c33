import type Konva from "konva";
import type { KonvaEventObject } from "konva/lib/Node";
import { type RefObject, useRef } from "react";
import { useAppStore } from "../store/store";

export interface BrushRefs {
  /** The group in image coordinates (scaled to the view); pointer positions are read in it. */
  content: RefObject<Konva.Group | null>;
  /** The buffer line for the stroke under the pointer, drawn imperatively. */
  live: RefObject<Konva.Line | null>;
  cursor: RefObject<Konva.Circle | null>;
}

/**
 * Buffer, then commit: while the pointer moves, points go straight into a Konva line held by
 * ref (one small layer redraw per move); only pointer-up writes the finished stroke to the
 * store, so React and the committed strokes are untouched during a stroke.
 */
export function useBrushStroke({ content, live, cursor }: BrushRefs) {
  const brushSize = useAppStore((s) => s.brushSize);
  const commitStroke = useAppStore((s) => s.commitStroke);
  const drawing = useRef(false);
  const pointer = () => content.current?.getRelativePointerPosition() ?? null;

  const finish = () => {
    const line = live.current;
    if (!drawing.current || !line) return;
    drawing.current = false;
    // The buffer line stays visible until the committed copy has rendered (see MaskStage).
    commitStroke({ points: line.points().slice(), size: line.strokeWidth() });
  };

  return {
    onPointerDown: (event: KonvaEventObject<PointerEvent>) => {
      const at = pointer();
      const line = live.current;
      if (event.evt.button !== 0 || !at || !line) return;
      drawing.current = true;
      line.setAttrs({ points: [at.x, at.y], strokeWidth: brushSize, visible: true });
      line.getLayer()?.batchDraw();
    },
    onPointerMove: () => {
      const at = pointer();
      if (!at) return;
      const ring = cursor.current;
      ring?.setAttrs({ x: at.x, y: at.y, radius: brushSize / 2, visible: true });
      ring?.getLayer()?.batchDraw();
      const line = live.current;
      if (!drawing.current || !line) return;
      line.points(line.points().concat(at.x, at.y));
      line.getLayer()?.batchDraw();
    },
    onPointerUp: finish,
    onPointerLeave: () => {
      finish();
      cursor.current?.visible(false);
      cursor.current?.getLayer()?.batchDraw();
    },
  };
}
