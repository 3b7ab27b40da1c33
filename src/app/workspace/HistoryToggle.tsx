import { History } from "lucide-react";
import { useRuns } from "../history/history-queries";
import { HISTORY_TOGGLE_ID } from "../history/use-history-escape";
import { useAppStore } from "../store/store";

/** The history's entry point, always in the header, with how many runs it holds. */
export function HistoryToggle() {
  const open = useAppStore((s) => s.historyOpen);
  const setOpen = useAppStore((s) => s.setHistoryOpen);
  const count = useRuns()?.length ?? 0;
  return (
    <button
      type="button"
      id={HISTORY_TOGGLE_ID}
      data-testid="history-toggle"
      aria-pressed={open}
      aria-controls="history"
      onClick={() => setOpen(!open)}
      className="inline-flex items-center gap-1.5 rounded-md border border-neutral-700 px-2.5 py-1 text-sm text-neutral-200 hover:bg-neutral-800 aria-pressed:border-accent aria-pressed:bg-accent/20"
    >
      <History size={15} aria-hidden />
      History
      <span className="rounded bg-neutral-700 px-1.5 text-xs tabular-nums">{count}</span>
    </button>
  );
}
