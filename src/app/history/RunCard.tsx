import { Download, Trash2 } from "lucide-react";
import { toast } from "sonner";
import { useAppStore } from "../store/store";
import type { RunRecord } from "./history-db";
import { useObjectUrl } from "./history-queries";
import { downloadSheet } from "./run-downloads";
import { summariseVariants } from "./run-summary";
import { describeTask, promptOrNone } from "./run-task";
import { deleteRun } from "./runs-repo";

/**
 * One run: the whole card opens it. It names the task, the prompt (or "No prompt", worded as
 * in the caption and Present) and its variants' states on one line.
 */
export function RunCard({ run }: { run: RunRecord }) {
  const thumbnail = useObjectUrl(run.thumbnail);
  const current = useAppStore((s) => s.shownRunId === run.id);
  const showRun = useAppStore((s) => s.showRun);
  const setMainView = useAppStore((s) => s.setMainView);
  const open = () => {
    showRun(run.id);
    setMainView("compare");
  };
  const hasResult = run.variants.some((v) => v.state === "ready");
  const prompt = promptOrNone(run.prompt);
  const time = new Date(run.createdAt).toLocaleTimeString([], {
    hour: "2-digit",
    minute: "2-digit",
  });
  const states = `${summariseVariants(run.variants)}${run.imagesPruned ? " · images pruned" : ""}`;
  return (
    <li
      data-testid="history-run"
      data-current={current}
      className="group relative flex rounded-md border border-neutral-700 hover:border-neutral-500 data-[current=true]:border-accent"
    >
      <button
        type="button"
        onClick={open}
        title="Open this run"
        className="flex min-w-0 flex-1 gap-2 p-1.5 text-left"
      >
        <span className="h-14 w-14 shrink-0 overflow-hidden rounded bg-neutral-800">
          {thumbnail && <img src={thumbnail} alt="" className="h-full w-full object-cover" />}
        </span>
        <span className="min-w-0 flex-1 text-xs">
          <span data-testid="history-run-task" className="block text-neutral-400">
            {describeTask(run.task)} · {run.provider}
          </span>
          {/* Two lines of a long prompt; the whole of it on hover (the card's own title is the
              action, so the prompt needs its own). */}
          <span
            data-testid="history-run-prompt"
            className="line-clamp-2 break-words text-sm text-neutral-100 data-[empty=true]:italic data-[empty=true]:text-neutral-400"
            data-empty={!run.prompt.trim()}
            title={prompt}
          >
            {prompt}
          </span>
          <span className="block truncate text-neutral-400" title={`${states} · ${time}`}>
            <span data-testid="history-run-status">{summariseVariants(run.variants)}</span>
            {run.imagesPruned && " · images pruned"} · {time}
          </span>
        </span>
      </button>
      <div className="flex flex-col gap-1 p-1.5 pl-0">
        <button
          type="button"
          title="Download original | results as one PNG"
          disabled={!hasResult || run.imagesPruned}
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
