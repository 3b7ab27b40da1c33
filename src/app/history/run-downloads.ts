import { originalBlob } from "../compare/original-image";
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
    task: run.task,
    variant: index,
    seed: variant.seed,
    extension: variant.resultExtension ?? "png",
  });
  downloadBlob(blob, name);
}

/** Original | each finished variant, labelled, side by side on one PNG for sharing. */
export async function downloadSheet(run: RunRecord): Promise<void> {
  const ready = run.variants.filter((v) => v.state === "ready");
  const blobs = await Promise.all([
    originalBlob(run),
    ...ready.map((v) => readBlob(blobKey(run.id, "result", v.index))),
  ]);
  const labels = ["Original", ...ready.map((v) => variantLabel(v))];
  const panels = blobs.flatMap((blob, i) => (blob ? [{ blob, label: labels[i] ?? "" }] : []));
  if (panels.length !== blobs.length || panels.length < 2) throw pruned();
  downloadBlob(await sideBySidePng(panels), sheetFileName(run));
}

/** How a variant is named on its tile and on the sheet. */
export const variantLabel = (variant: { index: number; seed: number }) =>
  `Variant ${variant.index + 1} · seed ${variant.seed}`;
