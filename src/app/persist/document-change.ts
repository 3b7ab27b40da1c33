import type { MaskOp } from "../editor/mask-op";
import type { SavedDocument } from "../store/session-actions";
import type { AppState } from "../store/store";
import { applyHistoryDelta, type HistoryDelta, historyDelta } from "./history-delta";

/** The fields that make up the saved document; a change to any of them is written. */
export const DOCUMENT_FIELDS = [
  "image",
  "maskOps",
  "redoOps",
  "excludeOps",
  "excludeRedoOps",
  "outpaint",
  "outpaintOverlap",
] as const;

export type DocumentFields = Pick<AppState, (typeof DOCUMENT_FIELDS)[number]>;

/** A document's newest change as journaled: its mask history as steps on the durable one. */
export interface DocumentChange {
  maskOps: HistoryDelta<MaskOp>;
  redoOps: HistoryDelta<MaskOp>;
  /** Absent in changes journaled before the exclusion was kept. */
  excludeOps?: HistoryDelta<MaskOp>;
  excludeRedoOps?: HistoryDelta<MaskOp>;
  outpaint: DocumentFields["outpaint"];
  outpaintOverlap: number;
}

/**
 * The change from the durable document to `now`, or null when `now` shows another image: an
 * image's bytes are too large for the journal, so a newly opened one waits for its own write
 * (until then a reload brings back the previous photo, never this one's mask on it).
 */
export function documentChange(
  durable: DocumentFields,
  now: DocumentFields,
): DocumentChange | null {
  if (now.image !== durable.image) return null;
  return {
    maskOps: historyDelta(durable.maskOps, now.maskOps),
    redoOps: historyDelta(durable.redoOps, now.redoOps),
    excludeOps: historyDelta(durable.excludeOps, now.excludeOps),
    excludeRedoOps: historyDelta(durable.excludeRedoOps, now.excludeRedoOps),
    outpaint: now.outpaint,
    outpaintOverlap: now.outpaintOverlap,
  };
}

/** The saved document with a journaled change on it (unchanged if the change does not fit). */
export function applyDocumentChange(saved: SavedDocument, change: DocumentChange): SavedDocument {
  const maskOps = applyHistoryDelta(saved.maskOps, change.maskOps);
  const redoOps = applyHistoryDelta(saved.redoOps, change.redoOps);
  const excludeOps = change.excludeOps
    ? applyHistoryDelta(saved.excludeOps, change.excludeOps)
    : saved.excludeOps;
  const excludeRedoOps = change.excludeRedoOps
    ? applyHistoryDelta(saved.excludeRedoOps, change.excludeRedoOps)
    : saved.excludeRedoOps;
  if (!maskOps || !redoOps || !excludeOps || !excludeRedoOps) return saved;
  return {
    ...saved,
    maskOps,
    redoOps,
    excludeOps,
    excludeRedoOps,
    outpaint: change.outpaint,
    outpaintOverlap: change.outpaintOverlap,
  };
}
