import { DILATE_PIXELS_RANGE } from "../../contract";
import { useOutpaintFrame } from "../outpaint/use-outpaint-frame";
import { useAppStore } from "../store/store";
import { Slider } from "../ui/Slider";
import { compositeOption } from "./composite-option";
import type { Task } from "./tasks";

/**
 * The task's own settings, pinned under the task: Remove's dilation (its ring shows on the
 * stage while the slider is set), and for every task whether the result is composited into the
 * original so nothing outside the mask changes.
 */
export function TaskOptions({ task }: { task: Task }) {
  const dilatePixels = useAppStore((s) => s.dilatePixels);
  const setDilatePixels = useAppStore((s) => s.setDilatePixels);
  const composite = useAppStore((s) => s.composite);
  const setComposite = useAppStore((s) => s.setComposite);
  const option = compositeOption(task.id, useOutpaintFrame()?.scale ?? 1);
  return (
    <div className="space-y-2">
      {task.id === "erase" && (
        <Slider
          label="Grow the area removed"
          testId="dilate-pixels"
          value={dilatePixels}
          display={`${dilatePixels}px`}
          min={DILATE_PIXELS_RANGE.min}
          max={DILATE_PIXELS_RANGE.max}
          onChange={setDilatePixels}
        />
      )}
      <label
        className="flex items-start gap-2 text-xs text-neutral-300"
        title="Only the masked or new area takes the provider's pixels; the rest is kept as sent"
      >
        <input
          type="checkbox"
          data-testid="composite"
          className="mt-0.5 accent-accent"
          checked={composite}
          onChange={(event) => setComposite(event.currentTarget.checked)}
        />
        <span data-testid="composite-label">{option.label}</span>
      </label>
      {option.reason && (
        <p data-testid="composite-reason" className="pl-5 text-xs text-neutral-400">
          {option.reason}
        </p>
      )}
    </div>
  );
}
