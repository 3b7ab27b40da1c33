import { useAppStore } from "./store/store";
import type { MainView } from "./store/view-slice";

const TABS: { view: MainView; label: string }[] = [
  { view: "edit", label: "Edit mask" },
  { view: "compare", label: "Compare" },
];

/** Switches the main area between the mask editor and the run on show. */
export function ViewTabs() {
  const mainView = useAppStore((s) => s.mainView);
  const setMainView = useAppStore((s) => s.setMainView);
  const hasImage = useAppStore((s) => s.image !== null);
  const hasRun = useAppStore((s) => s.shownRunId !== null);
  return (
    <div role="tablist" className="flex rounded-md bg-neutral-800 p-0.5 text-sm">
      {TABS.map(({ view, label }) => (
        <button
          key={view}
          type="button"
          role="tab"
          aria-selected={mainView === view}
          disabled={view === "compare" ? !hasRun : !hasImage}
          onClick={() => setMainView(view)}
          className="rounded px-3 py-1 text-neutral-300 aria-selected:bg-neutral-600 aria-selected:text-white disabled:opacity-40"
        >
          {label}
        </button>
      ))}
    </div>
  );
}
