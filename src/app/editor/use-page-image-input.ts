import { useEffect, useState } from "react";
import { useOpenImage } from "./use-open-image";

/**
 * Drop anywhere on the page and paste from the clipboard both open an image. Returns whether a
 * file is being dragged over the page, for the drop highlight.
 */
export function usePageImageInput(): boolean {
  const openImage = useOpenImage();
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes("Files") ?? false;
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(true);
    };
    const onDragLeave = (event: DragEvent) => {
      // Leaving the window (no related target), not moving between children.
      if (!event.relatedTarget) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      event.preventDefault();
      setDragging(false);
      void openImage(event.dataTransfer?.files[0]);
    };
    const onPaste = (event: ClipboardEvent) => {
      const target = event.target;
      const typing =
        target instanceof HTMLTextAreaElement ||
        (target instanceof HTMLInputElement && target.type === "text");
      const file = [...(event.clipboardData?.files ?? [])][0];
      // Pasted text goes to the prompt; only pasted image files open.
      if (!file || typing) return;
      event.preventDefault();
      void openImage(file, file.name && file.name !== "image.png" ? file.name : "pasted image");
    };
    window.addEventListener("dragover", onDragOver);
    window.addEventListener("dragleave", onDragLeave);
    window.addEventListener("drop", onDrop);
    window.addEventListener("paste", onPaste);
    return () => {
      window.removeEventListener("dragover", onDragOver);
      window.removeEventListener("dragleave", onDragLeave);
      window.removeEventListener("drop", onDrop);
      window.removeEventListener("paste", onPaste);
    };
  }, [openImage]);
  return dragging;
}
