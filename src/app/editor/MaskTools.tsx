import { Download, Eraser, Undo2 } from "lucide-react";
import { toast } from "sonner";
import { downloadBlob, encodeMaskPng } from "../lib/png";
import { useAppStore } from "../store/store";
import { BRUSH_SIZE } from "../store/tools-slice";
import { rasterizeStrokes } from "./rasterize-strokes";

const button =
  "inline-flex items-center gap-1.5 rounded-md border border-neutral-600 px-2.5 py-1.5 text-sm text-neutral-100 hover:bg-neutral-700 disabled:opacity-40 disabled:hover:bg-transparent";

/** Brush size, undo, clear and the mask download. */
export function MaskTools() {
  const brushSize = useAppStore((s) => s.brushSize);
  const setBrushSize = useAppStore((s) => s.setBrushSize);
  const strokeCount = useAppStore((s) => s.strokes.length);
  const undoStroke = useAppStore((s) => s.undoStroke);
  const clearMask = useAppStore((s) => s.clearMask);

  const downloadMask = async () => {
    const { image, strokes } = useAppStore.getState();
    if (!image) return;
    try {
      const mask = rasterizeStrokes(strokes, image.width, image.height);
      downloadBlob(await encodeMaskPng(mask, image.width, image.height), "mask.png");
    } catch (error) {
      toast.error(`Could not export the mask: ${(error as Error).message}`);
    }
  };

  return (
    <section className="space-y-3">
      <h2 className="text-xs font-semibold uppercase tracking-wide text-neutral-400">Mask</h2>
      <label className="block space-y-1 text-sm text-neutral-200">
        <span className="flex justify-between">
          Brush size <span className="tabular-nums text-neutral-400">{brushSize}px</span>
        </span>
        <input
          data-testid="brush-size"
          type="range"
          min={BRUSH_SIZE.min}
          max={BRUSH_SIZE.max}
          value={brushSize}
          onChange={(event) => setBrushSize(Number(event.currentTarget.value))}
          className="w-full accent-accent"
        />
      </label>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          data-testid="undo"
          className={button}
          onClick={undoStroke}
          disabled={strokeCount === 0}
        >
          <Undo2 size={15} aria-hidden /> Undo
        </button>
        <button
          type="button"
          data-testid="mask-clear"
          className={button}
          onClick={clearMask}
          disabled={strokeCount === 0}
        >
          <Eraser size={15} aria-hidden /> Clear
        </button>
        <button type="button" data-testid="download-mask" className={button} onClick={downloadMask}>
          <Download size={15} aria-hidden /> mask.png
        </button>
      </div>
    </section>
  );
}
