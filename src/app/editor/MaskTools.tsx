import { Keyboard } from "lucide-react";
import { useAppStore } from "../store/store";
import { FEATHER } from "../store/tools-slice";
import { buttonClass } from "../ui/button-class";
import { Section } from "../ui/Section";
import { Slider } from "../ui/Slider";
import { BRUSH_SIZE } from "./brush-size";
import { GrowShrink, InvertClear } from "./MaskActions";
import { MaskFiles } from "./MaskFiles";
import { OverlayControls } from "./OverlayControls";
import { PaintLayerSwitch } from "./PaintLayerSwitch";
import { ToolButtons } from "./ToolButtons";

/** The Edit mode's sidebar: tools and sizes open; overlay and mask files fold away. */
export function MaskTools() {
  const brushSize = useAppStore((s) => s.brushSize);
  const setBrushSize = useAppStore((s) => s.setBrushSize);
  const featherPx = useAppStore((s) => s.featherPx);
  const setFeatherPx = useAppStore((s) => s.setFeatherPx);
  const openShortcuts = useAppStore((s) => s.setShortcutsOpen);
  return (
    <>
      <Section
        title="Mask"
        aside={
          <button
            type="button"
            title="Keyboard shortcuts (?)"
            className={`${buttonClass} px-1.5 py-0.5 text-xs normal-case`}
            onClick={(event) => {
              event.preventDefault();
              openShortcuts(true);
            }}
          >
            <Keyboard size={14} aria-hidden /> ?
          </button>
        }
      >
        <PaintLayerSwitch />
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
        <InvertClear />
        <GrowShrink />
        <Slider
          label="Edge feather (on export)"
          testId="feather"
          value={featherPx}
          display={featherPx === 0 ? "hard" : `${featherPx}px`}
          min={FEATHER.min}
          max={FEATHER.max}
          onChange={setFeatherPx}
        />
      </Section>
      <Section title="Overlay">
        <OverlayControls />
      </Section>
      <Section title="Mask files">
        <MaskFiles />
      </Section>
    </>
  );
}
