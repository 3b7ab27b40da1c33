import {
  Brush,
  Eraser,
  Lasso,
  Redo2,
  Scissors,
  Square,
  SquareDashed,
  Undo2,
  WandSparkles,
} from "lucide-react";
import type { ReactNode } from "react";
import { SmartToolOptions } from "../select/SmartToolOptions";
import { LAYER_HISTORY } from "../store/document-slice";
import { useAppStore } from "../store/store";
import { isSmartTool, type Tool } from "../store/tools-slice";
import { ToolButton } from "../ui/ToolButton";

export const TOOLS: { tool: Tool; label: string; key: string; icon: ReactNode }[] = [
  { tool: "brush", label: "Brush", key: "B", icon: <Brush size={15} aria-hidden /> },
  { tool: "eraser", label: "Eraser", key: "E", icon: <Eraser size={15} aria-hidden /> },
  { tool: "rect", label: "Rectangle", key: "R", icon: <Square size={15} aria-hidden /> },
  { tool: "lasso", label: "Lasso", key: "L", icon: <Lasso size={15} aria-hidden /> },
  { tool: "wand", label: "Wand", key: "W", icon: <WandSparkles size={15} aria-hidden /> },
  { tool: "object", label: "Object", key: "S", icon: <SquareDashed size={15} aria-hidden /> },
  { tool: "scissors", label: "Edge lasso", key: "Q", icon: <Scissors size={15} aria-hidden /> },
];

/**
 * Tool picker plus undo/redo; every button names its shortcut in its tooltip. Each first brings
 * the mask editor on screen (from Compare, say), so it never acts on a mask nobody can see.
 */
export function ToolButtons() {
  const tool = useAppStore((s) => s.tool);
  const setTool = useAppStore((s) => s.setTool);
  // Undo and redo step through the layer being painted.
  const canUndo = useAppStore((s) => s[LAYER_HISTORY[s.paintLayer].ops].length > 0);
  const canRedo = useAppStore((s) => s[LAYER_HISTORY[s.paintLayer].redo].length > 0);
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  const editMask = useAppStore((s) => s.editMask);
  const inEditor = (action: () => void) => () => {
    editMask();
    action();
  };
  return (
    <>
      <div className="flex flex-wrap gap-1.5">
        {TOOLS.map((t) => (
          <ToolButton
            key={t.tool}
            testId={`tool-${t.tool}`}
            icon={t.icon}
            label={t.label}
            pressed={tool === t.tool}
            title={`${t.label} (${t.key}); ${isSmartTool(t.tool) ? "Shift adds, Alt cuts, both intersect" : "right-drag or Alt cuts"}`}
            onClick={inEditor(() => setTool(t.tool))}
          />
        ))}
        <ToolButton
          testId="undo"
          icon={<Undo2 size={15} aria-hidden />}
          label="Undo"
          title="Undo (Ctrl/Cmd+Z)"
          disabled={!canUndo}
          onClick={inEditor(undo)}
        />
        <ToolButton
          testId="redo"
          icon={<Redo2 size={15} aria-hidden />}
          label="Redo"
          title="Redo (Ctrl/Cmd+Shift+Z)"
          disabled={!canRedo}
          onClick={inEditor(redo)}
        />
      </div>
      <SmartToolOptions />
    </>
  );
}
