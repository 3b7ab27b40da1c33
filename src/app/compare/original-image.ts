import { useEffect, useState } from "react";
import { blobKey, type RunRecord } from "../history/history-db";
import { useBlobUrl } from "../history/history-queries";
import { placedOriginal } from "../history/image-blobs";
import { readBlob } from "../history/runs-repo";

const placed = new Map<string, Promise<Blob>>();

/**
 * A run's "before": the source image, or for an outpaint the photo alone at its place on the
 * new canvas (transparent around it, shown over the checkerboard), made once per run.
 */
export async function originalBlob(run: RunRecord): Promise<Blob | undefined> {
  const source = await readBlob(blobKey(run.id, "source"));
  if (!source || run.task?.kind !== "outpaint") return source;
  const { placement } = run.task;
  let made = placed.get(run.id);
  if (!made) {
    made = placedOriginal(source, placement);
    placed.set(run.id, made);
  }
  return made;
}

/** The object URL of `originalBlob`, for the Original tile and the A side. */
export function useOriginalUrl(run: RunRecord): string | undefined {
  const outpaint = run.task?.kind === "outpaint";
  const sourceUrl = useBlobUrl(outpaint ? null : blobKey(run.id, "source"));
  const [url, setUrl] = useState<string>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the run's id and task never change
  useEffect(() => {
    if (!outpaint) return;
    let created: string | undefined;
    let live = true;
    void originalBlob(run).then((blob) => {
      if (!live || !blob) return;
      created = URL.createObjectURL(blob);
      setUrl(created);
    });
    return () => {
      live = false;
      if (created) URL.revokeObjectURL(created);
    };
  }, [run.id, outpaint]);
  return outpaint ? url : sourceUrl;
}
