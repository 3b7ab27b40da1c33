import { useAppStore } from "../store/store";
import { askSelectWorker, latestOnly } from "./select-client";
import { selectionMode } from "./selection";
import { selectionPreview } from "./selection-preview";
import { markShown, SHOWN } from "./shown-marks";
import type { PointerInfo } from "./smart-gesture";

/**
 * The magic wand: hovering previews the region under the pointer (one request in flight,
 * newest wins; on a sampled copy of a large image), a click commits the region worked out on
 * the full image as a selection operation.
 */
export function wandPointer() {
  let hovered = "";
  const hover = latestOnly((answer) => {
    if (answer.kind === "selection" && useAppStore.getState().tool === "wand")
      selectionPreview.set({ selection: answer.selection, step: answer.step ?? 1 });
  });
  const settings = () => {
    const { wandTolerance, wandContiguous } = useAppStore.getState();
    return { tolerance: wandTolerance, contiguous: wandContiguous };
  };
  return {
    move(at: { x: number; y: number }) {
      const key = `${Math.floor(at.x)},${Math.floor(at.y)},${JSON.stringify(settings())}`;
      if (key === hovered) return;
      hovered = key;
      hover.ask({ kind: "wand", at, ...settings(), preview: true });
    },
    async down(pointer: PointerInfo) {
      const mode = selectionMode(pointer);
      const answer = await askSelectWorker({
        kind: "wand",
        at: pointer.at,
        ...settings(),
        preview: false,
      });
      if (answer.kind !== "selection" || !answer.selection) return;
      const { box, data } = answer.selection;
      useAppStore.getState().commitMaskOp({ kind: "selection", mode, box, data });
      markShown(SHOWN.committed);
      selectionPreview.set(null);
      hovered = "";
    },
    reset() {
      hover.drop();
      hovered = "";
    },
  };
}
