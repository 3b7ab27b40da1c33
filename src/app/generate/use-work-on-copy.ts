import { useCallback, useState } from "react";
import { toast } from "sonner";
import type { DocumentImage } from "../store/document-slice";
import type { SavedDocument } from "../store/session-actions";
import { useAppStore } from "../store/store";
import { sizeWithin } from "./image-limit";
import { makeSmallerCopy } from "./smaller-copy";

/** How long the way back to the full-size original is offered. */
const ORIGINAL_KEPT_MS = 60_000;

/**
 * Replaces an image over the provider's pixel limit with a copy that fits, mask and all, so a
 * 24–50 MP camera photo can still be filled. The original can be put back for a minute.
 */
export function useWorkOnCopy(maxPixels: number | undefined) {
  const [pending, setPending] = useState(false);
  const run = useCallback(async () => {
    const original = useAppStore.getState().image;
    if (!original || maxPixels === undefined) return;
    setPending(true);
    try {
      const copy = await makeSmallerCopy(original, sizeWithin(original, maxPixels));
      const state = useAppStore.getState();
      // Another image may have opened meanwhile: the copy is of one no longer shown.
      if (state.image !== original) {
        URL.revokeObjectURL(copy.url);
        return;
      }
      const { maskOps, redoOps, excludeOps, excludeRedoOps, outpaint, outpaintOverlap } = state;
      state.workOnCopy(copy);
      const saved = { maskOps, redoOps, excludeOps, excludeRedoOps, outpaint, outpaintOverlap };
      offerOriginal({ image: original, ...saved }, copy);
    } catch (error) {
      toast.error(
        `The smaller copy could not be made: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setPending(false);
    }
  }, [maxPixels]);
  return { run, pending };
}

/**
 * Says what happened and offers the original back. The offer belongs to the copy: it ends when
 * another document opens, and the original's pixels are freed with it unless it was put back.
 */
function offerOriginal(saved: SavedDocument, copy: DocumentImage): void {
  let restored = false;
  const release = () => {
    stopWatching();
    if (!restored) URL.revokeObjectURL(saved.image.url);
  };
  const stopWatching = useAppStore.subscribe((state) => {
    if (state.image !== copy) toast.dismiss(id);
  });
  const id = toast.success(`Working on a ${copy.width}×${copy.height} copy.`, {
    description: `Mask scaled with it. The ${saved.image.width}×${saved.image.height} file on your disk is untouched.`,
    duration: ORIGINAL_KEPT_MS,
    action: {
      label: "Back to the original",
      onClick: () => {
        restored = true;
        useAppStore.getState().restoreDocument(saved);
        URL.revokeObjectURL(copy.url);
      },
    },
    onDismiss: release,
    onAutoClose: release,
  });
}
