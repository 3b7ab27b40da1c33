import { useEffect } from "react";
import { toast } from "sonner";
import { loadImageFile } from "../lib/load-image-file";
import { useAppStore } from "../store/store";
import { documentDb } from "./document-db";

const SAVE_DELAY_MS = 150;

/**
 * Keeps the image, the mask and its undo/redo history in IndexedDB, and restores them on load,
 * so a reload or a crash loses nothing. Saving failures (private mode, full disk) are reported
 * once and never block editing.
 */
export function useDocumentPersistence() {
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let warned = false;
    let cleanup = () => {};
    const fail = (error: unknown) => {
      if (warned) return;
      warned = true;
      toast.error(`Your work could not be saved in this browser: ${(error as Error).message}`);
    };

    void restore().then(() => {
      if (cancelled) return;
      let saved = useAppStore.getState();
      const save = async () => {
        const state = useAppStore.getState();
        const { image, maskOps, redoOps } = state;
        if (!image) return;
        if (image !== saved.image) {
          const blob = await (await fetch(image.url)).blob();
          const { name, width, height } = image;
          await documentDb.images.put({ id: "current", blob, name, width, height });
        }
        await documentDb.masks.put({ id: "current", maskOps, redoOps });
        saved = state;
      };
      const unsubscribe = useAppStore.subscribe((state, previous) => {
        const changed =
          state.image !== previous.image ||
          state.maskOps !== previous.maskOps ||
          state.redoOps !== previous.redoOps;
        if (!changed) return;
        clearTimeout(timer);
        timer = setTimeout(() => void save().catch(fail), SAVE_DELAY_MS);
      });
      cleanup = unsubscribe;
    });
    return () => {
      cancelled = true;
      clearTimeout(timer);
      cleanup();
    };
  }, []);
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
    useAppStore.getState().restoreDocument(image, mask?.maskOps ?? [], mask?.redoOps ?? []);
  } catch (error) {
    toast.error(`The previous session could not be restored: ${(error as Error).message}`);
  }
}
