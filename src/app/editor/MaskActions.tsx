import { Contrast, Minus, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { useAppStore } from "../store/store";
import { buttonClass } from "./button-class";

/** Whole-mask operations: invert, clear, grow and shrink by N px. Each is one undoable step. */
export function MaskActions() {
  const commit = useAppStore((s) => s.commitMaskOp);
  const [pixels, setPixels] = useState(8);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-1.5">
        <button
          type="button"
          data-testid="mask-invert"
          title="Invert (Ctrl/Cmd+I)"
          className={buttonClass}
          onClick={() => commit({ kind: "invert" })}
        >
          <Contrast size={15} aria-hidden /> Invert
        </button>
        <button
          type="button"
          data-testid="mask-clear"
          className={buttonClass}
          onClick={() => commit({ kind: "clear" })}
        >
          <Trash2 size={15} aria-hidden /> Clear
        </button>
      </div>
      <div className="flex items-center gap-1.5 text-sm text-neutral-200">
        <button
          type="button"
          data-testid="mask-grow"
          className={buttonClass}
          onClick={() => commit({ kind: "grow", pixels })}
        >
          <Plus size={15} aria-hidden /> Grow
        </button>
        <button
          type="button"
          data-testid="mask-shrink"
          className={buttonClass}
          onClick={() => commit({ kind: "grow", pixels: -pixels })}
        >
          <Minus size={15} aria-hidden /> Shrink
        </button>
        <label className="flex items-center gap-1">
          by
          <input
            data-testid="grow-pixels"
            type="number"
            min={1}
            max={256}
            value={pixels}
            onChange={(event) =>
              setPixels(Math.min(256, Math.max(1, Number(event.currentTarget.value) || 1)))
            }
            className="w-14 rounded border border-neutral-600 bg-neutral-800 px-1.5 py-1 tabular-nums"
          />
          px
        </label>
      </div>
    </div>
  );
}
