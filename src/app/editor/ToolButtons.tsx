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
import { useAppStore } from "../store/store";
import type { Tool } from "../store/tools-slice";
import { buttonClass } from "./button-class";

const TOOLS: { tool: Tool; label: string; key: string; icon: ReactNode }[] = [
  { tool: "brush", label: "Brush", key: "B", icon: <Brush size={15} aria-hidden /> },
  { tool: "eraser", label: "Eraser", key: "E", icon: <Eraser size={15} aria-hidden /> },
  { tool: "rect", label: "Rectangle", key: "R", icon: <Square size={15} aria-hidden /> },
  { tool: "lasso", label: "Lasso", key: "L", icon: <Lasso size={15} aria-hidden /> },
  { tool: "wand", label: "Wand", key: "W", icon: <WandSparkles size={15} aria-hidden /> },
  { tool: "object", label: "Object", key: "S", icon: <SquareDashed size={15} aria-hidden /> },
  { tool: "scissors", label: "Edge lasso", key: "Q", icon: <Scissors size={15} aria-hidden /> },
];

/** Tool picker plus undo/redo; every button names its shortcut in its tooltip. */
export function ToolButtons() {
  const tool = useAppStore((s) => s.tool);
  const setTool = useAppStore((s) => s.setTool);
  const canUndo = useAppStore((s) => s.maskOps.length > 0);
  const canRedo = useAppStore((s) => s.redoOps.length > 0);
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  return (
    <>
      <div className="flex flex-wrap gap-1.5">
        {TOOLS.map((t) => (
          <button
            key={t.tool}
            type="button"
            data-testid={`tool-${t.tool}`}
            aria-pressed={tool === t.tool}
            title={`${t.label} (${t.key}); ${t.tool === "wand" || t.tool === "object" || t.tool === "scissors" ? "Shift adds, Alt cuts, both intersect" : "right-drag or Alt cuts"}`}
            className={`${buttonClass} ${tool === t.tool ? "border-accent bg-accent/20" : ""}`}
            onClick={() => setTool(t.tool)}
          >
            {t.icon} {t.label}
          </button>
        ))}
        <button
          type="button"
          data-testid="undo"
          title="Undo (Ctrl/Cmd+Z)"
          className={buttonClass}
          onClick={undo}
          disabled={!canUndo}
        >
          <Undo2 size={15} aria-hidden /> Undo
        </button>
        <button
          type="button"
          data-testid="redo"
          title="Redo (Ctrl/Cmd+Shift+Z)"
          className={buttonClass}
          onClick={redo}
          disabled={!canRedo}
        >
          <Redo2 size={15} aria-hidden /> Redo
        </button>
      </div>
      <SmartToolOptions />
    </>
  );
}
