import { useEffect } from "react";
import { toast } from "sonner";
import { loadImageFile } from "../lib/load-image-file";
import { OVERLAP } from "../store/outpaint-slice";
import type { SavedDocument } from "../store/session-actions";
import { useAppStore } from "../store/store";
import { browserStorage, type ChangeJournal, createChangeJournal } from "./change-journal";
import {
  applyDocumentChange,
  DOCUMENT_FIELDS,
  type DocumentChange,
  type DocumentFields,
  documentChange,
} from "./document-change";
import { documentDb } from "./document-db";
import { createJournaledSaver, type Snapshot } from "./journaled-saver";
import { pickFields, sameFields, watchSavedFields } from "./watch-saved-fields";

const JOURNAL_KEY = "fillpaint:journal:document";

const documentOf = () => pickFields(useAppStore.getState(), DOCUMENT_FIELDS);

/**
 * Keeps the image, the mask with its undo/redo history and the outpaint frame in IndexedDB,
 * and restores them on load, so a reload or a crash loses nothing. Every committed change is
 * written at once, and journaled synchronously until that write is done (`createJournaledSaver`):
 * an IndexedDB write in flight when the page unloads may never finish. Saving failures
 * (private mode, full disk) are reported once and never block editing.
 */
export function useDocumentPersistence() {
  useEffect(() => {
    let cancelled = false;
    let cleanup = () => {};
    let warned = false;
    const fail = (error: unknown) => {
      if (warned) return;
      warned = true;
      toast.error(`Your work could not be saved in this browser: ${(error as Error).message}`);
    };
    const journal = createChangeJournal<DocumentChange>(browserStorage(), JOURNAL_KEY);

    void restore(journal).then((durable) => {
      if (cancelled) return;
      let storedImage = durable?.state.image ?? null;
      const write = async (take: () => Snapshot<DocumentFields>) => {
        const { image } = useAppStore.getState();
        if (!image) return null;
        const blob = image === storedImage ? null : await (await fetch(image.url)).blob();
        // The state is taken after the await, so a write never stores an older state.
        const snapshot = take();
        if (snapshot.state.image !== image) return null;
        const { maskOps, redoOps, excludeOps, excludeRedoOps, outpaint, outpaintOverlap } =
          snapshot.state;
        await documentDb.transaction("rw", documentDb.images, documentDb.masks, async () => {
          if (blob) {
            const { name, width, height } = image;
            await documentDb.images.put({ id: "current", blob, name, width, height });
          }
          await documentDb.masks.put({
            id: "current",
            rev: snapshot.rev,
            maskOps,
            redoOps,
            excludeOps,
            excludeRedoOps,
            outpaint,
            outpaintOverlap,
          });
        });
        storedImage = image;
        return snapshot;
      };
      const saver = createJournaledSaver({
        journal,
        read: documentOf,
        same: (a, b) => sameFields(DOCUMENT_FIELDS, a, b),
        changeOf: documentChange,
        durable,
        write,
        fail,
      });
      cleanup = watchSavedFields(DOCUMENT_FIELDS, saver);
    });
    return () => {
      cancelled = true;
      cleanup();
    };
  }, []);
}

/**
 * Puts back the stored document, with the journal's newer change on it if it was made on this
 * very stored state. Returns what the database holds, or null when the document on screen is
 * not the stored one (nothing stored, or the user opened a file while it was read).
 */
async function restore(
  journal: ChangeJournal<DocumentChange>,
): Promise<{ rev: string | null; state: DocumentFields } | null> {
  try {
    const [stored, mask] = await Promise.all([
      documentDb.images.get("current"),
      documentDb.masks.get("current"),
    ]);
    // The user may have opened a file while the database was read: theirs wins.
    if (!stored || useAppStore.getState().image) return null;
    const image = await loadImageFile(stored.blob, stored.name);
    const saved: SavedDocument = {
      image,
      maskOps: mask?.maskOps ?? [],
      redoOps: mask?.redoOps ?? [],
      excludeOps: mask?.excludeOps ?? [],
      excludeRedoOps: mask?.excludeRedoOps ?? [],
      outpaint: mask?.outpaint ?? null,
      outpaintOverlap: mask?.outpaintOverlap ?? OVERLAP.default,
    };
    const rev = mask?.rev ?? null;
    const change = journal.replayOver(rev);
    useAppStore.getState().restoreDocument(change ? applyDocumentChange(saved, change) : saved);
    return { rev, state: saved };
  } catch (error) {
    toast.error(`The previous session could not be restored: ${(error as Error).message}`);
    return null;
  }
}
