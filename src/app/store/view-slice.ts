import type { StateCreator } from "zustand";
import type { AppState } from "./store";

export type MainView = "edit" | "compare";

export interface ViewSlice {
  /** What the large central area shows: the mask editor or the before/after comparison. */
  mainView: MainView;
  setMainView: (view: MainView) => void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  mainView: "edit",
  setMainView: (mainView) => set({ mainView }),
});
