import { useEffect } from "react";
import { toast } from "sonner";
import { loadImageFile } from "../lib/load-image-file";
import { OVERLAP } from "../store/outpaint-slice";
import type { AppState } from "../store/store";
import { useAppStore } from "../store/store";
import { documentDb } from "./document-db";
import { createSaveQueue } from "./save-queue";

/** The fields that make up the saved document; a change to any of them is written. */
const SAVED_FIELDS = ["image", "maskOps", "redoOps", "outpaint", "outpaintOverlap"] as const;

/**
 * Keeps the image, the mask with its undo/redo history and the outpaint frame in IndexedDB,
 * and restores them on load, so a reload or a crash loses nothing. Every committed change is
 * written at once (not after a pause: a reload right after a stroke would lose it), and a write
 * still waiting when the page is hidden or closed starts on `pagehide`. Saving failures
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

    void restore().then(() => {
      if (cancelled) return;
      let savedImage = useAppStore.getState().image;
      const write = async () => {
        const { image } = useAppStore.getState();
        if (!image) return;
        const blob = image === savedImage ? null : await (await fetch(image.url)).blob();
        // The state is read again after the await, so a write never stores an older state.
        const state = useAppStore.getState();
        if (state.image !== image) return;
        await documentDb.transaction("rw", documentDb.images, documentDb.masks, async () => {
          if (blob) {
            const { name, width, height } = image;
            await documentDb.images.put({ id: "current", blob, name, width, height });
          }
          await documentDb.masks.put(storedMask(state));
        });
        savedImage = image;
      };
      const queue = createSaveQueue(write, fail);
      const unsubscribe = useAppStore.subscribe((state, previous) => {
        if (SAVED_FIELDS.some((field) => state[field] !== previous[field])) queue.request();
      });
      window.addEventListener("pagehide", queue.flush);
      cleanup = () => {
        unsubscribe();
        window.removeEventListener("pagehide", queue.flush);
      };
    });
    return () => {
      cancelled = true;
      cleanup();
    };
  }, []);
}

function storedMask(state: AppState) {
  const { maskOps, redoOps, outpaint, outpaintOverlap } = state;
  return { id: "current" as const, maskOps, redoOps, outpaint, outpaintOverlap };
}

async function restore(): Promise<void> {
  try {
    const [stored, mask] = await Promise.all([
      documentDb.images.get("current"),
      documentDb.masks.get("current"),
    ]);
    // The user may have opened a file while the database was read: theirs wins.
    if (!stored || useAppStore.getState().image) return;
    const image = await loadImageFile(stored.blob, stored.name);
    useAppStore.getState().restoreDocument({
      image,
      maskOps: mask?.maskOps ?? [],
      redoOps: mask?.redoOps ?? [],
      outpaint: mask?.outpaint ?? null,
      outpaintOverlap: mask?.outpaintOverlap ?? OVERLAP.default,
    });
  } catch (error) {
    toast.error(`The previous session could not be restored: ${(error as Error).message}`);
  }
}
