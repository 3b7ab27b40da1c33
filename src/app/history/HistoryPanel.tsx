import { Download, Trash2 } from "lucide-react";
import { toast } from "sonner";
import { useAppStore } from "../store/store";
import type { RunRecord } from "./history-db";
import { useObjectUrl, useRuns, useStorageUse } from "./history-queries";
import { downloadSheet } from "./run-downloads";
import { summariseVariants } from "./run-summary";
import { deleteRun, STORAGE_BUDGET_BYTES } from "./runs-repo";

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Every run kept in this browser, newest first: open, download or delete it. */
export function HistoryPanel() {
  const runs = useRuns();
  const used = useStorageUse();
  return (
    <section data-testid="history" className="space-y-2">
      <div className="flex items-baseline justify-between">
        <h2 className="text-xs font-semibold uppercase tracking-wide text-neutral-400">History</h2>
        {used !== undefined && (
          <span
            data-testid="storage-use"
            className="text-xs text-neutral-400"
            title="Oldest runs' full-size images are pruned first beyond this; the run on screen never is."
          >
            {mb(used)} of {mb(STORAGE_BUDGET_BYTES)}
          </span>
        )}
      </div>
      {runs?.length === 0 && (
        <p className="text-xs text-neutral-400">Runs you generate are kept here.</p>
      )}
      <ul className="space-y-2">
        {runs?.map((run) => (
          <RunCard key={run.id} run={run} />
        ))}
      </ul>
    </section>
  );
}

function RunCard({ run }: { run: RunRecord }) {
  const thumbnail = useObjectUrl(run.thumbnail);
  const current = useAppStore((s) => s.shownRunId === run.id);
  const showRun = useAppStore((s) => s.showRun);
  const setMainView = useAppStore((s) => s.setMainView);
  const { params } = run;
  const open = () => {
    showRun(run.id);
    setMainView("compare");
  };
  return (
    <li
      data-testid="history-run"
      data-current={current}
      className="flex gap-2 rounded-md border border-neutral-700 p-1.5 data-[current=true]:border-accent"
    >
      <button type="button" onClick={open} className="h-14 w-14 shrink-0" title="Open this run">
        {thumbnail && <img src={thumbnail} alt="" className="h-full w-full rounded object-cover" />}
      </button>
      <div className="min-w-0 flex-1 text-xs">
        <button
          type="button"
          onClick={open}
          className="block w-full truncate text-left text-sm text-neutral-100"
        >
          {run.prompt || "(no prompt)"}
        </button>
        <p className="truncate text-neutral-400" title={JSON.stringify(params)}>
          {run.provider} · {params.steps} steps · g {params.guidance} · {params.output_format}
        </p>
        <p className="text-neutral-400">
          {new Date(run.createdAt).toLocaleString()} ·{" "}
          <span data-testid="history-run-status">{summariseVariants(run.variants)}</span>
          {run.imagesPruned && " · images pruned"}
        </p>
      </div>
      <div className="flex flex-col gap-1">
        <button
          type="button"
          title="Download original | results as one PNG"
          disabled={!run.variants.some((v) => v.state === "ready") || run.imagesPruned}
          onClick={() => downloadSheet(run).catch((e: Error) => toast.error(e.message))}
          className="rounded p-1 text-neutral-400 hover:bg-neutral-700 hover:text-white disabled:opacity-30"
        >
          <Download size={14} aria-label="Download side by side" />
        </button>
        <button
          type="button"
          data-testid="history-delete"
          title="Delete this run"
          onClick={() => {
            if (current) showRun(null);
            void deleteRun(run.id);
          }}
          className="rounded p-1 text-neutral-400 hover:bg-neutral-700 hover:text-red-300"
        >
          <Trash2 size={14} aria-label="Delete run" />
        </button>
      </div>
    </li>
  );
}
