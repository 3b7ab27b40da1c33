import type { ProviderId } from "../../contract";
import type { RunParams } from "../generate/fill-params";
import {
  type BlobKind,
  blobKey,
  historyDb,
  type ResultExtension,
  type RunRecord,
  type VariantRecord,
} from "./history-db";
import { planPrune, type RunFootprint } from "./prune-plan";
import type { RunTask } from "./run-task";

/** How much the history may keep before old images are pruned. */
export const STORAGE_BUDGET_BYTES = 300 * 1024 * 1024;

export interface NewRun {
  prompt: string;
  provider: ProviderId;
  params: RunParams;
  seeds: number[];
  source: RunRecord["source"];
  images: { source: Blob; mask: Blob; outline: Blob; original: Blob | null; exclude: Blob | null };
  thumbnail: Blob;
  outpaintPreset: RunRecord["outpaintPreset"];
  task: RunTask;
  request: RunRecord["request"];
  composite: boolean;
}

/** Stores a run and its inputs before anything is sent, so a failure can never lose them. */
export async function createRun(run: NewRun): Promise<RunRecord> {
  const id = crypto.randomUUID();
  const record: RunRecord = {
    id,
    createdAt: Date.now(),
    prompt: run.prompt,
    provider: run.provider,
    params: run.params,
    source: run.source,
    thumbnail: run.thumbnail,
    imagesPruned: false,
    outpaintPreset: run.outpaintPreset,
    task: run.task,
    request: run.request,
    composite: run.composite,
    variants: run.seeds.map((seed, index) => ({
      index,
      seed,
      state: "submitting",
      status: "Submitting",
      jobId: null,
      pollingUrl: null,
      message: null,
      retryable: false,
      resultExtension: null,
    })),
  };
  const kinds: [BlobKind, Blob][] = [
    ["source", run.images.source],
    ["mask", run.images.mask],
    ["outline", run.images.outline],
    ...(run.images.original ? [["original", run.images.original] as [BlobKind, Blob]] : []),
    ...(run.images.exclude ? [["exclude", run.images.exclude] as [BlobKind, Blob]] : []),
  ];
  await historyDb.transaction("rw", historyDb.runs, historyDb.blobs, async () => {
    await historyDb.runs.add(record);
    await historyDb.blobs.bulkAdd(
      kinds.map(([kind, blob]) => ({
        key: blobKey(id, kind),
        runId: id,
        kind,
        blob,
        size: blob.size,
      })),
    );
  });
  return record;
}

/** Changes one variant inside a transaction, so parallel variants never overwrite each other. */
export async function updateVariant(
  runId: string,
  index: number,
  patch: Partial<VariantRecord>,
): Promise<void> {
  await historyDb.transaction("rw", historyDb.runs, async () => {
    const run = await historyDb.runs.get(runId);
    if (!run) return;
    const variants = run.variants.map((v) => (v.index === index ? { ...v, ...patch } : v));
    await historyDb.runs.update(runId, { variants });
  });
}

export async function readVariant(
  runId: string,
  index: number,
): Promise<VariantRecord | undefined> {
  return (await historyDb.runs.get(runId))?.variants.find((v) => v.index === index);
}

/** Keeps a finished result in the browser: the proxy's copy may not outlive a restart. */
export async function storeResult(
  runId: string,
  index: number,
  blob: Blob,
  extension: ResultExtension,
  thumbnail: Blob | null,
): Promise<void> {
  await historyDb.transaction("rw", historyDb.runs, historyDb.blobs, async () => {
    const run = await historyDb.runs.get(runId);
    if (!run) return;
    const key = blobKey(runId, "result", index);
    await historyDb.blobs.put({ key, runId, kind: "result", blob, size: blob.size });
    const firstResult = !run.variants.some((v) => v.state === "ready");
    const variants = run.variants.map((v) =>
      v.index === index
        ? {
            ...v,
            state: "ready" as const,
            status: "Ready",
            message: null,
            resultExtension: extension,
          }
        : v,
    );
    await historyDb.runs.update(runId, {
      variants,
      ...(firstResult && thumbnail ? { thumbnail } : {}),
    });
  });
}

/**
 * A variant still "submitting" when the app starts was being sent when the page went away: the
 * proxy may or may not have it, so say so and offer a retry rather than wait forever.
 */
export async function failInterruptedSubmits(): Promise<void> {
  await historyDb.runs
    .filter((r) => r.variants.some((v) => v.state === "submitting"))
    .modify((run) => {
      run.variants = run.variants.map((v) =>
        v.state === "submitting"
          ? {
              ...v,
              state: "failed",
              status: "Submit interrupted",
              message: "The page closed while this job was being sent. Retry to send it again.",
              retryable: true,
            }
          : v,
      );
    });
}

export async function deleteRun(runId: string): Promise<void> {
  await historyDb.transaction("rw", historyDb.runs, historyDb.blobs, async () => {
    await historyDb.blobs.where("runId").equals(runId).delete();
    await historyDb.runs.delete(runId);
  });
}

export async function readBlob(key: string): Promise<Blob | undefined> {
  return (await historyDb.blobs.get(key))?.blob;
}

/** Bytes used per run (images and thumbnail), read without loading any image. */
export async function footprints(): Promise<RunFootprint[]> {
  const sizes = new Map<string, number>();
  await historyDb.blobs.each((b) => sizes.set(b.runId, (sizes.get(b.runId) ?? 0) + b.size));
  const runs = await historyDb.runs.toArray();
  return runs.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    imageBytes: sizes.get(r.id) ?? 0,
    thumbnailBytes: r.thumbnail?.size ?? 0,
  }));
}

/**
 * Keeps the history within its budget, oldest first; the protected runs (on screen, still
 * running) are never pruned. Returns how many runs lost images or were removed, to tell the user.
 */
export async function pruneHistory(protectedIds: ReadonlySet<string>): Promise<number> {
  const running = await historyDb.runs
    .filter((r) => r.variants.some((v) => v.state === "pending" || v.state === "submitting"))
    .primaryKeys();
  const keep = new Set([...protectedIds, ...running]);
  const steps = planPrune(await footprints(), STORAGE_BUDGET_BYTES, keep);
  for (const step of steps) {
    if (step.drop === "run") {
      await deleteRun(step.runId);
    } else {
      await historyDb.transaction("rw", historyDb.runs, historyDb.blobs, async () => {
        await historyDb.blobs.where("runId").equals(step.runId).delete();
        await historyDb.runs.update(step.runId, { imagesPruned: true });
      });
    }
  }
  return steps.length;
}

export async function saveSetting(key: string, value: unknown): Promise<void> {
  await historyDb.settings.put({ key, value });
}

export async function loadSetting(key: string): Promise<unknown> {
  return (await historyDb.settings.get(key))?.value;
}
