import { useEffect, useState } from "react";
import { historyDb, type RunRecord } from "./history-db";
import { useLive } from "./use-live";

/** Every run, newest first. */
export function useRuns(): RunRecord[] | undefined {
  return useLive(() => historyDb.runs.orderBy("createdAt").reverse().toArray(), "runs");
}

export function useRun(runId: string | null): RunRecord | null | undefined {
  return useLive(
    async () => (runId ? ((await historyDb.runs.get(runId)) ?? null) : null),
    `run:${runId}`,
  );
}

/** Bytes the history uses in IndexedDB (images and thumbnails). */
export function useStorageUse(): number | undefined {
  return useLive(async () => {
    let bytes = 0;
    await historyDb.blobs.each((b) => {
      bytes += b.size;
    });
    await historyDb.runs.each((r) => {
      bytes += r.thumbnail?.size ?? 0;
    });
    return bytes;
  }, "storage");
}

/** An object URL for a stored image, revoked when no longer shown. */
export function useBlobUrl(key: string | null): string | undefined {
  const blob = useLive(
    async () => (key ? (await historyDb.blobs.get(key))?.blob : undefined),
    `blob:${key}`,
  );
  return useObjectUrl(blob);
}

export function useObjectUrl(blob: Blob | null | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob) {
      setUrl(undefined);
      return;
    }
    const created = URL.createObjectURL(blob);
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [blob]);
  return url;
}
