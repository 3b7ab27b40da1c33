import { randomUUID } from "node:crypto";
import sharp from "sharp";
import {
  APIFRAME_OUTPAINT_PRESETS,
  APIFRAME_RANGES,
  MAX_IMAGE_PIXELS,
  MAX_PROMPT_LENGTH,
  OUTPUT_FORMATS,
  type ProviderInfo,
  TASK_IDS,
} from "../../contract";
import { decodeOwnValues, srgbForUpstream } from "../images/source-colour";
import type { InputStore } from "../jobs/input-store";
import { jobGeometry, padToCanvas } from "./job-geometry";
import { matchingPreset } from "./preset-match";
import type { PollOutcome, Provider, ProviderJob } from "./provider";
import { UpstreamError } from "./provider";
import {
  downloadImage,
  forgottenJob,
  type HostPattern,
  readJson,
  redact,
  refusalBody,
  refusalError,
  upstreamFetch,
} from "./upstream-http";

export interface ApiframeProviderOptions {
  apiKey: string;
  /** https://api.apiframe.ai */
  baseUrl: string;
  /** Hosts (besides the API's and `*.apiframe.ai`/`*.apiframe.pro`) results may come from. */
  extraAllowedHosts?: string[];
  /** This proxy as the internet sees it; null refuses every job with a clear message. */
  publicBaseUrl: string | null;
  inputs: InputStore;
  fetch?: typeof fetch;
}

const WHO = "apiframe";
const SUBMIT_TIMEOUT_MS = 60_000;
const POLL_TIMEOUT_MS = 15_000;

export const MISSING_PUBLIC_BASE_URL =
  "The apiframe provider needs PUBLIC_BASE_URL: apiframe fetches the image and mask from this proxy by URL. Set PUBLIC_BASE_URL to this server's public https address, or choose another provider.";

const UPSTREAM_MESSAGES: Record<number, string> = {
  401: `${WHO}: the server's API key was refused`,
  402: `${WHO}: the account has no credits left`,
  403: `${WHO}: the API key is not allowed to use flux-fill-pro`,
  429: `${WHO}: too many requests; try again shortly`,
};

/** apiframe's job answer; `result` is a URL or `{images: [url]}` depending on the API version. */
interface ApiframeJob {
  status?: string;
  progress?: number | null;
  result?: string | { images?: string[] } | null;
  error?: unknown;
}

/**
 * FLUX.1 Fill [pro] through apiframe. Its inputs are URLs, so the uploaded image and mask are
 * published under PUBLIC_BASE_URL at unguessable names that expire; its guidance and safety
 * scales differ from BFL's, so requests are validated against apiframe's own ranges.
 */
export class ApiframeProvider implements Provider {
  readonly info: ProviderInfo;
  readonly pollIntervalMs = 1000;
  readonly resumable = true;
  readonly composites = false;
  private readonly fetch: typeof fetch;
  private readonly baseUrl: string;
  private readonly allowedHosts: HostPattern[];

  constructor(private readonly options: ApiframeProviderOptions) {
    this.info = {
      id: "apiframe",
      label: "FLUX.1 Fill [pro] (apiframe)",
      readsPrompt: true,
      supportsExpand: true,
      outpaintPresets: [...APIFRAME_OUTPAINT_PRESETS],
      minPromptLength: 1,
      ranges: APIFRAME_RANGES,
      outputFormats: [...OUTPUT_FORMATS],
      maxPromptLength: MAX_PROMPT_LENGTH,
      maxImagePixels: MAX_IMAGE_PIXELS,
      unavailableReason: options.publicBaseUrl ? null : MISSING_PUBLIC_BASE_URL,
      tasks: [...TASK_IDS],
      // Erase is its fill with a neutral prompt; outpainting a preset or a padded inpaint.
      nativeTasks: ["fill"],
      maxOutpaintPixels: MAX_IMAGE_PIXELS,
    };
    this.fetch = options.fetch ?? fetch;
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    // Result hosts are not documented (unconfirmed): apiframe's own domains are allowed.
    this.allowedHosts = [
      new URL(this.baseUrl).hostname,
      "*.apiframe.ai",
      "*.apiframe.pro",
      ...(options.extraAllowedHosts ?? []),
    ];
  }

