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
        if (!mask) return;
        toast("This image has transparent areas.", {
          description: "Repaint them? They become the mask.",
          duration: 15_000,
          action: {
            label: "Use as mask",
            onClick: () => {
              const { image: current, commitMaskOp } = useAppStore.getState();
              if (current?.url === image.url) commitMaskOp({ kind: "bitmap", data: mask });
            },
          },
        });
      } catch (error) {
        toast.error(error instanceof Error ? error.message : String(error));
      }
    },
    [openDocument],
  );
}
