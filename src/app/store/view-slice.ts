import type { StateCreator } from "zustand";
import type { ViewTransform } from "../view/view-transform";
import type { AppState } from "./store";

/** What the large central area shows: the document being worked on or the run on show. */
export type MainView = "edit" | "compare";

/**
 * The three modes the header names. Edit and Extend are the two tasks on the document (paint
 * a mask, or extend the canvas with a frame); which of them is on screen follows from whether
 * an outpaint frame is set, so the frame (which persistence keeps) is the one source of truth.
 */
export type Mode = "edit" | "extend" | "compare";

export function modeOf(state: Pick<AppState, "mainView" | "shownRunId" | "outpaint">): Mode {
  if (state.mainView === "compare" && state.shownRunId !== null) return "compare";
  return state.outpaint ? "extend" : "edit";
}

export interface ViewSlice {
  mainView: MainView;
  /** The editor's zoom and pan; null means "fit the image to the viewport". */
  view: ViewTransform | null;
  /** The history column beside the main area; toggled from the header. */
  historyOpen: boolean;
  setMainView: (view: MainView) => void;
  setView: (view: ViewTransform | null) => void;
  setHistoryOpen: (open: boolean) => void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  mainView: "edit",
  view: null,
  historyOpen: false,
  setMainView: (mainView) => set({ mainView }),
  setView: (view) => set({ view }),
  setHistoryOpen: (historyOpen) => set({ historyOpen }),
});
