import { fillPolygon } from "../editor/raster/paint-shapes";
import { useAppStore } from "../store/store";
import { askSelectWorker, latestOnly } from "./select-client";
import { type SelectionMode, selectionMode, trimSelection } from "./selection";
import { type PointerInfo, type SmartContext, showOutline } from "./smart-gesture";

/** A click this close (screen px) to the first anchor closes the path. */
const CLOSE_SCREEN_PX = 10;

interface Path {
  mode: SelectionMode;
  start: { x: number; y: number };
  /** The snapped path through the anchors answered so far, flat image pixels. */
  fixed: number[];
  /** Anchors clicked whose snapped segment has not come back yet (shown straight meanwhile). */
  waiting: number[];
  closing: boolean;
}

/**
 * The edge-snapping lasso: clicks set anchors, and between the last anchor and the pointer the
 * path follows the strongest edges. Each anchor's segment comes from the worker in click
 * order, so fast clicks snap exactly like slow ones. Clicking the first anchor,
 * double-clicking or Enter closes the path and fills it as a selection; Escape drops it.
 */
export function lassoPointer(context: SmartContext) {
  let path: Path | null = null;
  const follow = latestOnly((answer) => {
    if (path && !path.closing && path.waiting.length === 0 && answer.kind === "path")
      showOutline(context, [...path.fixed, ...answer.points]);
  });

  const anchor = (at: { x: number; y: number }, first: boolean) => {
    const current = path!;
    if (!first) current.waiting.push(at.x, at.y);
    showOutline(context, [...current.fixed, ...current.waiting]);
    void askSelectWorker({ kind: "lasso-anchor", at, first }).then((answer) => {
      if (path !== current) return;
      if (!first) current.waiting.splice(0, 2);
      if (answer.kind === "path") current.fixed.push(...answer.points);
      showOutline(context, [...current.fixed, ...current.waiting]);
      if (current.closing && current.waiting.length === 0) commit(current);
    });
  };

  const commit = (done: Path) => {
    path = null;
    follow.drop();
    showOutline(context, []);
    const state = useAppStore.getState();
    if (!state.image || done.fixed.length < 6) return;
    const selection = rasterise(done.fixed, state.image.width, state.image.height);
    if (selection) state.commitMaskOp({ kind: "selection", mode: done.mode, ...selection });
  };

  const close = () => {
    if (!path || path.closing) return;
    path.closing = true;
    anchor(path.start, false);
  };

  return {
    close,
    cancel() {
      path = null;
      follow.drop();
      showOutline(context, []);
    },
    down(pointer: PointerInfo) {
      const { at } = pointer;
      if (!path) {
        path = {
          mode: selectionMode(pointer),
          start: at,
          fixed: [at.x, at.y],
          waiting: [],
          closing: false,
        };
        anchor(at, true);
        return;
      }
      const near =
        Math.hypot(at.x - path.start.x, at.y - path.start.y) * context.scale() <= CLOSE_SCREEN_PX;
      if (pointer.detail >= 2 || near) close();
      else anchor(at, false);
    },
    move(at: { x: number; y: number }) {
      if (!path || path.closing) return;
      // Until the scissors answer (OpenCV may still be loading), the path shows straight.
      if (path.waiting.length > 0 || useAppStore.getState().smartToolsStatus !== "ready")
        showOutline(context, [...path.fixed, ...path.waiting, at.x, at.y]);
      follow.ask({ kind: "lasso-path", at });
    },
  };
}

/** The closed path filled, as a selection trimmed to its box. */
function rasterise(points: number[], width: number, height: number) {
  const raster = { data: new Uint8Array(width * height), width, height };
  fillPolygon(raster, points, 255);
  return trimSelection(raster.data, { x: 0, y: 0, width, height });
}
