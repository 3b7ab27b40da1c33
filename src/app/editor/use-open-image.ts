import { useCallback } from "react";
import { toast } from "sonner";
import { loadImageFile } from "../lib/load-image-file";
import { useAppStore } from "../store/store";
import { transparentArea } from "./mask-from-file";

/**
 * Opens a file as the new document; on failure the current work stays and a message explains.
 * An image with transparency offers its transparent area as the mask.
 */
export function useOpenImage() {
  const openDocument = useAppStore((s) => s.openDocument);
  return useCallback(
    async (file: Blob | undefined, name = file instanceof File ? file.name : "pasted image") => {
      if (!file) return;
      try {
        const image = await loadImageFile(file, name);
        openDocument(image);
        const mask = await transparentArea(image.url, image.width, image.height);
        // Another image may have opened while this one was read.
        if (!mask || useAppStore.getState().image?.url !== image.url) return;
        offerAsMask(image.url, mask);
      } catch (error) {
        toast.error(error instanceof Error ? error.message : String(error));
      }
    },
    [openDocument],
  );
}

/**
 * Offers an image's transparent area as its mask. The offer belongs to that image: it is
 * dismissed as soon as another document opens, where it could only do nothing.
 */
function offerAsMask(imageUrl: string, mask: Uint8Array): void {
  const stopWatching = useAppStore.subscribe((state) => {
    if (state.image?.url !== imageUrl) toast.dismiss(id);
  });
  const id = toast("This image has transparent areas.", {
    description: "Repaint them? They become the mask.",
    duration: 15_000,
    action: {
      label: "Use as mask",
      onClick: () => useAppStore.getState().commitMaskOp({ kind: "bitmap", data: mask }),
    },
    onDismiss: stopWatching,
    onAutoClose: stopWatching,
  });
}
