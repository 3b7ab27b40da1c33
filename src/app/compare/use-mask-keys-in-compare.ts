import { useEffect } from "react";
import { isTyping } from "../editor/focus-target";
import { TOOLS } from "../editor/ToolButtons";
import { useAppStore } from "../store/store";

/**
 * In Compare, the editor's mask keys (B/E/R/L, Ctrl/Cmd+Z, Y, I) bring the mask editor back
 * on screen and then act, as the same buttons do: nothing changes a mask out of sight.
 */
export function useMaskKeysInCompare(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.altKey) return;
      const store = useAppStore.getState();
      const key = event.key.toLowerCase();
      const command = event.ctrlKey || event.metaKey;
      let action: (() => void) | null = null;
      if (command && key === "z") action = event.shiftKey ? store.redo : store.undo;
      else if (command && key === "y") action = store.redo;
      else if (command && key === "i") action = () => store.commitMaskOp({ kind: "invert" });
      else if (!command) {
        const tool = TOOLS.find((t) => t.key.toLowerCase() === key)?.tool;
        if (tool) action = () => store.setTool(tool);
      }
      if (!action || !store.image) return;
      event.preventDefault();
      store.editMask();
      action();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
