import { useCallback } from "react";
import { toast } from "sonner";
import type { RunRecord } from "../history/history-db";
import { useSendsInFlight } from "./sends-in-flight-context";
import { retryVariant } from "./submit-variant";

/** Sends a failed or cancelled variant again; a run whose images were pruned gets a toast. */
export function useRetryVariant() {
  const sends = useSendsInFlight();
  return useCallback(
    (run: RunRecord, index: number) => {
      retryVariant(run, index, sends).catch((error: Error) => toast.error(error.message));
    },
    [sends],
  );
}
