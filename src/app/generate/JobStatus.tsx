import { useQuery } from "@tanstack/react-query";
import { RotateCcw, X } from "lucide-react";
import { jobQuery } from "../api/fill-jobs";
import type { RunRecord, VariantRecord } from "../history/history-db";
import { CONNECTION_LOST, describeStatus } from "./describe-status";
import { useCancelJob } from "./use-cancel-job";
import { useRetryVariant } from "./use-retry-variant";

/** One job: its status in words, a progress bar while pending, and cancel or retry. */
export function JobStatus({ run, variant }: { run: RunRecord; variant: VariantRecord }) {
  const pending = variant.state === "pending" && variant.pollingUrl !== null;
  const live = useQuery({ ...jobQuery(variant.pollingUrl ?? ""), enabled: pending });
  // Offline, react-query pauses the poll (it resumes by itself); a failed poll is an error.
  const lost = pending && (live.isError || live.fetchStatus === "paused");
  const progress = live.data?.progress ?? 0;
  const text = lost
    ? CONNECTION_LOST
    : variant.state === "submitting"
      ? "Sending…"
      : variant.state === "pending"
        ? describeStatus("Pending", live.data?.progress ?? null, null).text
        : variant.state === "failed"
          ? (variant.message ?? describeStatus(variant.status, null, null).text)
          : describeStatus(variant.status, null, null).text;
  const failed = lost || variant.state === "failed";

  const cancel = useCancelJob(run, variant);
  const retryVariant = useRetryVariant();
  const retry = () => retryVariant(run, variant.index);

  return (
    <div className="space-y-1 text-sm" aria-live="polite">
      <div className="flex items-start gap-2">
        <span className="shrink-0 text-neutral-400">#{variant.index + 1}</span>
        <p
          data-testid="job-status"
          data-status={lost ? "unreachable" : variant.status}
          className={failed ? "flex-1 text-red-300" : "flex-1 text-neutral-200"}
        >
          {text}
        </p>
        {(variant.state === "pending" || variant.state === "submitting") && (
          <button
            type="button"
            data-testid="job-cancel"
            onClick={cancel}
            title="Cancel this job"
            className="rounded p-0.5 text-neutral-400 hover:bg-neutral-700 hover:text-white"
          >
            <X size={14} aria-label="Cancel" />
          </button>
        )}
        {lost && (
          <button
            type="button"
            data-testid="job-retry"
            onClick={() => live.refetch()}
            className="shrink-0 rounded bg-neutral-700 px-2 text-xs text-white hover:bg-neutral-600"
          >
            Retry now
          </button>
        )}
        {(variant.state === "failed" || variant.state === "cancelled") && variant.retryable && (
          <button
            type="button"
            data-testid="job-retry"
            onClick={retry}
            className="inline-flex shrink-0 items-center gap-1 rounded bg-neutral-700 px-2 text-xs text-white hover:bg-neutral-600"
          >
            <RotateCcw size={12} aria-hidden /> Retry
          </button>
        )}
      </div>
      {variant.state === "pending" && !lost && (
        <div className="h-1.5 overflow-hidden rounded bg-neutral-700">
          <div
            className="h-full bg-accent transition-[width]"
            style={{ width: `${Math.round(progress * 100)}%` }}
          />
        </div>
      )}
    </div>
  );
}