  async submit(job: ProviderJob): Promise<string> {
    const publicBase = this.options.publicBaseUrl?.replace(/\/+$/, "");
    if (!publicBase) throw new UpstreamError(503, MISSING_PUBLIC_BASE_URL);
    const inputs = await apiframeInputs(job);
    const params: Record<string, unknown> = {
      ...inputs.params,
      image: await this.publish(publicBase, inputs.image.bytes, inputs.image.format),
      output_format: job.request.output_format === "jpeg" ? "jpg" : "png",
      safety_tolerance: job.request.safety_tolerance,
      ...(job.request.seed === null || job.request.seed === undefined
        ? {}
        : { seed: job.request.seed }),
    };
    if (inputs.mask) {
      params.mask = await this.publish(publicBase, inputs.mask, "png");
    }
    return this.send({ model: "flux-fill-pro", fluxFillParams: params });
  }

  async poll(jobId: string): Promise<PollOutcome> {
    const response = await upstreamFetch(
      this.fetch,
      `${this.baseUrl}/v2/jobs/${encodeURIComponent(jobId)}`,
      { headers: { accept: "application/json", "x-api-key": this.options.apiKey } },
      POLL_TIMEOUT_MS,
      WHO,
    );
    if (response.status === 404) return forgottenJob(response, WHO);
    if (!response.ok) throw await this.upstreamError(response);
    const answer = (await readJson(response, WHO)) as ApiframeJob;
    const status = String(answer.status ?? "").toUpperCase();
    if (status === "QUEUED" || status === "PROCESSING" || status === "PENDING") {
      const progress = typeof answer.progress === "number" ? answer.progress / 100 : null;
      return {
        state: "pending",
        progress: progress === null ? null : Math.min(1, Math.max(0, progress)),
      };
    }
    if (status === "COMPLETED") {
      const url = resultUrl(answer.result);
      if (!url) throw new UpstreamError(502, `${WHO} finished without a result URL`);
      const download = await downloadImage(this.fetch, url, this.allowedHosts, WHO);
      if (!download.ok) return { state: "failed", status: "Error", message: download.message };
      return { state: "ready", image: download.image, extension: download.extension, seed: null };
    }
    const reason = answer.error
      ? `: ${redact(JSON.stringify(answer.error), [this.options.apiKey]).slice(0, 300)}`
      : "";
    return {
      state: "failed",
      status: "Error",
      message: `${WHO} reported ${status || "an unknown status"}${reason}`,
    };
  }

  /**
   * One submit, re-sent only after a network failure or 5xx, and then with the same
   * Idempotency-Key, so apiframe runs (and bills) it at most once.
   */
  private async send(body: unknown): Promise<string> {
    const idempotencyKey = randomUUID();
    let lastError: UpstreamError | null = null;
    for (let attempt = 0; attempt < 2; attempt++) {
      let response: Response;
      try {
        response = await upstreamFetch(
          this.fetch,
          `${this.baseUrl}/v2/images/edit`,
          {
            method: "POST",
            headers: {
              "content-type": "application/json",
              accept: "application/json",
              "x-api-key": this.options.apiKey,
              "idempotency-key": idempotencyKey,
            },
            body: JSON.stringify(body),
          },
          SUBMIT_TIMEOUT_MS,
          WHO,
        );
      } catch (error) {
        lastError = error as UpstreamError;
        continue;
      }
      if (response.status >= 500) {
        lastError = await this.upstreamError(response);
        continue;
      }
      if (!response.ok) throw await this.upstreamError(response);
      const answer = (await readJson(response, WHO)) as { jobId?: unknown; id?: unknown };
      const jobId = answer.jobId ?? answer.id;
      if (typeof jobId !== "string" || !jobId) {
        throw new UpstreamError(502, `${WHO} answered without a job id`);
      }
      return jobId;
    }
    throw lastError ?? new UpstreamError(502, `${WHO} could not be reached`);
  }

  private async publish(base: string, bytes: Uint8Array, format: "png" | "jpeg" | "webp") {
    const name = await this.options.inputs.save(bytes, format);
    // A presigned S3 URL when the bucket is public-facing (S3_PRESIGN_INPUTS), else our route.
    return (await this.options.inputs.directUrl(name)) ?? `${base}/v1/inputs/${name}`;
  }

