import {
  ERASE_ROUTE,
  EXCLUDE_MASK_FIELD,
  EXPAND_ROUTE,
  FILL_ROUTE,
  OUTPAINT_ROUTE,
} from "../../contract";
import { cancelJob, type JobRequest, submitJob } from "../api/fill-jobs";
import { ApiError } from "../api/http";
import { blobKey, type RunRecord, type VariantRecord } from "../history/history-db";
import { readBlob, readVariant, updateVariant } from "../history/runs-repo";
import { blobToBase64 } from "../lib/png";
import { describeSubmitError } from "./describe-status";
import { MAX_SEED } from "./fill-params";
import type { SendsInFlight } from "./sends-in-flight";
import type { TaskRequest } from "./task-request";

/**
 * Image and mask as BFL wants them (bare base64), encoded once per run. The image is the file
 * itself, or for a padded outpaint the canvas; the outpainting tool and a preset send no mask.
 */
export interface EncodedInputs {
  image: string;
  mask: string;
  /** The area not to copy from, for a provider that takes it; absent otherwise. */
  exclude?: string;
}

/** The request of a run stored before the tools: fill, or expand by its preset. */
function requestOf(run: RunRecord): TaskRequest {
  if (run.request) return run.request;
  return run.outpaintPreset ? { kind: "preset", preset: run.outpaintPreset } : { kind: "fill" };
}

/**
 * One variant's request to the endpoint its run chose. Fill and expand write jpeg or png only:
 * a run that chose webp for a tool and fell back to them gets png.
 */
export function jobRequest(run: RunRecord, inputs: EncodedInputs, seed: number): JobRequest {
  const { params } = run;
  const common = {
    seed,
    safety_tolerance: params.safety_tolerance,
    ...(inputs.exclude ? { [EXCLUDE_MASK_FIELD]: inputs.exclude } : {}),
  };
  const fillFormat = params.output_format === "webp" ? "png" : params.output_format;
  const generation = {
    ...common,
    image: inputs.image,
    prompt: run.prompt,
    steps: params.steps,
    guidance: params.guidance,
    output_format: fillFormat,
    prompt_upsampling: params.prompt_upsampling,
  };
  const request = requestOf(run);
  switch (request.kind) {
    case "erase":
      return {
        route: ERASE_ROUTE,
        body: {
          ...common,
          image: inputs.image,
          mask: inputs.mask,
          dilate_pixels: request.dilatePixels,
          output_format: params.output_format,
        },
      };
    case "outpaint":
      return {
        route: OUTPAINT_ROUTE,
        body: {
          ...common,
          input_image: inputs.image,
          width: request.width,
          height: request.height,
          reference_offset_x: request.offsetX,
          reference_offset_y: request.offsetY,
          // The tool's prompt is optional: an empty one is left out rather than sent.
          ...(run.prompt.trim() ? { prompt: run.prompt } : {}),
          output_format: params.output_format,
        },
      };
    case "preset":
      return { route: EXPAND_ROUTE, body: generation, preset: request.preset };
    case "fill":
      return { route: FILL_ROUTE, body: { ...generation, mask: inputs.mask } };
  }
}

/** How a variant the user cancelled is recorded; it can always be sent again. */
export const CANCELLED_VARIANT = {
  state: "cancelled",
  status: "Cancelled",
  message: "Cancelled.",
  retryable: true,
} as const satisfies Partial<VariantRecord>;

/**
 * Submits one variant and records what the proxy said. A refusal is recorded on the variant
 * with a sentence for people; nothing else of the run changes, so it can be retried. The upload
 * is listed in `sends` while it goes, so a Cancel can stop it.
 */
export async function submitVariant(
  run: RunRecord,
  index: number,
  inputs: EncodedInputs,
  seed: number,
  sends: SendsInFlight,
): Promise<void> {
  await updateVariant(run.id, index, {
    state: "submitting",
    status: "Submitting",
    seed,
    message: null,
    jobId: null,
    pollingUrl: null,
  });
  const signal = sends.start(run.id, index);
  try {
    const submitted = await submitJob(
      jobRequest(run, inputs, seed),
      run.provider,
      run.composite === true,
      signal,
    );
    const ids = { jobId: submitted.id, pollingUrl: submitted.polling_url };
    if ((await readVariant(run.id, index))?.state === "cancelled") {
      // Cancelled while it was being sent: now that the job has an id, tell the proxy too.
      await updateVariant(run.id, index, ids);
      await cancelJob(submitted.id).catch(() => undefined);
      return;
    }
    await updateVariant(run.id, index, { state: "pending", status: "Pending", ...ids });
  } catch (error) {
    // Stopped while it was being sent: the proxy never made a job of it.
    if (signal.aborted) {
      await updateVariant(run.id, index, CANCELLED_VARIANT);
      return;
    }
    const status = error instanceof ApiError ? error.status : 0;
    const text = error instanceof Error ? error.message : String(error);
    const message = describeSubmitError(status, text);
    await updateVariant(run.id, index, {
      state: "failed",
      status: "Submit failed",
      message: message.text,
      retryable: message.retryable,
    });
  } finally {
    sends.finish(run.id, index);
  }
}

/** Sends a failed or cancelled variant again, from the image and mask kept with its run. */
export async function retryVariant(
  run: RunRecord,
  index: number,
  sends: SendsInFlight,
): Promise<void> {
  const variant = run.variants[index];
  const [original, source, mask, exclude] = await Promise.all([
    readBlob(blobKey(run.id, "original")),
    readBlob(blobKey(run.id, "source")),
    readBlob(blobKey(run.id, "mask")),
    readBlob(blobKey(run.id, "exclude")),
  ]);
  const image = original ?? source;
  if (!variant || !image || !mask) {
    throw new Error("This run's images were pruned from storage; generate it again.");
  }
  const inputs = {
    image: await blobToBase64(image),
    mask: await blobToBase64(mask),
    ...(exclude ? { exclude: await blobToBase64(exclude) } : {}),
  };
  // Moderation judged this seed's picture: a random run tries another one.
  const freshSeed = variant.status === "Content Moderated" && run.params.seed === null;
  const seed = freshSeed ? Math.floor(Math.random() * MAX_SEED) : variant.seed;
  await submitVariant(run, index, inputs, seed, sends);
}
