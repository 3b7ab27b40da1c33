import type { StateCreator } from "zustand";
import { renderMask } from "../editor/apply-mask-op";
import { type MaskOp, opBytes } from "../editor/mask-op";
import type { AppState } from "./store";

/** The loaded image, described by data only; pixels live in the browser's image cache. */
export interface DocumentImage {
  /** Object URL of the image's bytes; the browser applies EXIF orientation when drawing it. */
  url: string;
  name: string;
  width: number;
  height: number;
}

/**
 * The history's memory bound. Past either limit the oldest operations are folded into one
 * bitmap (width×height bytes), so a day of painting never grows memory without end; those
 * folded steps can no longer be undone one by one.
 */
export const HISTORY_LIMIT = { ops: 500, bytes: 40 * 1024 * 1024 } as const;
const FOLD_FRACTION = 0.25;

/**
 * The two masks the tools paint: the area to fill, and the area the local engine must neither
 * copy from nor continue ("don't copy from here", `EXCLUDE_MASK_FIELD`).
 */
export type PaintLayer = "mask" | "exclude";

export interface DocumentSlice {
  image: DocumentImage | null;
  /** The mask as an operation list in image pixels. Per-move updates never reach the store. */
  maskOps: MaskOp[];
  /** Undone operations, most recent last; any new operation discards them. */
  redoOps: MaskOp[];
  /** The "don't copy from here" area, kept as the mask is, with its own undo. */
  excludeOps: MaskOp[];
  excludeRedoOps: MaskOp[];
  /** The layer that painting, undo and redo act on. */
  paintLayer: PaintLayer;
  setPaintLayer: (layer: PaintLayer) => void;
  commitMaskOp: (op: MaskOp) => void;
  undo: () => void;
  redo: () => void;
}

/** Each layer's history fields: what a step on that layer reads and writes. */
export const LAYER_HISTORY = {
  mask: { ops: "maskOps", redo: "redoOps" },
  exclude: { ops: "excludeOps", redo: "excludeRedoOps" },
} as const satisfies Record<PaintLayer, { ops: keyof DocumentSlice; redo: keyof DocumentSlice }>;

export const createDocumentSlice: StateCreator<AppState, [], [], DocumentSlice> = (set) => ({
  image: null,
  maskOps: [],
  redoOps: [],
  excludeOps: [],
  excludeRedoOps: [],
  paintLayer: "mask",
  setPaintLayer: (paintLayer) => set({ paintLayer }),
  commitMaskOp: (op) =>
    set((state) => {
      if (!state.image) return {};
      const { ops, redo } = LAYER_HISTORY[state.paintLayer];
      return { [ops]: boundHistory([...state[ops], op], state.image), [redo]: [] };
    }),
  undo: () =>
    set((state) => {
      const { ops, redo } = LAYER_HISTORY[state.paintLayer];
      const last = state[ops].at(-1);
      if (!last) return {};
      return { [ops]: state[ops].slice(0, -1), [redo]: [...state[redo], last] };
    }),
  redo: () =>
    set((state) => {
      const { ops, redo } = LAYER_HISTORY[state.paintLayer];
      const next = state[redo].at(-1);
      if (!next) return {};
      return { [ops]: [...state[ops], next], [redo]: state[redo].slice(0, -1) };
    }),
});

/** Folds the oldest quarter of the history into one bitmap once it passes a limit. */
export function boundHistory(
  ops: MaskOp[],
  size: { width: number; height: number },
  limit: { ops: number; bytes: number } = HISTORY_LIMIT,
): MaskOp[] {
  const bytes = ops.reduce((sum, op) => sum + opBytes(op), 0);
  if (ops.length <= limit.ops && bytes <= limit.bytes) return ops;
  const count = Math.max(2, Math.ceil(ops.length * FOLD_FRACTION));
  const folded = renderMask(ops.slice(0, count), size.width, size.height);
  return [{ kind: "bitmap", data: folded }, ...ops.slice(count)];
}
