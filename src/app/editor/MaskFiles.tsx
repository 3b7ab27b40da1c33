import { Download, FileUp } from "lucide-react";
import { toast } from "sonner";
import { snapshotDocument } from "../export/document-snapshot";
import { type DownloadForm, exportMaskFile } from "../export/export-document";
import { useMaskManager } from "../export/mask-manager-context";
import { downloadBlob } from "../lib/png";
import { useAppStore } from "../store/store";
import { buttonClass } from "../ui/button-class";
import { ToolButton } from "../ui/ToolButton";
import { maskFromFile } from "./mask-from-file";

const DOWNLOAD_NAMES: Record<DownloadForm, string> = {
  mask: "mask.png",
  alpha: "image-mask-alpha.png",
};

/** Mask import (b/w, grey or alpha PNG) and export as mask.png or as the image's alpha. */
export function MaskFiles() {
  const masks = useMaskManager();
  const download = async (form: DownloadForm) => {
    try {
      const snapshot = snapshotDocument(useAppStore.getState());
      downloadBlob(await exportMaskFile(masks, snapshot, form), DOWNLOAD_NAMES[form]);
    } catch (error) {
      toast.error((error as Error).message);
    }
  };

  const importMask = async (file: File | undefined) => {
    const image = useAppStore.getState().image;
    if (!file || !image) return;
    try {
      const { mask, resizedFrom } = await maskFromFile(file, file.name, image);
      useAppStore.getState().commitMaskOp({ kind: "bitmap", data: mask });
      if (resizedFrom)
        toast.info(
          `The mask was ${resizedFrom.width}×${resizedFrom.height}; it was resized to the image's ${image.width}×${image.height}.`,
        );
    } catch (error) {
      toast.error((error as Error).message);
    }
  };

  return (
    <div className="flex flex-wrap gap-1.5">
      <ToolButton
        testId="download-mask"
        icon={<Download size={15} aria-hidden />}
        label="mask.png"
        onClick={() => download("mask")}
      />
      <ToolButton
        testId="download-mask-alpha"
        title="The image with the mask in its alpha channel (transparent = repaint)"
        icon={<Download size={15} aria-hidden />}
        label="Alpha PNG"
        onClick={() => download("alpha")}
      />
      <label
        className={`${buttonClass} relative cursor-pointer focus-within:ring-2 focus-within:ring-accent`}
      >
        <FileUp size={15} aria-hidden /> Import mask
        <input
          data-testid="mask-import"
          type="file"
          accept="image/png,image/jpeg,image/webp"
          className="sr-only"
          onChange={(event) => {
            void importMask(event.currentTarget.files?.[0]);
            event.currentTarget.value = "";
          }}
        />
      </label>
    </div>
  );
}
