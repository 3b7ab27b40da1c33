import type { StateCreator } from "zustand";
import type { AppState } from "./store";

/** A side of the comparison: the run's original image or one of its variants. */
export type CompareSide = "original" | number;

export interface CompareSlice {
  /**
   * The id of the run on show (its jobs' live status is react-query's, its record the
   * history's); set through `showRun` and cleared by `openDocument`.
   */
  shownRunId: string | null;
  /** Left of the slider. */
  compareA: CompareSide;
  /** Right of the slider: always a variant. */
  compareB: number;
  showMaskOutline: boolean;
  presenting: boolean;
  setCompareA: (side: CompareSide) => void;
  setCompareB: (variant: number) => void;
  setShowMaskOutline: (show: boolean) => void;
  setPresenting: (presenting: boolean) => void;
}

export const createCompareSlice: StateCreator<AppState, [], [], CompareSlice> = (set) => ({
  shownRunId: null,
  compareA: "original",
  compareB: 0,
  showMaskOutline: false,
  presenting: false,
  setCompareA: (compareA) => set({ compareA }),
  setCompareB: (compareB) => set({ compareB }),
  setShowMaskOutline: (showMaskOutline) => set({ showMaskOutline }),
  setPresenting: (presenting) => set({ presenting }),
});
