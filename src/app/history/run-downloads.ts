import { downloadBlob } from "../lib/png";
import { resultFileName, sheetFileName } from "./download-names";
import { blobKey, type RunRecord } from "./history-db";
import { sideBySidePng } from "./image-blobs";
import { readBlob } from "./runs-repo";

const pruned = () => new Error("This run's full-size images were pruned to save space.");

/** Saves one variant's result under a name that says what it is. */
export async function downloadResult(run: RunRecord, index: number): Promise<void> {
  const variant = run.variants[index];
  const blob = await readBlob(blobKey(run.id, "result", index));
  if (!variant || !blob) throw pruned();
  const name = resultFileName({
    jobId: variant.jobId ?? run.id,
    sourceName: run.source.name,
    prompt: run.prompt,
    variant: index,
    seed: variant.seed,
    extension: variant.resultExtension ?? "png",
  });
  downloadBlob(blob, name);
}

/** Original | each finished variant, side by side on one PNG for sharing. */
export async function downloadSheet(run: RunRecord): Promise<void> {
  const keys = [
    blobKey(run.id, "source"),
    ...run.variants
      .filter((v) => v.state === "ready")
      .map((v) => blobKey(run.id, "result", v.index)),
  ];
  const blobs = await Promise.all(keys.map(readBlob));
  if (blobs.some((b) => !b) || blobs.length < 2) throw pruned();
  downloadBlob(
    await sideBySidePng(blobs as Blob[]),
    sheetFileName(run.source.name, run.prompt, run.createdAt),
  );
}
