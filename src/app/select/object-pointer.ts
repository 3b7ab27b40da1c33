import type { PixelBox } from "../editor/apply-mask-op";
import { useAppStore } from "../store/store";
import type { CutStroke } from "./object-cut";
import { askSelectWorker } from "./select-client";
import { type SelectionMode, selectionMode } from "./selection";
import {
  applyPendingObject,
  commitSelection,
  type PendingSelection,
  selectionPreview,
} from "./selection-preview";
import { markShown, SHOWN } from "./shown-marks";
import { boxOutline, type PointerInfo, type SmartContext, showOutline } from "./smart-gesture";

/** Refinement strokes are this wide on screen, whatever the zoom. */
const STROKE_SCREEN_PX = 14;

type PendingObject = NonNullable<PendingSelection["object"]>;

type Drag =
  | { kind: "box"; x: number; y: number; mode: SelectionMode; box: PixelBox | null }
  | { kind: "stroke"; stroke: CutStroke };

/**
 * Object select: drag a box, see the cut; drag inside the box to refine (+ paints object,
 * Alt or right button paints background), each refinement re-running the cut; Enter or Apply
 * commits it, Escape drops it. A new box outside the pending one commits the pending one first.
 */
export function objectPointer(context: SmartContext) {
  let drag: Drag | null = null;
  let request = 0;
  /** The cut being worked out, and cuts applied before their full cut came (committed then). */
  let cutting: PendingObject | null = null;
  const applyOnArrival = new Set<PendingObject>();

  const pending = () => selectionPreview.get()?.object ?? null;

  const cut = async (object: PendingObject) => {
    const mine = ++request;
    cutting = object;
    // Until the new cut's quick preview comes, the previous cut stays on screen.
    const shown = selectionPreview.get();
    selectionPreview.set({ ...shown, selection: shown?.selection ?? null, object });
    showOutline(context, boxOutline(object.box));
    const answer = await askSelectWorker(
      { kind: "object", box: object.box, strokes: object.strokes },
      (quick) => {
        if (mine === request && pending() === object)
          selectionPreview.set({
            selection: quick.selection,
            step: quick.step,
            quick: true,
            object,
          });
      },
    );
    if (cutting === object) cutting = null;
    if (applyOnArrival.delete(object)) {
      if (answer.kind === "selection" && answer.selection) {
        commitSelection(object.mode, answer.selection);
        markShown(SHOWN.committed);
      }
      return;
    }
    if (mine !== request || pending() !== object) return;
    if (answer.kind === "selection") selectionPreview.set({ selection: answer.selection, object });
  };

  /** Commits the cut; one still being worked out is committed when its full cut comes. */
  const apply = () => {
    const object = pending();
    if (object && object === cutting) applyOnArrival.add(object);
    else request++;
    applyPendingObject();
  };
  // However the cut ends (Apply, Enter, Escape, a new box), its box outline goes with it.
  selectionPreview.subscribe(() => {
    if (!pending() && !drag && useAppStore.getState().tool !== "scissors") showOutline(context, []);
  });

  return {
    apply,
    cancel() {
      request++;
      applyOnArrival.clear();
      drag = null;
      selectionPreview.set(null);
    },
    down(pointer: PointerInfo) {
      const { at } = pointer;
      const object = pending();
      if (object && inside(object.box, at)) {
        const size = STROKE_SCREEN_PX / context.scale();
        const foreground = !(pointer.altKey || pointer.button === 2);
        drag = { kind: "stroke", stroke: { points: [at.x, at.y], size, foreground } };
        return;
      }
      if (object) apply();
      drag = { kind: "box", x: at.x, y: at.y, mode: selectionMode(pointer), box: null };
    },
    move(at: { x: number; y: number }) {
      if (drag?.kind === "box") {
        drag.box = {
          x: Math.min(drag.x, at.x),
          y: Math.min(drag.y, at.y),
          width: Math.abs(at.x - drag.x),
          height: Math.abs(at.y - drag.y),
        };
        showOutline(context, boxOutline(drag.box));
      } else if (drag?.kind === "stroke") {
        drag.stroke.points.push(at.x, at.y);
        showOutline(context, drag.stroke.points, false);
      }
    },
    up() {
      const done = drag;
      drag = null;
      const object = pending();
      if (done?.kind === "stroke" && object) {
        void cut({ ...object, strokes: [...object.strokes, done.stroke] });
      } else if (done?.kind === "box" && done.box && done.box.width >= 4 && done.box.height >= 4) {
        void cut({ box: done.box, mode: done.mode, strokes: [] });
      } else {
        showOutline(context, []);
      }
    },
  };
}

function inside(box: PixelBox, at: { x: number; y: number }) {
  return at.x >= box.x && at.y >= box.y && at.x < box.x + box.width && at.y < box.y + box.height;
}
