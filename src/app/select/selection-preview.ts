import type { PixelBox } from "../editor/apply-mask-op";
import { useAppStore } from "../store/store";
import type { CutStroke } from "./object-cut";
import type { Selection, SelectionMode } from "./selection";

/**
 * What a smart tool would select, shown before it is committed: the wand's region under the
 * pointer, or the object select's cut (with its box and combine mode, which Apply commits).
 * Lives outside the store because it changes per pointer move and holds a bitmap.
 */
export interface PendingSelection {
  selection: Selection | null;
  /**
   * Image pixels per pixel of `selection`, its box included (1 when absent): the wand's hover
   * on a large image is worked out on a sampled copy, so it stays quick at 12 MP.
   */
  step?: number;
  /**
   * Object select's quick cut, shown while the full cut is worked out; only a full cut is
   * ever committed.
   */
  quick?: boolean;
  /** Only for object select: the box and strokes the cut came from, so strokes can refine it. */
  object?: { box: PixelBox; mode: SelectionMode; strokes: CutStroke[] };
}

let current: PendingSelection | null = null;
const listeners = new Set<() => void>();

export const selectionPreview = {
  get: () => current,
  set(next: PendingSelection | null) {
    current = next;
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** Commits a pending full object cut as a selection operation and ends the preview. */
export function applyPendingObject(): void {
  const pending = selectionPreview.get();
  if (pending?.object && pending.selection && !pending.quick)
    commitSelection(pending.object.mode, pending.selection);
  selectionPreview.set(null);
}

export function commitSelection(mode: SelectionMode, { box, data }: Selection): void {
  useAppStore.getState().commitMaskOp({ kind: "selection", mode, box, data });
}

/** Display pixels at most: a 12 MP selection is previewed from a ~1 MP sample of it. */
const PREVIEW_PIXELS = 1_000_000;

/** Image pixels per preview pixel for a selection box. */
export const previewStep = (box: PixelBox) =>
  Math.max(1, Math.ceil(Math.sqrt((box.width * box.height) / PREVIEW_PIXELS)));

/**
 * Draws a selection into a canvas (tinted where selected, transparent elsewhere), sampled down
 * by `previewStep` so the preview costs the same for any image size.
 */
export function drawSelection(canvas: HTMLCanvasElement, selection: Selection, rgba: number) {
  const { box, data } = selection;
  const step = previewStep(box);
  const width = Math.ceil(box.width / step);
  const height = Math.ceil(box.height / step);
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d");
  if (!context) return;
  const pixels = context.createImageData(width, height);
  const out = new Uint32Array(pixels.data.buffer);
  for (let y = 0; y < height; y++) {
    const row = y * step * box.width;
    for (let x = 0; x < width; x++) if (data[row + x * step]) out[y * width + x] = rgba;
  }
  context.putImageData(pixels, 0, 0);
}
