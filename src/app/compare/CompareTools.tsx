import { InvertClear } from "../editor/MaskActions";
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
