import { randomUUID } from "node:crypto";
import sharp from "sharp";
import {
  FILL_RANGES,
  MAX_IMAGE_PIXELS,
  MAX_PROMPT_LENGTH,
  OUTPUT_FORMATS,
  type ProviderInfo,
} from "../../contract";
import { MASK_COVERS_EVERYTHING, maskCoversEverything } from "../../mask-coverage";
import { maskFromAlpha, maskFromGray } from "../engine/fill-mask";
import type { FillOutput, FillTask } from "../engine/fill-task";
import type { WorkerPool } from "../engine/worker-pool";
import { decodeExpandTask } from "./local-expand";
import type { FillJob, PollOutcome, Provider, ProviderJob } from "./provider";
import { UpstreamError } from "./provider";

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
  };
  readonly pollIntervalMs = 100;
  /** Pixels live in this process's memory: a restart cannot resume a local fill. */
  readonly resumable = false;
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
    this.run(job, abort.signal, (progress) => keep({ state: "pending", progress }))
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

  private async run(
    job: ProviderJob,
    cancelled: AbortSignal,
    onProgress: (fraction: number) => void,
  ): Promise<PollOutcome> {
    const decoded = job.kind === "fill" ? await decodeFillTask(job) : await decodeExpandTask(job);
    // Decoding cannot be interrupted; a fill cancelled meanwhile never reaches a worker.
    cancelled.throwIfAborted();
    const task = { ...decoded, seed: job.request.seed ?? null };
    const handle = this.pool.run(task, [task.pixels.buffer as ArrayBuffer], onProgress);
    const stop = () => handle.cancel();
    cancelled.addEventListener("abort", stop, { once: true });
    const { pixels } = await handle.finally(() => cancelled.removeEventListener("abort", stop));
    const raw = sharp(pixels, {
      raw: { width: task.width, height: task.height, channels: task.channels },
    }).removeAlpha();
    const extension = job.request.output_format;
    const image =
      extension === "png"
        ? await raw.png().toBuffer()
        : await raw.jpeg({ quality: 95, chromaSubsampling: "4:4:4" }).toBuffer();
    return { state: "ready", image, extension, seed: job.request.seed ?? null };
  }
}

/** Raw pixels and a 0/1 mask, from either a separate mask or the image's alpha channel. */
async function decodeFillTask(job: FillJob): Promise<FillTask> {
  const useAlpha = job.mask === null;
  let image = sharp(job.image.bytes).toColourspace("srgb");
  image = useAlpha ? image.ensureAlpha() : image.removeAlpha();
  const decoded = await image.raw().toBuffer({ resolveWithObject: true });
  const pixels = new Uint8Array(decoded.data.buffer, decoded.data.byteOffset, decoded.data.length);
  const channels = decoded.info.channels as 3 | 4;
  const mask = job.mask
    ? maskFromGray(
        await sharp(job.mask.bytes).flatten({ background: "#000000" }).greyscale().raw().toBuffer(),
      )
    : maskFromAlpha(pixels);
  if (maskCoversEverything(mask)) throw new Error(MASK_COVERS_EVERYTHING);
  // Copy into a buffer of its own so it can be transferred to the worker without detaching
  // sharp's pooled memory.
  return {
    pixels: pixels.slice(),
    width: decoded.info.width,
    height: decoded.info.height,
    channels,
    mask,
  };
}
