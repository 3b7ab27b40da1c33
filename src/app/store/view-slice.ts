import type { StateCreator } from "zustand";
import type { ViewFit } from "../editor/fit-view";
import type { AppState } from "./store";

export type MainView = "edit" | "compare";

export interface ViewSlice {
  /** What the large central area shows: the mask editor or the before/after comparison. */
  mainView: MainView;
  /** The editor's zoom and pan; null means "fit the image to the viewport". */
  view: ViewFit | null;
  setMainView: (view: MainView) => void;
  setView: (view: ViewFit | null) => void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  mainView: "edit",
  view: null,
  setMainView: (mainView) => set({ mainView }),
  setView: (view) => set({ view }),
});
