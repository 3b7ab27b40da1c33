import { type ReactNode, useState } from "react";
import { useOpenImage } from "./use-open-image";

/** Accepts an image dropped anywhere inside it, with a visible highlight while dragging. */
export function DropZone({ children }: { children: ReactNode }) {
  const openImage = useOpenImage();
  const [over, setOver] = useState(false);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: drop target; the file picker is the accessible path
    <div
      className="relative flex min-h-0 flex-1"
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes("Files")) return;
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        void openImage(event.dataTransfer.files[0]);
      }}
    >
      {children}
      {over && (
        <div className="pointer-events-none absolute inset-3 grid place-items-center rounded-xl border-2 border-dashed border-accent bg-black/60 text-lg text-white">
          Drop to open the image
        </div>
      )}
    </div>
  );
}
