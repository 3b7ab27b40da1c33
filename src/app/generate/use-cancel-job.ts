import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { cancelJobMutation, jobQuery } from "../api/fill-jobs";
import type { RunRecord, VariantRecord } from "../history/history-db";
import { updateVariant } from "../history/runs-repo";
import { useSendsInFlight } from "./sends-in-flight-context";
import { CANCELLED_VARIANT } from "./submit-variant";

/**
 * Cancel for one variant: shown as cancelled at once (the user asked; the list must not wait
 * for the network), then the proxy is told so it frees the worker and the job's slot. A job
 * that finished meanwhile goes back to polling, which brings in its result; when the server
 * cannot be told, a toast says so and the variant stays cancelled here.
 */
export function useCancelJob(run: RunRecord, variant: VariantRecord) {
  const queryClient = useQueryClient();
  const sends = useSendsInFlight();
  const markCancelled = async () => {
    await updateVariant(run.id, variant.index, CANCELLED_VARIANT);
    if (variant.pollingUrl) {
      await queryClient.cancelQueries({ queryKey: jobQuery(variant.pollingUrl).queryKey });
    }
  };
  const { mutate } = useMutation({
    ...cancelJobMutation(),
    onMutate: markCancelled,
    onSuccess: async (answer) => {
      if (answer !== "finished" || !variant.pollingUrl) return;
      // Pending again: the job trackers pick it up, read the final status and store the result.
      await updateVariant(run.id, variant.index, {
        state: "pending",
        status: "Pending",
        message: null,
        retryable: false,
      });
      await queryClient.invalidateQueries({ queryKey: jobQuery(variant.pollingUrl).queryKey });
    },
    onError: (error) => {
      toast.error(
        `The server could not be told to stop job #${variant.index + 1} (${error.message}); it stays cancelled here.`,
      );
    },
  });
  return () => {
    if (variant.jobId) {
      mutate(variant.jobId);
      return;
    }
    // Still being sent, so no job id yet: stop the upload. Should the proxy have answered
    // meanwhile, `submitVariant` sees the cancel and tells it.
    void markCancelled();
    sends.abort(run.id, variant.index);
  };
}
