import { ImagePlus } from "lucide-react";
import { useOpenImage } from "./use-open-image";

export function OpenImageButton() {
  const openImage = useOpenImage();
  return (
    <label className="inline-flex cursor-pointer items-center gap-2 rounded-md bg-neutral-100 px-3 py-1.5 text-sm font-medium text-neutral-900 hover:bg-white focus-within:ring-2 focus-within:ring-accent">
      <ImagePlus size={16} aria-hidden />
      Open image
      <input
        data-testid="image-input"
        type="file"
        accept="image/png,image/jpeg,image/webp"
        className="sr-only"
        onChange={(event) => {
          void openImage(event.currentTarget.files?.[0]);
          event.currentTarget.value = "";
        }}
      />
    </label>
  );
}
