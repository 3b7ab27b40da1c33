import type { StateCreator } from "zustand";
import type { AppState } from "./store";

export type Tool = "brush" | "eraser" | "rect" | "lasso";

export const BRUSH_SIZE = { min: 2, max: 500, default: 40 } as const;
export const FEATHER = { min: 0, max: 64 } as const;

export interface ToolsSlice {
  tool: Tool;
  /** Brush diameter in image pixels, so a stroke means the same area at every zoom. */
  brushSize: number;
  /** Edge softening applied when the mask is exported, in image pixels (0 = hard 0/255). */
  featherPx: number;
  overlayColor: string;
  overlayOpacity: number;
  maskVisible: boolean;
  /** True while the user holds the peek key or button: the bare image shows. */
  peeking: boolean;
  shortcutsOpen: boolean;
  setTool: (tool: Tool) => void;
  setBrushSize: (size: number) => void;
  setFeatherPx: (px: number) => void;
  setOverlayColor: (color: string) => void;
  setOverlayOpacity: (opacity: number) => void;
  setMaskVisible: (visible: boolean) => void;
  setPeeking: (peeking: boolean) => void;
  setShortcutsOpen: (open: boolean) => void;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export const createToolsSlice: StateCreator<AppState, [], [], ToolsSlice> = (set) => ({
  tool: "brush",
  brushSize: BRUSH_SIZE.default,
  featherPx: 0,
  overlayColor: "#e5484d",
  overlayOpacity: 0.55,
  maskVisible: true,
  peeking: false,
  shortcutsOpen: false,
  setTool: (tool) => set({ tool }),
  setBrushSize: (size) =>
    set({ brushSize: clamp(Math.round(size), BRUSH_SIZE.min, BRUSH_SIZE.max) }),
  setFeatherPx: (px) => set({ featherPx: clamp(Math.round(px), FEATHER.min, FEATHER.max) }),
  setOverlayColor: (overlayColor) => set({ overlayColor }),
  setOverlayOpacity: (opacity) => set({ overlayOpacity: clamp(opacity, 0.1, 1) }),
  setMaskVisible: (maskVisible) => set({ maskVisible }),
  setPeeking: (peeking) => set({ peeking }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
});
