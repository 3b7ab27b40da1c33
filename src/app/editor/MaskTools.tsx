import { Keyboard } from "lucide-react";
import { useAppStore } from "../store/store";
import { BRUSH_SIZE, FEATHER } from "../store/tools-slice";
import { buttonClass } from "./button-class";
import { MaskActions } from "./MaskActions";
import { MaskFiles } from "./MaskFiles";
import { OverlayControls } from "./OverlayControls";
import { Slider } from "./Slider";
import { ToolButtons } from "./ToolButtons";

/** The editor's sidebar: tools, sizes, whole-mask actions, overlay and mask files. */
export function MaskTools() {
  const brushSize = useAppStore((s) => s.brushSize);
  const setBrushSize = useAppStore((s) => s.setBrushSize);
  const featherPx = useAppStore((s) => s.featherPx);
  const setFeatherPx = useAppStore((s) => s.setFeatherPx);
  const openShortcuts = useAppStore((s) => s.setShortcutsOpen);
  return (
    <section className="space-y-3">
      <h2 className="flex items-center justify-between text-xs font-semibold uppercase tracking-wide text-neutral-400">
        Mask
        <button
          type="button"
          title="Keyboard shortcuts (?)"
          className={`${buttonClass} px-1.5 py-0.5 text-xs normal-case`}
          onClick={() => openShortcuts(true)}
        >
          <Keyboard size={14} aria-hidden /> ?
        </button>
      </h2>
      <ToolButtons />
      <Slider
        label="Brush size"
        testId="brush-size"
        value={brushSize}
        display={`${brushSize}px`}
        min={BRUSH_SIZE.min}
        max={BRUSH_SIZE.max}
        onChange={setBrushSize}
      />
      <MaskActions />
      <Slider
        label="Edge feather (on export)"
        testId="feather"
        value={featherPx}
        display={featherPx === 0 ? "hard" : `${featherPx}px`}
        min={FEATHER.min}
        max={FEATHER.max}
        onChange={setFeatherPx}
      />
      <OverlayControls />
      <MaskFiles />
    </section>
  );
}
