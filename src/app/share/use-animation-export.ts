import { useEffect, useRef, useState } from "react";
import { originalBlob } from "../compare/original-image";
import { animationFileName } from "../history/download-names";
import { blobKey, type RunRecord } from "../history/history-db";
import { readBlob } from "../history/runs-repo";
import { downloadBlob } from "../lib/png";
import { renderAnimation } from "./animation-client";
import type { AnimationFormat } from "./animation-protocol";

const EXTENSIONS: Record<string, string> = {
  "image/gif": "gif",
  "video/mp4": "mp4",
  "video/webm": "webm",
};

export interface AnimationChoice {
  variant: number;
  width: number;
  height: number;
  durationMs: number;
  format: AnimationFormat;
}

/** Makes and downloads one wipe; progress is null while idle. Leaving the dialog cancels it. */
export function useAnimationExport(run: RunRecord) {
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cancel = useRef<(() => void) | null>(null);
  useEffect(() => () => cancel.current?.(), []);

  const start = async ({ variant, ...options }: AnimationChoice) => {
    setError(null);
    setProgress(0);
    try {
      const [before, after] = await Promise.all([
        originalBlob(run),
        readBlob(blobKey(run.id, "result", variant)),
      ]);
      if (!before || !after)
        throw new Error("This run's full-size images were pruned to save space.");
      const job = renderAnimation({ before, after, ...options }, setProgress);
      cancel.current = job.cancel;
      const blob = await job.result;
      downloadBlob(blob, animationFileName(run, variant, EXTENSIONS[blob.type] ?? "bin"));
    } catch (e) {
      if (e instanceof Error && e.message !== "cancelled") setError(e.message);
    } finally {
      cancel.current = null;
      setProgress(null);
    }
  };
  return { progress, error, start, cancel: () => cancel.current?.() };
}
