import { useAppStore } from "../store/store";
import { askSelectWorker, latestOnly } from "./select-client";
import { type SelectionMode, selectionMode } from "./selection";
import { markShown, SHOWN } from "./shown-marks";
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
  /** The first anchor has been answered: the scissors are ready for this image. */
  snapping: boolean;
  closing: boolean;
}

/**
 * The edge-snapping lasso: clicks set anchors, and between the last anchor and the pointer the
 * path follows the strongest edges. Each anchor's segment comes from the worker in click
 * order, so fast clicks snap exactly like slow ones. Clicking the first anchor,
 * double-clicking or Enter closes the path; the worker fills it (its edge refined at full
 * resolution) and it is committed as a selection. Escape drops it.
 */
export function lassoPointer(context: SmartContext) {
  let path: Path | null = null;
  const follow = latestOnly((answer) => {
    if (path && !path.closing && path.waiting.length === 0 && answer.kind === "path") {
      showOutline(context, [...path.fixed, ...answer.points]);
      markShown(SHOWN.path);
    }
  });

  const anchor = (at: { x: number; y: number }, first: boolean) => {
    const current = path!;
    if (!first) current.waiting.push(at.x, at.y);
    showOutline(context, [...current.fixed, ...current.waiting]);
    void askSelectWorker({ kind: "lasso-anchor", at, first }).then((answer) => {
      if (path !== current) return;
      if (!first) current.waiting.splice(0, 2);
      current.snapping = true;
      if (answer.kind === "path") current.fixed.push(...answer.points);
      showOutline(context, [...current.fixed, ...current.waiting]);
      markShown(SHOWN.anchor);
      if (current.closing && current.waiting.length === 0) void commit(current);
    });
  };

  const commit = async (done: Path) => {
    path = null;
    follow.drop();
    if (done.fixed.length < 6) {
      showOutline(context, []);
      return;
    }
    const image = useAppStore.getState().image;
    // The closed path stays on screen until its fill (refined in the worker) is committed.
    const answer = await askSelectWorker({ kind: "lasso-fill", points: done.fixed });
    if (!path) showOutline(context, []);
    const state = useAppStore.getState();
    if (state.image !== image || answer.kind !== "selection" || !answer.selection) return;
    state.commitMaskOp({ kind: "selection", mode: done.mode, ...answer.selection });
    markShown(SHOWN.committed);
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
          snapping: false,
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
      // Until the scissors answer (their edge costs may still be in the making), the path
      // shows straight.
      if (path.waiting.length > 0 || !path.snapping)
        showOutline(context, [...path.fixed, ...path.waiting, at.x, at.y]);
      follow.ask({ kind: "lasso-path", at });
    },
  };
}
