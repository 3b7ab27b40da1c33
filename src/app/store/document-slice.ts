import type { StateCreator } from "zustand";
import type { Stroke } from "../editor/stroke";
import type { AppState } from "./store";

/** The loaded image, described by data only; pixels live in the browser's image cache. */
export interface DocumentImage {
  /** Object URL of the file as loaded; the browser applies EXIF orientation when drawing it. */
  url: string;
  name: string;
  width: number;
  height: number;
}

export interface DocumentSlice {
  image: DocumentImage | null;
  /** Committed mask strokes in image pixels. Per-move updates never reach the store. */
  strokes: Stroke[];
  loadImage: (image: DocumentImage) => void;
  commitStroke: (stroke: Stroke) => void;
  undoStroke: () => void;
  clearMask: () => void;
}

export const createDocumentSlice: StateCreator<AppState, [], [], DocumentSlice> = (set) => ({
  image: null,
  strokes: [],
  loadImage: (image) =>
    set((state) => {
      if (state.image) URL.revokeObjectURL(state.image.url);
      return { image, strokes: [], currentJob: null, mainView: "edit", outpaint: null };
    }),
  commitStroke: (stroke) => set((state) => ({ strokes: [...state.strokes, stroke] })),
  undoStroke: () => set((state) => ({ strokes: state.strokes.slice(0, -1) })),
  clearMask: () => set({ strokes: [] }),
});
