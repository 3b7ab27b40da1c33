import { useRun } from "../history/history-queries";
import { JobStatus } from "./JobStatus";

/** Every variant of the run on show, each with its own status, progress, cancel and retry. */
export function RunStatusList({ runId }: { runId: string }) {
  const run = useRun(runId);
  if (!run) return null;
  return (
    <ul className="space-y-2" aria-label="Jobs of this run">
      {run.variants.map((variant) => (
        <li key={variant.index}>
          <JobStatus run={run} variant={variant} />
        </li>
      ))}
    </ul>
  );
}