  private async upstreamError(response: Response): Promise<UpstreamError> {
    return refusalError(response, await refusalBody(response), {
      who: WHO,
      apiKey: this.options.apiKey,
      messages: UPSTREAM_MESSAGES,
      // apiframe answers 400 for a request it finds invalid, which to our client is a 422
      proxyStatus: (status) => (status >= 500 ? 502 : status === 400 ? 422 : status),
    });
  }
}

function resultUrl(result: ApiframeJob["result"]): string | null {
  if (typeof result === "string") return result;
  const first = result?.images?.[0];
  return typeof first === "string" ? first : null;
}

/**
 * apiframe has no erase: it gets a fill of the dilated mask with this prompt, which describes
 * what should be there instead (nothing new), since FLUX Fill paints what its prompt names.
 */
export const ERASE_PROMPT =
  "the empty background behind, continuing the surrounding scene seamlessly, with no object";

/** Said when an outpainting request brings no prompt: apiframe requires one. */
export const EXTEND_PROMPT =
  "a natural continuation of the scene beyond its edges, with the same light and texture";

interface ApiframeInputs {
  image: { bytes: Uint8Array; format: "png" | "jpeg" | "webp" };
  mask: Uint8Array | null;
  params: Record<string, unknown>;
}

/**
 * A job as apiframe's flux-fill-pro understands it: an upright sRGB image (published by URL),
 * a mask for inpaints (white = repaint), the mode and the prompt. Erase is a fill of the
 * dilated mask with a neutral prompt; outpainting is a preset when the frame is one, else the
 * image padded onto its canvas and inpainted outside it. Those use apiframe's default steps
 * and guidance, as erase and outpainting requests carry neither.
 */
async function apiframeInputs(job: ProviderJob): Promise<ApiframeInputs> {
  const upload = await srgbForUpstream(job.image.bytes);
  const image = { bytes: upload, format: upload === job.image.bytes ? job.image.format : "png" };
  const defaults = {
    steps: APIFRAME_RANGES.steps.default,
    guidance: APIFRAME_RANGES.guidance.default,
  };
  switch (job.kind) {
    case "fill": {
      const { prompt, steps, guidance, prompt_upsampling } = job.request;
      const geometry = job.mask ? null : await jobGeometry(job);
      return {
        image,
        mask: geometry ? await maskToPng(geometry.mask, geometry.canvas) : job.mask!.bytes,
        params: { mode: "inpaint", prompt, steps, guidance, prompt_upsampling },
      };
    }
    case "expand": {
      const { prompt, steps, guidance, prompt_upsampling } = job.request;
      return {
        image,
        mask: null,
        params: {
          mode: "outpaint",
          outpaint: job.preset,
          prompt,
          steps,
          guidance,
          prompt_upsampling,
        },
      };
    }
    case "erase": {
      const geometry = await jobGeometry(job);
      return {
        image,
        mask: await maskToPng(geometry.mask, geometry.canvas),
        params: { mode: "inpaint", prompt: ERASE_PROMPT, ...defaults },
      };
    }
    case "outpaint": {
      const prompt = job.request.prompt?.trim() ? job.request.prompt : EXTEND_PROMPT;
      const preset = matchingPreset(job.image, job.placement);
      if (preset) {
        return {
          image,
          mask: null,
          params: { mode: "outpaint", outpaint: preset, prompt, ...defaults },
        };
      }
      const geometry = await jobGeometry(job);
      const padded = await padToCanvas(await decodeOwnValues(upload), geometry);
      const raw = { width: padded.width, height: padded.height, channels: 3 as const };
      return {
        image: { bytes: await sharp(padded.data, { raw }).png().toBuffer(), format: "png" },
        mask: await maskToPng(geometry.mask, geometry.canvas),
        params: { mode: "inpaint", prompt, ...defaults },
      };
    }
  }
}

/** A 0/1 mask as the black-and-white PNG apiframe fetches (white = repaint). */
function maskToPng(mask: Uint8Array, size: { width: number; height: number }): Promise<Buffer> {
  const gray = mask.map((v) => (v === 0 ? 0 : 255));
  return sharp(gray, { raw: { ...size, channels: 1 } })
    .png()
    .toBuffer();
}
