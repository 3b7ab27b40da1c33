import type Konva from "konva";
import { type RefObject, useEffect, useRef } from "react";
import { isTyping } from "../editor/focus-target";
import { useAppStore } from "../store/store";
import { isSmartTool, type SmartTool } from "../store/tools-slice";
import { lassoPointer } from "./lasso-pointer";
import { objectPointer } from "./object-pointer";
import { prepareSmartTool } from "./select-client";
import { selectionPreview } from "./selection-preview";
import type { PointerInfo } from "./smart-gesture";
import { wandPointer } from "./wand-pointer";

type Handlers = ReturnType<typeof makeHandlers>;

function makeHandlers(outline: RefObject<Konva.Line | null>, scale: () => number) {
  const context = { outline: () => outline.current, scale };
  return { wand: wandPointer(), object: objectPointer(context), scissors: lassoPointer(context) };
}

/**
 * Ends whatever a smart tool had pending: on a tool change the object's cut is kept, on a new
 * image it is dropped (it belongs to the old one); a lasso path is always dropped.
 */
function finish(handlers: Handlers, keepCut: boolean) {
  if (keepCut) handlers.object.apply();
  else handlers.object.cancel();
  handlers.scissors.cancel();
  handlers.wand.reset();
  selectionPreview.set(null);
}

/**
 * Pointer and key handling for the smart tools (wand, object select, edge-snapping lasso),
 * which `useMaskPointer` hands its events to while one of them is the tool.
 */
export function useSmartPointer(outline: RefObject<Konva.Line | null>, scale: () => number) {
  const handlers = useRef<Handlers | null>(null);
  handlers.current ??= makeHandlers(outline, scale);

  useEffect(() => {
    const all = handlers.current!;
    // Switching tool or image commits a pending cut and drops a half-drawn lasso; picking
    // object select or the lasso starts loading what it needs.
    const unsubscribe = useAppStore.subscribe((state, previous) => {
      if (state.image !== previous.image) finish(all, false);
      else if (state.tool !== previous.tool) finish(all, true);
      const picked = state.tool !== previous.tool || state.image !== previous.image;
      if (picked && (state.tool === "object" || state.tool === "scissors"))
        prepareSmartTool(state.tool);
    });
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || !isSmartTool(useAppStore.getState().tool)) return;
      if (event.key === "Enter") {
        all.object.apply();
        all.scissors.close();
      } else if (event.key === "Escape") {
        all.object.cancel();
        all.scissors.cancel();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => {
      unsubscribe();
      window.removeEventListener("keydown", onKeyDown);
    };
  }, []);

  const current = () => handlers.current!;
  return {
    down(tool: SmartTool, pointer: PointerInfo) {
      if (tool === "wand") void current().wand.down(pointer);
      else current()[tool].down(pointer);
    },
    move(tool: SmartTool, at: { x: number; y: number }) {
      current()[tool].move(at);
    },
    up(tool: SmartTool) {
      if (tool === "object") current().object.up();
    },
    leave() {
      if (useAppStore.getState().tool === "wand") selectionPreview.set(null);
    },
  };
}
