import type { StateCreator } from "zustand";
import type { AppState } from "./store";

export const BRUSH_SIZE = { min: 2, max: 400, default: 40 } as const;

export interface ToolsSlice {
  /** Brush diameter in image pixels, so a stroke means the same area at every zoom. */
  brushSize: number;
  setBrushSize: (size: number) => void;
}

export const createToolsSlice: StateCreator<AppState, [], [], ToolsSlice> = (set) => ({
  brushSize: BRUSH_SIZE.default,
  setBrushSize: (size) =>
    set({ brushSize: Math.min(BRUSH_SIZE.max, Math.max(BRUSH_SIZE.min, Math.round(size))) }),
});
