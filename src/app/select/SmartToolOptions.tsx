import { useSyncExternalStore } from "react";
import { useAppStore } from "../store/store";
import { WAND_TOLERANCE } from "../store/tools-slice";
import { Slider } from "../ui/Slider";
import { ToolButton } from "../ui/ToolButton";
import { applyPendingObject, selectionPreview } from "./selection-preview";

const HINTS = {
  object:
    "Drag a box around an object. Paint inside it to keep more, Alt-paint to cut. Enter applies, Esc drops.",
  scissors:
    "Click to set anchors; the path follows edges. Click the first point, double-click or Enter to close.",
} as const;

/** Settings and hints for the smart tool in use. */
export function SmartToolOptions() {
  const tool = useAppStore((s) => s.tool);
  const tolerance = useAppStore((s) => s.wandTolerance);
  const setTolerance = useAppStore((s) => s.setWandTolerance);
  const contiguous = useAppStore((s) => s.wandContiguous);
  const setContiguous = useAppStore((s) => s.setWandContiguous);
  const pending = useSyncExternalStore(selectionPreview.subscribe, selectionPreview.get);
  if (tool !== "wand" && tool !== "object" && tool !== "scissors") return null;
  return (
    <div className="space-y-2 text-xs text-neutral-400">
      {tool === "wand" ? (
        <>
          <Slider
            label="Tolerance"
            testId="wand-tolerance"
            value={tolerance}
            display={String(tolerance)}
            min={WAND_TOLERANCE.min}
            max={WAND_TOLERANCE.max}
            onChange={setTolerance}
          />
          <label className="flex items-center gap-2 text-sm text-neutral-200">
            <input
              type="checkbox"
              data-testid="wand-contiguous"
              checked={contiguous}
              onChange={(event) => setContiguous(event.currentTarget.checked)}
              className="accent-accent"
            />
            Contiguous
          </label>
        </>
      ) : (
        <p>{HINTS[tool]}</p>
      )}
      {tool === "object" && pending?.object && (
        <div className="flex gap-1.5">
          <ToolButton
            testId="object-apply"
            label={pending.selection && !pending.quick ? "Apply" : "Cutting…"}
            disabled={!pending.selection || pending.quick}
            onClick={applyPendingObject}
          />
          <ToolButton label="Cancel" onClick={() => selectionPreview.set(null)} />
        </div>
      )}
    </div>
  );
}
