import { useAppStore } from "../store/store";
import { Chip } from "../ui/ToolButton";
import { OUTPAINT_PRESETS } from "./outpaint-geometry";

/** The seven presets; picking one (from any mode) shows its frame on the stage. */
export function PresetChips() {
  const current = useAppStore((s) => s.outpaint?.preset ?? null);
  const extendCanvas = useAppStore((s) => s.extendCanvas);
  return (
    <fieldset data-testid="outpaint-preset" className="flex flex-wrap gap-1.5">
      <legend className="sr-only">Outpaint preset</legend>
      {OUTPAINT_PRESETS.map((preset) => (
        <Chip
          key={preset}
          label={preset}
          data={{ "data-preset": preset }}
          pressed={current === preset}
          onClick={() => extendCanvas(preset)}
        />
      ))}
    </fieldset>
  );
}
