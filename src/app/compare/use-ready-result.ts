import { useQuery } from "@tanstack/react-query";
import { jobQuery } from "../api/fill-jobs";
import type { SubmittedJob } from "../store/jobs-slice";

/** The result image URL of a job once it is Ready (shares the job's polling query). */
export function useReadyResult(job: SubmittedJob | null): string | undefined {
  const { data } = useQuery({ ...jobQuery(job?.pollingUrl ?? ""), enabled: job !== null });
  return data?.status === "Ready" ? data.result?.sample : undefined;
}
