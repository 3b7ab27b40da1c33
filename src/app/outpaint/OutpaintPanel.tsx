import { maskMayHavePixels } from "../editor/mask-op";
import { ExcludeIgnored, usePaintInEditor } from "../editor/PaintLayerSwitch";
import { useSelectedProvider } from "../generate/use-generate";
import { OVERLAP } from "../store/outpaint-slice";
import { useAppStore } from "../store/store";
import { Section } from "../ui/Section";
import { Slider } from "../ui/Slider";
import { Chip } from "../ui/ToolButton";
import { PresetChips } from "./PresetChips";
import { useOutpaintFrame } from "./use-outpaint-frame";

/** The Extend mode's sidebar: the presets, what the frame will be, and the seam overlap. */
export function OutpaintPanel() {
  const outpaint = useAppStore((s) => s.outpaint);
  const editMask = useAppStore((s) => s.editMask);
  const overlap = useAppStore((s) => s.outpaintOverlap);
  const setOverlap = useAppStore((s) => s.setOutpaintOverlap);
  const fitted = useOutpaintFrame();
  const masked = useAppStore((s) => maskMayHavePixels(s.maskOps));
  const excluding = useAppStore((s) => maskMayHavePixels(s.excludeOps));
  const paintIn = usePaintInEditor();
  const canExclude = useSelectedProvider()?.excludesSources === true;

  return (
    <Section title="Frame">
      <PresetChips />
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
          {masked && (
            // The tint on the photo could read as part of the frame's shading: say what it is.
            <p data-testid="outpaint-carries-mask" className="text-neutral-400">
              The mask painted in Edit goes along: the tinted part of the photo is repainted too.
            </p>
          )}
          {excluding && (
            <p data-testid="outpaint-carries-exclusion" className="text-neutral-400">
              The violet area painted in Edit stays as it is and is not copied into the new area.
            </p>
          )}
          <ExcludeIgnored />
          {!excluding && canExclude && (
            // The local engine copies what stands near the frame; a sundial or a person repeated
            // across the new area is what the exclusion is for, so it is offered where it shows.
            <div className="space-y-1.5">
              <p data-testid="exclude-hint" className="text-neutral-400">
                If the fill repeats something from the photo, paint it as "Don't copy from".
              </p>
              <Chip
                label="Paint what not to copy"
                data={{ "data-testid": "exclude-hint-paint" }}
                onClick={() => paintIn("exclude")}
              />
            </div>
          )}
          <Slider
            label="Seam overlap"
            value={overlap}
            display={`${overlap}px`}
            min={OVERLAP.min}
            max={OVERLAP.max}
            onChange={setOverlap}
          />
          <Chip label="Back to inpainting" onClick={editMask} />
        </div>
      )}
    </Section>
  );
}
