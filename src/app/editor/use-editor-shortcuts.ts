import { useEffect } from "react";
import { useAppStore } from "../store/store";
import type { Tool } from "../store/tools-slice";
import { isTyping } from "./focus-target";
import type { PanZoom } from "./use-pan-zoom";

const TOOL_KEYS: Record<string, Tool> = {
  b: "brush",
  e: "eraser",
  r: "rect",
  l: "lasso",
  w: "wand",
  s: "object",
  q: "scissors",
};
/** Hold O for the original: `P` belongs to the presentation view. */
const PEEK_KEY = "o";

/**
 * The editor's keyboard shortcuts. Listened for on the window while the editor is shown, and
 * ignored whenever keys go to a text field, so typing a prompt never paints, undoes or zooms.
 */
export function useEditorShortcuts(panZoom: Pick<PanZoom, "zoomBy" | "fit" | "actual">) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      const store = useAppStore.getState();
      const key = event.key.toLowerCase();
      const command = event.ctrlKey || event.metaKey;
      if (command) {
        if (key === "z" && event.shiftKey) store.redo();
        else if (key === "z") store.undo();
        else if (key === "y") store.redo();
        else if (key === "i") store.commitMaskOp({ kind: "invert" });
        else return;
        event.preventDefault();
        return;
      }
      if (event.altKey) return;
      const tool = TOOL_KEYS[key];
      const step = Math.max(1, Math.round(store.brushSize * 0.1));
      if (tool) store.setTool(tool);
      else if (key === "[") store.setBrushSize(store.brushSize - step);
      else if (key === "]") store.setBrushSize(store.brushSize + step);
      else if (key === "h") store.setMaskVisible(!store.maskVisible);
      else if (key === "x") store.setPaintLayer(store.paintLayer === "mask" ? "exclude" : "mask");
      else if (key === PEEK_KEY) store.setPeeking(true);
      else if (key === "+" || key === "=") panZoom.zoomBy(1.25);
      else if (key === "-" || key === "_") panZoom.zoomBy(0.8);
      else if (key === "0") panZoom.fit();
      else if (key === "1") panZoom.actual();
      else if (key === "?") store.setShortcutsOpen(!store.shortcutsOpen);
      else if (key === "escape") store.setShortcutsOpen(false);
      else return;
      event.preventDefault();
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === PEEK_KEY) useAppStore.getState().setPeeking(false);
    };
    window.addEventListener("keydown", onKeyDown);
    window.addEventListener("keyup", onKeyUp);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      window.removeEventListener("keyup", onKeyUp);
    };
  }, [panZoom]);
}

/** The shortcut sheet's rows, kept beside the handler so the two cannot drift. */
export const SHORTCUTS: [string, string][] = [
  ["B / E", "Brush / eraser"],
  ["R / L", "Rectangle / lasso"],
  ["W / S / Q", "Magic wand / object select / edge-snapping lasso"],
  ["Shift / Alt / both + smart tool", "Add / cut / intersect"],
  ["Right-drag or Alt+drag", "Erase (cut) with any tool"],
  ["Shift+click", "Straight line from the last stroke"],
  ["[ / ]  or  Alt+wheel", "Smaller / larger brush"],
  ["Ctrl/Cmd+Z", "Undo"],
  ["Ctrl/Cmd+Shift+Z, Ctrl+Y", "Redo"],
  ["Ctrl/Cmd+I", "Invert the mask"],
  ["Wheel, pinch, + / -", "Zoom"],
  ["0 / 1", "Fit / 100%"],
  ["Space+drag, middle mouse, two fingers", "Pan"],
  ["H", "Show / hide the mask"],
  ["X", "Paint the area to fill / the area not to copy from"],
  ["Hold O", "Peek at the bare image"],
  ["P", "Present the run on show"],
  ["Ctrl/Cmd+Enter", "Generate (also in the prompt)"],
  ["Esc", "Close this sheet, then the History"],
  ["?", "This sheet"],
];
