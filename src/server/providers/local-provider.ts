import { randomUUID } from "node:crypto";
import {
  FILL_RANGES,
  MAX_IMAGE_PIXELS,
  MAX_PROMPT_LENGTH,
  OUTPUT_FORMATS,
  type ProviderInfo,
  TASK_IDS,
} from "../../contract";
import { MASK_COVERS_EVERYTHING, maskCoversEverything } from "../../mask-coverage";
import type { FillOutput, FillTask } from "../engine/fill-task";
import type { WorkerPool } from "../engine/worker-pool";
import { decodeOwnValues, encodeOwnValues } from "../images/source-colour";
import { jobGeometry, padToCanvas, placedExclusion } from "./job-geometry";
import type { PollOutcome, Provider, ProviderJob } from "./provider";
import { UpstreamError } from "./provider";

/** One fill on this process's engine workers; a fill worker runs queued fills through it. */
export type LocalFill = (
  job: ProviderJob,
  cancelled: AbortSignal,
  onProgress: (fraction: number) => void,
) => Promise<Extract<PollOutcome, { state: "ready" }>>;

/**
 * The embedded engine: a content-aware fill from the image's own surroundings, run in worker
 * threads. It needs no key and no network, so the app works offline and in every test. It does
 * not read the prompt, and the UI says so.
 */
export class LocalProvider implements Provider {
  readonly info: ProviderInfo = {
    id: "local",
    label: "Local fill engine (offline)",
    readsPrompt: false,
    supportsExpand: true,
    outpaintPresets: [],
    minPromptLength: 0,
    ranges: FILL_RANGES,
    outputFormats: [...OUTPUT_FORMATS],
    maxPromptLength: MAX_PROMPT_LENGTH,
    maxImagePixels: MAX_IMAGE_PIXELS,
    unavailableReason: null,
    tasks: [...TASK_IDS],
    // The engine fills from the surroundings whatever the task: removing is what it does best.
    nativeTasks: [...TASK_IDS],
    excludesSources: true,
    maxOutpaintPixels: MAX_IMAGE_PIXELS,
  };
  readonly pollIntervalMs = 100;
  /** Pixels live in this process's memory: a restart cannot resume a local fill. */
  readonly resumable = false;
  /** The engine copies every pixel outside the mask and blends its own seam. */
  readonly composites = true;
  private readonly jobs = new Map<string, PollOutcome>();
  /** One per fill not yet settled; aborting it cancels the fill wherever it is. */
  private readonly aborts = new Map<string, AbortController>();
  /** Fills accepted and not finished: running in a worker or waiting for one. */
  private active = 0;

  /**
   * @param capacity fills accepted at once (workers + bounded queue); beyond it submits are
   *   refused with 429 instead of piling up decoded images in memory.
   */
  constructor(
    private readonly pool: WorkerPool<FillTask, FillOutput>,
    private readonly capacity: number,
  ) {}

  async submit(job: ProviderJob): Promise<string> {
    if (this.active >= this.capacity) {
      throw new UpstreamError(
        429,
        `The local engine's queue is full (${this.capacity} fills); try again shortly.`,
        "2",
      );
    }
    this.active += 1;
    const ref = randomUUID();
    const abort = new AbortController();
    this.jobs.set(ref, { state: "pending", progress: 0 });
    this.aborts.set(ref, abort);
    // A cancelled job's outcome is nobody's business any more: it is not kept for a poll.
    const keep = (outcome: PollOutcome) => {
      if (!abort.signal.aborted) this.jobs.set(ref, outcome);
    };
    this.fill(job, abort.signal, (progress) => keep({ state: "pending", progress }))
      .then(keep, (error: unknown) =>
        keep({
          state: "failed",
          status: "Error",
          message: error instanceof Error ? error.message : String(error),
        }),
      )
      .finally(() => {
        this.active -= 1;
        this.aborts.delete(ref);
      });
    return ref;
  }

  async poll(ref: string): Promise<PollOutcome> {
    const outcome = this.jobs.get(ref);
    if (!outcome) return { state: "failed", status: "Task not found", message: "unknown job" };
    if (outcome.state !== "pending") this.jobs.delete(ref);
    return outcome;
  }

  /**
   * Cancels the worker task, so its worker is free for the next fill (the pool replaces a worker
   * that does not stop), and frees the fill's place in the queue at once.
   */
  cancel(ref: string): void {
    this.aborts.get(ref)?.abort();
    this.jobs.delete(ref);
  }

  readonly fill: LocalFill = async (job, cancelled, onProgress) => {
    const { task, source } = await decodeTask(job);
    // Decoding cannot be interrupted; a fill cancelled meanwhile never reaches a worker.
    cancelled.throwIfAborted();
    const handle = this.pool.run(task, [task.pixels.buffer as ArrayBuffer], onProgress);
    const stop = () => handle.cancel();
    cancelled.addEventListener("abort", stop, { once: true });
    const { pixels } = await handle.finally(() => cancelled.removeEventListener("abort", stop));
    const extension = job.request.output_format;
    const filled = { data: pixels, width: task.width, height: task.height, channels: 3 };
    const image = await encodeOwnValues(filled, source, extension);
    // The engine's seed when none is sent is 0: reported, so an unseeded result can be remade.
    return { state: "ready", image, extension, seed: job.request.seed ?? 0 };
  };
}

/**
 * Raw pixels in the file's own colour values (an Adobe RGB photo stays Adobe RGB), placed on
 * the job's canvas, and the job's 0/1 mask. Erase uses the exemplar fill whatever the mask's
 * shape: a thin dilated ring around an object is still an object to remove, not a scratch.
 */
export async function decodeTask(
  job: ProviderJob,
): Promise<{ task: FillTask; source: { bytes: Uint8Array; icc: Buffer | null } }> {
  const [own, geometry] = await Promise.all([decodeOwnValues(job.image.bytes), jobGeometry(job)]);
  const { mask } = geometry;
  if (maskCoversEverything(mask)) throw new Error(MASK_COVERS_EVERYTHING);
  const exclude = await placedExclusion(job, geometry);
  const placed = await padToCanvas(own, geometry);
  const task: FillTask = {
    pixels: placed.data,
    width: placed.width,
    height: placed.height,
    channels: 3,
    mask,
    ...(exclude ? { exclude } : {}),
    seed: job.request.seed ?? null,
    ...(job.kind === "erase" ? { mode: "exemplar" as const } : {}),
  };
  return { task, source: { bytes: job.image.bytes, icc: own.icc } };
}
