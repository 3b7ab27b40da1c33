import { InvertClear } from "../editor/MaskActions";
import { PaintLayerSwitch } from "../editor/PaintLayerSwitch";
import { ToolButtons } from "../editor/ToolButtons";
import { PresetChips } from "../outpaint/PresetChips";
import { Section } from "../ui/Section";

/**
 * Compare's sidebar: the ways back to work on the document. Each control first brings its mode
 * on screen (the mask editor, or the frame), so nothing acts on something out of sight.
 */
export function CompareTools() {
  return (
    <>
      <Section title="Refine the mask">
        <p className="text-xs text-neutral-400">Opens the editor with the mask shown.</p>
        {/* Undo and redo act on the layer it names, so it shows here too. */}
        <PaintLayerSwitch />
        <ToolButtons />
        <InvertClear />
      </Section>
      <Section title="Extend the canvas">
        <p className="text-xs text-neutral-400">Opens the frame on the stage.</p>
        <PresetChips />
      </Section>
    </>
  );
}
