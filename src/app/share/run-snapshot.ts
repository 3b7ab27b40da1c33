import { MAX_SHARE_VARIANTS, type ShareCreateBody } from "../../contract";
import { originalBlob } from "../compare/original-image";
import { readyVariants } from "../compare/use-comparison";
import { blobKey, type RunRecord } from "../history/history-db";
import { describeTask } from "../history/run-task";
import { readBlob } from "../history/runs-repo";
import { blobToBase64 } from "../lib/png";

const pruned = () => new Error("This run's full-size images were pruned to save space.");

/** The variants a share of the run shows: the finished ones, as many as a share holds. */
export const sharedVariants = (run: RunRecord) => readyVariants(run).slice(0, MAX_SHARE_VARIANTS);

/** A run's pictures as stored in the browser: the before, the finished variants, the outline. */
export async function runPictures(run: RunRecord) {
  const indices = sharedVariants(run);
  const [before, outline, ...results] = await Promise.all([
    originalBlob(run),
    readBlob(blobKey(run.id, "outline")),
    ...indices.map((i) => readBlob(blobKey(run.id, "result", i))),
  ]);
  if (!before || indices.length === 0) throw pruned();
  const variants = indices.map((index, i) => {
    const blob = results[i];
    if (!blob) throw pruned();
    return { index, blob };
  });
  return { before, outline: outline ?? null, variants };
}

/** What `POST /api/shares` takes: the run's snapshot, from IndexedDB (the proxy kept none). */
export async function shareBodyFor(run: RunRecord): Promise<ShareCreateBody> {
  const pictures = await runPictures(run);
  return {
    before: await blobToBase64(pictures.before),
    variants: await Promise.all(
      pictures.variants.map(async (v) => ({ index: v.index, image: await blobToBase64(v.blob) })),
    ),
    outline: pictures.outline ? await blobToBase64(pictures.outline) : null,
    prompt: run.prompt,
    task: describeTask(run.task),
  };
}
