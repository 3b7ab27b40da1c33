import { Expand } from "lucide-react";
import { OVERLAP } from "../store/outpaint-slice";
import { useAppStore } from "../store/store";
import { OUTPAINT_PRESETS } from "./outpaint-geometry";
import { useOutpaintFrame } from "./use-outpaint-frame";

const chip =
  "rounded-md border border-neutral-600 px-2 py-1 text-xs text-neutral-200 hover:bg-neutral-700 aria-pressed:border-accent aria-pressed:bg-accent/20 aria-pressed:text-white";

/** The seven presets, the seam overlap, and what the frame will be. */
export function OutpaintPanel() {
  const outpaint = useAppStore((s) => s.outpaint);
  const pick = useAppStore((s) => s.pickOutpaintPreset);
  const overlap = useAppStore((s) => s.outpaintOverlap);
  const setOverlap = useAppStore((s) => s.setOutpaintOverlap);
  const fitted = useOutpaintFrame();

  return (
    <section className="space-y-3">
      <h2 className="flex items-center gap-1.5 text-xs font-semibold uppercase tracking-wide text-neutral-400">
        <Expand size={13} aria-hidden /> Outpaint
      </h2>
      <fieldset data-testid="outpaint-preset" className="flex flex-wrap gap-1.5">
        <legend className="sr-only">Outpaint preset</legend>
        {OUTPAINT_PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            data-preset={preset}
            aria-pressed={outpaint?.preset === preset}
            className={chip}
            onClick={() => pick(outpaint?.preset === preset ? null : preset)}
          >
            {preset}
          </button>
        ))}
      </fieldset>
      {outpaint && fitted && (
        <div className="space-y-2 text-xs text-neutral-300">
          <p data-testid="outpaint-size">
            {outpaint.preset === "Custom" ? "Custom frame" : outpaint.preset}: new canvas{" "}
            <span className="tabular-nums text-neutral-100">
              {fitted.frame.width}×{fitted.frame.height}
            </span>
            . Drag the frame's edges or the image to adjust.
          </p>
          {fitted.notices.map((notice) => (
            <p key={notice} role="status" className="text-amber-300">
              {notice}
            </p>
          ))}
          <label className="block space-y-1">
            <span className="flex justify-between">
              Seam overlap <span className="tabular-nums text-neutral-400">{overlap}px</span>
            </span>
            <input
              type="range"
              min={OVERLAP.min}
              max={OVERLAP.max}
              value={overlap}
              onChange={(event) => setOverlap(Number(event.currentTarget.value))}
              className="w-full accent-accent"
            />
          </label>
          <button type="button" className={chip} onClick={() => pick(null)}>
            Back to inpainting
          </button>
        </div>
      )}
    </section>
  );
}
