import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { isTerminal, type ResultResponse } from "../../contract";
import { fetchResult, jobQuery } from "../api/fill-jobs";
import { historyDb, type ResultExtension, type VariantRecord } from "../history/history-db";
import { makeThumbnail } from "../history/image-blobs";
import { failInterruptedSubmits, storeResult, updateVariant } from "../history/runs-repo";
import { useLive } from "../history/use-live";
import { describeStatus } from "./describe-status";

/**
 * Follows every job still in flight, whatever is on screen, and records its outcome in the
 * history. The jobs are read from IndexedDB, so polling resumes by itself after a reload.
 */
export function JobTrackers() {
  useEffect(() => {
    void failInterruptedSubmits();
  }, []);
  const inFlight = useLive(async () => {
    const runs = await historyDb.runs.toArray();
    return runs.flatMap((run) =>
      run.variants
        .filter((v) => v.state === "pending" && v.pollingUrl)
        .map((variant) => ({ runId: run.id, variant })),
    );
  }, "in-flight");
  return (
    <>
      {inFlight?.map(({ runId, variant }) => (
        <JobTracker key={`${runId}:${variant.index}`} runId={runId} variant={variant} />
      ))}
    </>
  );
}

function JobTracker({ runId, variant }: { runId: string; variant: VariantRecord }) {
  const { data } = useQuery(jobQuery(variant.pollingUrl ?? ""));
  const settled = useRef(false);
  useEffect(() => {
    if (!data || !isTerminal(data.status) || settled.current) return;
    settled.current = true;
    void settle(runId, variant.index, data);
  }, [data, runId, variant.index]);
  return null;
}

/** The result's format from its content type (the tools may answer in webp). */
export function resultExtension(type: string): ResultExtension {
  if (type.includes("png")) return "png";
  return type.includes("webp") ? "webp" : "jpeg";
}

async function settle(runId: string, index: number, data: ResultResponse): Promise<void> {
  if (data.status === "Ready" && data.result) {
    try {
      const blob = await fetchResult(data.result.sample);
      await storeResult(runId, index, blob, resultExtension(blob.type), await makeThumbnail(blob));
    } catch (error) {
      await updateVariant(runId, index, {
        state: "failed",
        status: "Error",
        message: `The result could not be downloaded: ${error instanceof Error ? error.message : error}. Retry to generate it again.`,
        retryable: true,
      });
    }
    return;
  }
  const message = describeStatus(data.status, null, data.details);
  await updateVariant(runId, index, {
    state: "failed",
    status: data.status,
    message: message.text,
    retryable: message.retryable,
  });
}
