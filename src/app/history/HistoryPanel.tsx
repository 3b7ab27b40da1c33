import { X } from "lucide-react";
import { useRef } from "react";
import { useRuns, useStorageUse } from "./history-queries";
import { RunCard } from "./RunCard";
import { STORAGE_BUDGET_BYTES } from "./runs-repo";
import { closeHistory, useHistoryEscape } from "./use-history-escape";

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Every run kept in this browser, newest first, in a column opened from the header. Esc or its
 * close button closes it and gives the focus back to the header's toggle.
 */
export function HistoryPanel() {
  const runs = useRuns();
  const used = useStorageUse();
  const panel = useRef<HTMLElement>(null);
  useHistoryEscape(panel);
  return (
    <section
      ref={panel}
      id="history"
      data-testid="history"
      aria-label="History"
      className="flex w-72 shrink-0 flex-col border-l border-neutral-800 bg-neutral-900"
    >
      <div className="flex items-center gap-2 border-b border-neutral-800 px-3 py-2">
        <h2 className="text-xs font-semibold uppercase tracking-wide text-neutral-400">History</h2>
        {used !== undefined && (
          <span
            data-testid="storage-use"
            className="text-xs text-neutral-500"
            title="Oldest runs' full-size images are pruned first beyond this; the run on screen never is."
          >
            {mb(used)} of {mb(STORAGE_BUDGET_BYTES)}
          </span>
        )}
        <button
          type="button"
          onClick={closeHistory}
          className="ml-auto rounded p-1 text-neutral-400 hover:bg-neutral-700 hover:text-white"
          title="Close the history (Esc)"
        >
          <X size={14} aria-label="Close history" />
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto p-2">
        {runs?.length === 0 && (
          <p className="p-1 text-xs text-neutral-400">Runs you generate are kept here.</p>
        )}
        <ul className="space-y-2">
          {runs?.map((run) => (
            <RunCard key={run.id} run={run} />
          ))}
        </ul>
      </div>
    </section>
  );
}
