import type { FillRequestBody } from "../../contract";
import { cancelJob, submitFill, submitPresetExpand } from "../api/fill-jobs";
import { ApiError } from "../api/http";
import { blobKey, type RunRecord, type VariantRecord } from "../history/history-db";
import { readBlob, readVariant, updateVariant } from "../history/runs-repo";
import { blobToBase64 } from "../lib/png";
import { describeSubmitError } from "./describe-status";
import { MAX_SEED } from "./fill-params";

/**
 * Image and mask as BFL wants them (bare base64), encoded once per run. For a run outpainted by
 * preset the image is the original and the mask is not sent.
 */
export interface EncodedInputs {
  image: string;
  mask: string;
}

export function fillBody(run: RunRecord, inputs: EncodedInputs, seed: number): FillRequestBody {
  const { params } = run;
  return {
    image: inputs.image,
    mask: inputs.mask,
    prompt: run.prompt,
    steps: params.steps,
    guidance: params.guidance,
    seed,
    safety_tolerance: params.safety_tolerance,
    output_format: params.output_format,
    prompt_upsampling: params.prompt_upsampling,
  };
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
 * with a sentence for people; nothing else of the run changes, so it can be retried.
 */
export async function submitVariant(
  run: RunRecord,
  index: number,
  inputs: EncodedInputs,
  seed: number,
): Promise<void> {
  await updateVariant(run.id, index, {
    state: "submitting",
    status: "Submitting",
    seed,
    message: null,
    jobId: null,
    pollingUrl: null,
  });
  try {
    const { mask, ...body } = fillBody(run, inputs, seed);
    const submitted = run.outpaintPreset
      ? await submitPresetExpand(body, run.provider, run.outpaintPreset)
      : await submitFill({ ...body, mask }, run.provider);
    const ids = { jobId: submitted.id, pollingUrl: submitted.polling_url };
    if ((await readVariant(run.id, index))?.state === "cancelled") {
      // Cancelled while it was being sent: now that the job has an id, tell the proxy too.
      await updateVariant(run.id, index, ids);
      await cancelJob(submitted.id).catch(() => undefined);
      return;
    }
    await updateVariant(run.id, index, { state: "pending", status: "Pending", ...ids });
  } catch (error) {
    const status = error instanceof ApiError ? error.status : 0;
    const text = error instanceof Error ? error.message : String(error);
    const message = describeSubmitError(status, text);
    await updateVariant(run.id, index, {
      state: "failed",
      status: "Submit failed",
      message: message.text,
      retryable: message.retryable,
    });
  }
}

/** Sends a failed or cancelled variant again, from the image and mask kept with its run. */
export async function retryVariant(run: RunRecord, index: number): Promise<void> {
  const variant = run.variants[index];
  const [image, mask] = await Promise.all([
    readBlob(blobKey(run.id, run.outpaintPreset ? "original" : "source")),
    readBlob(blobKey(run.id, "mask")),
  ]);
  if (!variant || !image || !mask) {
    throw new Error("This run's images were pruned from storage; generate it again.");
  }
  const inputs = { image: await blobToBase64(image), mask: await blobToBase64(mask) };
  // Moderation judged this seed's picture: a random run tries another one.
  const freshSeed = variant.status === "Content Moderated" && run.params.seed === null;
  const seed = freshSeed ? Math.floor(Math.random() * MAX_SEED) : variant.seed;
  await submitVariant(run, index, inputs, seed);
}
