import { useLayoutEffect, useRef, useSyncExternalStore } from "react";
import { drawSelection, previewStep, selectionPreview } from "./selection-preview";
import { markShown, SHOWN } from "./shown-marks";

/** Light blue at half opacity (ABGR, little-endian), so a preview never looks like the mask. */
const PREVIEW_TINT = 0x80ffc83e;

/**
 * The smart tools' preview, a canvas over the stage placed by CSS transform in the view's
 * image-to-screen mapping: panning and zooming move it without redrawing it.
 */
export function SelectionPreview({ view }: { view: { scale: number; x: number; y: number } }) {
  const pending = useSyncExternalStore(selectionPreview.subscribe, selectionPreview.get);
  const canvas = useRef<HTMLCanvasElement>(null);
  const selection = pending?.selection ?? null;
  const step = pending?.step ?? 1;
  /** Object select's stage, on the canvas for tests: the quick cut, then the full one. */
  const cut = pending?.object ? (pending.quick ? "quick" : "full") : undefined;

  useLayoutEffect(() => {
    if (!canvas.current || !selection) return;
    drawSelection(canvas.current, selection, PREVIEW_TINT);
    markShown(cut === "quick" ? SHOWN.quickCut : cut === "full" ? SHOWN.fullCut : SHOWN.preview);
  }, [selection, cut]);

  if (!selection) return null;
  const { box } = selection;
  const scale = view.scale * step * previewStep(box);
  const left = view.x + box.x * step * view.scale;
  const top = view.y + box.y * step * view.scale;
  return (
    <canvas
      ref={canvas}
      data-testid="selection-preview"
      data-cut={cut}
      data-box={[box.x, box.y, box.width, box.height].map((v) => v * step).join(",")}
      className="pointer-events-none absolute top-0 left-0 origin-top-left"
      style={{ transform: `translate(${left}px, ${top}px) scale(${scale})` }}
    />
  );
}
