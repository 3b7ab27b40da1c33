import type { StateCreator } from "zustand";
import { BRUSH_SIZE, defaultBrushSize } from "../editor/brush-size";
import type { MaskOp } from "../editor/mask-op";
import { scaleMaskOps } from "../editor/scale-mask-ops";
import { type OutpaintPreset, presetPadding } from "../outpaint/outpaint-geometry";
import type { DocumentImage } from "./document-slice";
import type { OutpaintRequest } from "./outpaint-slice";
import type { AppState } from "./store";

/** A document as persistence saved it: the image, its mask history and its outpaint frame. */
export interface SavedDocument {
  image: DocumentImage;
  maskOps: MaskOp[];
  redoOps: MaskOp[];
  excludeOps: MaskOp[];
  excludeRedoOps: MaskOp[];
  outpaint: OutpaintRequest | null;
  outpaintOverlap: number;
}

/**
 * The actions that change what the workspace is about, and so touch several slices at once.
 * They live here, by name, so no slice resets another's fields as a hidden side effect.
 */
export interface SessionActions {
  /**
   * Makes `image` the document: fresh mask and exclusion histories (painting the mask), the view
   * fitted, a brush sized for it, no outpaint frame, no run on show and an empty prompt (both
   * belonged to the previous image: a prompt describes what to paint into one photo), back in the
   * editor.
   */
  openDocument: (image: DocumentImage) => void;
  /**
   * Puts back a saved document as it was, history and frame included, the view fitted and the
   * brush sized for its image (the brush size is not saved). Its prompt is the saved form's,
   * restored beside it (`usePersistedForm`), so it is left alone here.
   */
  restoreDocument: (saved: SavedDocument) => void;
  /**
   * Puts `copy`, the same picture at a smaller size, in place of the image: each mask step and
   * the outpaint frame are scaled to it (so undo still goes step by step), the view is fitted
   * and the brush scaled. The prompt and runs stay. The original's URL is left alive: whoever
   * made the copy keeps the original to go back to (`restoreDocument`).
   */
  workOnCopy: (copy: DocumentImage) => void;
  /** Shows a run (or none) with a fresh comparison: original against the first variant. */
  showRun: (runId: string | null) => void;
  /**
   * Back to painting the mask, with the mask shown: what every mask action does first, so a
   * brush picked (or an undo pressed) in Compare or Extend acts on a mask the user can see.
   */
  editMask: () => void;
  /**
   * Shows the outpaint frame for `preset`, or, without one, keeps the frame already set (else
   * the first preset): picking a preset from Compare opens the frame it will generate.
   */
  extendCanvas: (preset?: OutpaintPreset) => void;
}

const FIRST_PRESET: OutpaintPreset = "Zoom out 1.5x";

export const createSessionActions: StateCreator<AppState, [], [], SessionActions> = (set) => ({
  openDocument: (image) =>
    set((state) => {
      if (state.image) URL.revokeObjectURL(state.image.url);
      return {
        image,
        brushSize: defaultBrushSize(image),
        maskOps: [],
        redoOps: [],
        excludeOps: [],
        excludeRedoOps: [],
        paintLayer: "mask",
        view: null,
        outpaint: null,
        mainView: "edit",
        shownRunId: null,
        compareA: "original",
        compareB: 0,
        presenting: false,
        prompt: "",
      };
    }),
  restoreDocument: (saved) =>
    set({ ...saved, view: null, brushSize: defaultBrushSize(saved.image) }),
  workOnCopy: (copy) =>
    set((state) => {
      if (!state.image) return {};
      const from = state.image;
      const scale = copy.width / from.width;
      const padding = state.outpaint?.padding;
      return {
        image: copy,
        maskOps: scaleMaskOps(state.maskOps, from, copy),
        redoOps: scaleMaskOps(state.redoOps, from, copy),
        excludeOps: scaleMaskOps(state.excludeOps, from, copy),
        excludeRedoOps: scaleMaskOps(state.excludeRedoOps, from, copy),
        outpaint:
          state.outpaint && padding
            ? {
                ...state.outpaint,
                padding: {
                  top: Math.round(padding.top * scale),
                  right: Math.round(padding.right * scale),
                  bottom: Math.round(padding.bottom * scale),
                  left: Math.round(padding.left * scale),
                },
              }
            : null,
        brushSize: Math.max(BRUSH_SIZE.min, Math.round(state.brushSize * scale)),
        view: null,
      };
    }),
  showRun: (shownRunId) =>
    set({ shownRunId, compareA: "original", compareB: 0, presenting: false }),
  editMask: () =>
    set((state) => ({
      mainView: "edit",
      outpaint: null,
      maskVisible: true,
      // The stage switches from the frame back to the image: fit it anew.
      view: state.outpaint ? null : state.view,
    })),
  extendCanvas: (preset) =>
    set((state) => {
      if (!state.image) return {};
      const kept = preset === undefined ? state.outpaint : null;
      const outpaint = kept ?? {
        preset: preset ?? FIRST_PRESET,
        padding: presetPadding(preset ?? FIRST_PRESET, state.image),
      };
      return { mainView: "edit", outpaint, view: kept ? state.view : null };
    }),
});
