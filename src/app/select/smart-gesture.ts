import type Konva from "konva";

/** What the smart tools' pointer handlers share with the stage. */
export interface SmartContext {
  /** The stage's outline line (box, lasso path, refinement strokes). */
  outline: () => Konva.Line | null;
  /** Screen pixels per image pixel now. */
  scale: () => number;
}

export interface PointerInfo {
  at: { x: number; y: number };
  button: number;
  shiftKey: boolean;
  altKey: boolean;
  /** 2 on the second click of a double click. */
  detail: number;
}

/** Shows `points` on the outline: closed and filled for areas, open for strokes. */
export function showOutline(context: SmartContext, points: number[], closed = true): void {
  const line = context.outline();
  if (!line) return;
  line.setAttrs({ points, closed, fillEnabled: closed, visible: points.length > 0 });
  line.getLayer()?.batchDraw();
}

export const boxOutline = (box: { x: number; y: number; width: number; height: number }) => {
  const { x, y, width, height } = box;
  return [x, y, x + width, y, x + width, y + height, x, y + height];
};
