import { useCallback } from "react";
import { toast } from "sonner";
import { loadImageFile } from "../lib/load-image-file";
import { useAppStore } from "../store/store";

/** Opens a file as the new document; on failure the current work stays and a message explains. */
export function useOpenImage() {
  const loadImage = useAppStore((s) => s.loadImage);
  return useCallback(
    async (file: File | undefined) => {
      if (!file) return;
      try {
        loadImage(await loadImageFile(file));
      } catch (error) {
        toast.error(error instanceof Error ? error.message : String(error));
      }
    },
    [loadImage],
  );
}
