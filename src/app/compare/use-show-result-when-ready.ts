import { useEffect } from "react";
import type { SubmittedJob } from "../store/jobs-slice";
import { useAppStore } from "../store/store";
import { useReadyResult } from "./use-ready-result";

/** Switches the main area to the comparison once per job, the moment it turns Ready. */
export function useShowResultWhenReady(job: SubmittedJob | null): void {
  const sample = useReadyResult(job);
  const setMainView = useAppStore((s) => s.setMainView);
  useEffect(() => {
    if (sample) setMainView("compare");
  }, [sample, setMainView]);
}
