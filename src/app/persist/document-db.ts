import Dexie, { type EntityTable } from "dexie";
import type { MaskOp } from "../editor/mask-op";

/** The open image's own bytes, written once per opened image. */
export interface StoredImage {
  id: "current";
  blob: Blob;
  name: string;
  width: number;
  height: number;
}

/** The mask's operation history, rewritten after each change (vectors: small). */
export interface StoredMask {
  id: "current";
  maskOps: MaskOp[];
  redoOps: MaskOp[];
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
