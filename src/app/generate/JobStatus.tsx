import { useQuery } from "@tanstack/react-query";
import { jobQuery } from "../api/fill-jobs";
import type { SubmittedJob } from "../store/jobs-slice";
import { describeStatus } from "./describe-status";

/** The polled status of the current job, in words, with a progress bar while pending. */
export function JobStatus({ job }: { job: SubmittedJob }) {
  const { data, error } = useQuery(jobQuery(job.pollingUrl));
  const status = data?.status ?? "Pending";
  const text = error
    ? error.message
    : describeStatus(status, data?.progress ?? null, data?.details);
  const failed = Boolean(error) || (status !== "Pending" && status !== "Ready");
  return (
    <div className="space-y-2" aria-live="polite">
      <p
        data-testid="job-status"
        data-status={error ? "unreachable" : status}
        className={failed ? "text-sm text-red-300" : "text-sm text-neutral-200"}
      >
        {text}
      </p>
      {status === "Pending" && !error && (
        <div className="h-1.5 overflow-hidden rounded bg-neutral-700">
          <div
            className="h-full bg-accent transition-[width]"
            style={{ width: `${Math.round((data?.progress ?? 0) * 100)}%` }}
          />
        </div>
      )}
    </div>
  );
}
