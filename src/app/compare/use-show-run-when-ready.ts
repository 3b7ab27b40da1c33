import { useEffect, useRef } from "react";
import { useRun } from "../history/history-queries";
import { useAppStore } from "../store/store";

/** Switches the main area to the comparison the moment the run on show gets its first result. */
export function useShowRunWhenReady(runId: string | null): void {
  const run = useRun(runId);
  const setMainView = useAppStore((s) => s.setMainView);
  const seen = useRef<{ id: string; ready: boolean } | null>(null);
  const ready = run?.variants.some((v) => v.state === "ready") ?? false;
  useEffect(() => {
    if (!run) return;
    const before = seen.current;
    seen.current = { id: run.id, ready };
    // Only a change seen while watching counts: reopening a finished run keeps the current view.
    if (before?.id === run.id && !before.ready && ready) setMainView("compare");
  }, [run, ready, setMainView]);
}
