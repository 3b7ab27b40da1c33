import { Contrast, Minus, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { useAppStore } from "../store/store";
import { ToolButton } from "../ui/ToolButton";
import type { MaskOp } from "./mask-op";

/** Commits a whole-mask operation with the editor on screen (it may be clicked from Compare). */
function useCommitInEditor() {
  const commit = useAppStore((s) => s.commitMaskOp);
  const editMask = useAppStore((s) => s.editMask);
  return (op: MaskOp) => {
    editMask();
    commit(op);
  };
}

/** Invert and clear, each one undoable step. */
export function InvertClear() {
  const commit = useCommitInEditor();
  return (
    <div className="flex flex-wrap gap-1.5">
      <ToolButton
        testId="mask-invert"
        icon={<Contrast size={15} aria-hidden />}
        label="Invert"
        title="Invert (Ctrl/Cmd+I)"
        onClick={() => commit({ kind: "invert" })}
      />
      <ToolButton
        testId="mask-clear"
        icon={<Trash2 size={15} aria-hidden />}
        label="Clear"
        onClick={() => commit({ kind: "clear" })}
      />
    </div>
  );
}

/** Grow and shrink the mask by N px, each one undoable step. */
export function GrowShrink() {
  const commit = useCommitInEditor();
  const [pixels, setPixels] = useState(8);
  return (
    <div className="flex items-center gap-1.5 text-sm text-neutral-200">
      <ToolButton
        testId="mask-grow"
        icon={<Plus size={15} aria-hidden />}
        label="Grow"
        onClick={() => commit({ kind: "grow", pixels })}
      />
      <ToolButton
        testId="mask-shrink"
        icon={<Minus size={15} aria-hidden />}
        label="Shrink"
        onClick={() => commit({ kind: "grow", pixels: -pixels })}
      />
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
  );
}
