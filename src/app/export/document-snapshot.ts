import type { MaskOp } from "../editor/mask-op";
import type { DocumentImage } from "../store/document-slice";
import type { OutpaintRequest } from "../store/outpaint-slice";

/**
 * Everything an export reads, taken once and passed in: the pipeline never reaches for the
 * store, so one Generate cannot mix two states, and the pure parts run in Node tests.
 */
export interface DocumentSnapshot {
  image: DocumentImage;
  maskOps: readonly MaskOp[];
  /** The area the local engine must not copy from; sent only to providers that take it. */
  excludeOps: readonly MaskOp[];
  outpaint: OutpaintRequest | null;
  outpaintOverlap: number;
  featherPx: number;
  /** The presets the selected provider outpaints by name (apiframe); empty for the others. */
  providerPresets: readonly string[];
}

type DocumentFields = Omit<DocumentSnapshot, "image" | "providerPresets"> & {
  image: DocumentImage | null;
};

/** The snapshot of a store state, or an error a person can act on when there is no image. */
export function snapshotDocument(
  state: DocumentFields,
  providerPresets: readonly string[] = [],
): DocumentSnapshot {
  const { image, maskOps, excludeOps, outpaint, outpaintOverlap, featherPx } = state;
  if (!image) throw new Error("Load an image first.");
  return { image, maskOps, excludeOps, outpaint, outpaintOverlap, featherPx, providerPresets };
}
