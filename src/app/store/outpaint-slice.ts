import type { StateCreator } from "zustand";
import type { OutpaintPreset, Padding } from "../outpaint/outpaint-geometry";
import type { AppState } from "./store";

/** An extension of the canvas, as requested in image pixels; rounding and limits are derived. */
export interface OutpaintRequest {
  /** The preset it came from, or "Custom" once the user dragged the frame or the image. */
  preset: OutpaintPreset | "Custom";
  padding: Padding;
}

export const OVERLAP = { min: 0, max: 64, default: 8 } as const;

export interface OutpaintSlice {
  /** null: generate inside the image with the painted mask; otherwise extend the canvas. */
  outpaint: OutpaintRequest | null;
  /** Pixels the mask reaches into the image along new edges, so seams blend. */
  outpaintOverlap: number;
  setOutpaintPadding: (padding: Padding) => void;
  setOutpaintOverlap: (px: number) => void;
}

export const createOutpaintSlice: StateCreator<AppState, [], [], OutpaintSlice> = (set) => ({
  outpaint: null,
  outpaintOverlap: OVERLAP.default,
  setOutpaintPadding: (padding) => set({ outpaint: { preset: "Custom", padding } }),
  setOutpaintOverlap: (px) =>
    set({ outpaintOverlap: Math.min(OVERLAP.max, Math.max(OVERLAP.min, Math.round(px))) }),
});
