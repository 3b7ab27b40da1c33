import { Brush, Columns2, Expand } from "lucide-react";
import type { ReactNode } from "react";
import { useAppStore } from "../store/store";
import { type Mode, modeOf } from "../store/view-slice";

const MODES: { mode: Mode; label: string; title: string; icon: ReactNode }[] = [
  { mode: "edit", label: "Edit", title: "Paint the mask", icon: <Brush size={15} aria-hidden /> },
  {
    mode: "extend",
    label: "Extend",
    title: "Extend the canvas with a frame",
    icon: <Expand size={15} aria-hidden />,
  },
  {
    mode: "compare",
    label: "Compare",
    title: "The results of the run on show",
    icon: <Columns2 size={15} aria-hidden />,
  },
];

/** The three modes, always visible: the one on screen is highlighted, switching is one click. */
export function ModeTabs() {
  const mode = useAppStore(modeOf);
  const hasImage = useAppStore((s) => s.image !== null);
  const hasRun = useAppStore((s) => s.shownRunId !== null);
  const editMask = useAppStore((s) => s.editMask);
  const extendCanvas = useAppStore((s) => s.extendCanvas);
  const setMainView = useAppStore((s) => s.setMainView);
  const enter: Record<Mode, () => void> = {
    edit: editMask,
    extend: () => extendCanvas(),
    compare: () => setMainView("compare"),
  };
  return (
    <div role="tablist" aria-label="Mode" className="flex rounded-lg bg-neutral-800 p-0.5 text-sm">
      {MODES.map(({ mode: m, label, title, icon }) => (
        <button
          key={m}
          type="button"
          role="tab"
          data-testid={`mode-${m}`}
          title={title}
          aria-selected={mode === m}
          disabled={m === "compare" ? !hasRun : !hasImage}
          onClick={enter[m]}
          className="inline-flex items-center gap-1.5 rounded-md px-3 py-1 text-neutral-300 hover:text-white aria-selected:bg-accent aria-selected:text-white disabled:opacity-40"
        >
          {icon}
          {label}
        </button>
      ))}
    </div>
  );
}
