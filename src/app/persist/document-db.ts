import Dexie, { type EntityTable } from "dexie";
import type { MaskOp } from "../editor/mask-op";
import type { OutpaintRequest } from "../store/outpaint-slice";

/** The open image's own bytes, written once per opened image. */
export interface StoredImage {
  id: "current";
  blob: Blob;
  name: string;
  width: number;
  height: number;
}

/**
 * The mask's operation history and the outpaint frame, rewritten on each change (vectors:
 * small). The frame fields are absent in documents saved before they were kept.
 */
export interface StoredMask {
  id: "current";
  /**
   * New at every write: the journal's change is replayed only over the revision it was made on
   * (`change-journal.ts`). Absent in documents saved before journals.
   */
  rev?: string;
  maskOps: MaskOp[];
  redoOps: MaskOp[];
  /** The "don't copy from here" area; absent in documents saved before it was kept. */
  excludeOps?: MaskOp[];
  excludeRedoOps?: MaskOp[];
  outpaint?: OutpaintRequest | null;
  outpaintOverlap?: number;
}

/**
 * The document's own database, separate from the run history's ("fillpaint-history"), so each
 * feature owns its schema and a reload restores exactly what was on screen.
 */
export const documentDb = new Dexie("fillpaint-document") as Dexie & {
  images: EntityTable<StoredImage, "id">;
  masks: EntityTable<StoredMask, "id">;
};

documentDb.version(1).stores({ images: "id", masks: "id" });
