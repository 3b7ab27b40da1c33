import type { ReactNode } from "react";
import { usePageImageInput } from "./use-page-image-input";

/** Shows a highlight while an image is dragged over the page; drop and paste work anywhere. */
export function DropZone({ children }: { children: ReactNode }) {
  const dragging = usePageImageInput();
  return (
    <div className="relative flex min-h-0 min-w-0 flex-1">
      {children}
      {dragging && (
        <div className="pointer-events-none absolute inset-3 grid place-items-center rounded-xl border-2 border-dashed border-accent bg-black/60 text-lg text-white">
          Drop to open the image
        </div>
      )}
    </div>
  );
}
