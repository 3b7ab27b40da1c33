import {
  BFL_OUTPAINT_MAX_PIXELS,
  ERASE_ROUTE,
  EXCLUDE_MASK_FIELD,
  EXPAND_ROUTE,
  FILL_RANGES,
  FILL_ROUTE,
  MAX_IMAGE_PIXELS,
  MAX_PROMPT_LENGTH,
  OUTPAINT_ROUTE,
  OUTPUT_FORMATS,
  type ProviderInfo,
  submitResponseSchema,
  TASK_IDS,
  upstreamResultSchema,
} from "../../contract";
import { srgbForUpstream } from "../images/source-colour";
import type { PollOutcome, Provider, ProviderJob } from "./provider";
import { UpstreamError } from "./provider";
import {
  assertAllowedUrl,
  downloadImage,
  forgottenJob,
  type HostPattern,
  readJson,
  redact,
  refusalBody,
  refusalError,
  upstreamFetch,
} from "./upstream-http";

export interface BflProviderOptions {
  apiKey: string;
  /** e.g. https://api.bfl.ai, https://api.eu.bfl.ai or https://api.us.bfl.ai */
  baseUrl: string;
  /**
   * Extra hosts whose polling and delivery URLs may be followed. BFL's own `*.bfl.ai` hosts and
   * the base URL's host are always allowed; nothing else is, so a forged answer cannot make the
   * proxy fetch arbitrary addresses with the key.
   */
  extraAllowedHosts?: string[];
  fetch?: typeof fetch;
}

const WHO = "Black Forest Labs";
const SUBMIT_TIMEOUT_MS = 60_000;
const POLL_TIMEOUT_MS = 15_000;

const UPSTREAM_MESSAGES: Record<number, string> = {
  401: `${WHO}: the server's API key was refused`,
  402: `${WHO}: the account has no credits left`,
  403: `${WHO}: the API key is not allowed to use this endpoint`,
  429: `${WHO}: too many active tasks on the account; try again shortly`,
};

/**
 * Forwards fills and expands to Black Forest Labs with the server-side key, follows the
 * `polling_url` BFL returns (it may be a regional host), and downloads the sample as soon as it
 * is ready because BFL's delivery links expire after ten minutes and send no CORS headers.
 */
export class BflProvider implements Provider {
  readonly info: ProviderInfo = {
    id: "bfl",
    label: "FLUX.1 Fill [pro] (Black Forest Labs)",
    readsPrompt: true,
    supportsExpand: true,
    outpaintPresets: [],
    minPromptLength: 0,
    ranges: FILL_RANGES,
    outputFormats: [...OUTPUT_FORMATS],
    maxPromptLength: MAX_PROMPT_LENGTH,
    maxImagePixels: MAX_IMAGE_PIXELS,
    unavailableReason: null,
    tasks: [...TASK_IDS],
    // FLUX.1 Fill, FLUX Erase and FLUX Outpainting: a tool made for each task.
    nativeTasks: [...TASK_IDS],
    maxOutpaintPixels: BFL_OUTPAINT_MAX_PIXELS,
  };
  readonly pollIntervalMs = 500;
  readonly resumable = true;
  readonly composites = false;
  private readonly fetch: typeof fetch;
  private readonly baseUrl: string;
  private readonly allowedHosts: HostPattern[];

  constructor(private readonly options: BflProviderOptions) {
    this.fetch = options.fetch ?? fetch;
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.allowedHosts = [
      new URL(this.baseUrl).hostname,
      "*.bfl.ai",
      ...(options.extraAllowedHosts ?? []),
    ];
  }

  /** Sent once: a submit may be billed, so a failure is reported, never retried blindly. */
  async submit(job: ProviderJob): Promise<string> {
    const { path, body } = await upstreamBody(job);
    const response = await upstreamFetch(
      this.fetch,
      `${this.baseUrl}${path}`,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          "x-key": this.options.apiKey,
        },
        body: JSON.stringify(body),
      },
      SUBMIT_TIMEOUT_MS,
      WHO,
    );
    if (!response.ok) throw await this.upstreamError(response);
    const parsed = submitResponseSchema.safeParse(await readJson(response, WHO));
    if (!parsed.success) throw new UpstreamError(502, `${WHO} answered in an unknown shape`);
    assertAllowedUrl(parsed.data.polling_url, this.allowedHosts, WHO);
    return parsed.data.polling_url;
  }

  async poll(pollingUrl: string): Promise<PollOutcome> {
    assertAllowedUrl(pollingUrl, this.allowedHosts, WHO);
    const response = await upstreamFetch(
      this.fetch,
      pollingUrl,
      { headers: { accept: "application/json", "x-key": this.options.apiKey } },
      POLL_TIMEOUT_MS,
      WHO,
    );
    if (response.status === 404) return forgottenJob(response, WHO);
    if (!response.ok) throw await this.upstreamError(response);
    // Only what is needed is required: the tools' answers may leave out details/preview/progress.
    const parsed = upstreamResultSchema.safeParse(await readJson(response, WHO));
    if (!parsed.success) throw new UpstreamError(502, `${WHO} answered in an unknown shape`);
    const { status, result } = parsed.data;
    const progress = parsed.data.progress ?? null;
    const details = parsed.data.details ?? null;
    if (status === "Pending") return { state: "pending", progress: clampProgress(progress) };
    if (status === "Ready" && result) {
      // The sample URL is pre-signed: the key is not sent to the delivery host.
      const download = await downloadImage(this.fetch, result.sample, this.allowedHosts, WHO);
      if (!download.ok) return { state: "failed", status: "Error", message: download.message };
      return {
        state: "ready",
        image: download.image,
        extension: download.extension,
        seed: result.seed ?? null,
      };
    }
    if (status === "Ready") {
      // Ready without a usable sample: perhaps not written yet; retried, then failed as Error.
      throw new UpstreamError(502, `${WHO} answered Ready without a result sample`);
    }
    return { state: "failed", status, message: this.describeFailure(status, details) };
  }

  private async upstreamError(response: Response): Promise<UpstreamError> {
    const body = await refusalBody(response);
    const detail = (body as { detail?: unknown } | null)?.detail;
    if (response.status === 422 && Array.isArray(detail)) {
      const text = redact(JSON.stringify(detail), [this.options.apiKey]);
      return new UpstreamError(422, `${WHO} refused the request`, undefined, JSON.parse(text));
    }
    return refusalError(response, body, {
      who: WHO,
      apiKey: this.options.apiKey,
      messages: UPSTREAM_MESSAGES,
      proxyStatus: (status) => (status >= 500 ? 502 : status),
    });
  }

  private describeFailure(status: string, details: Record<string, unknown> | null): string {
    const reason = details
      ? ` (${redact(JSON.stringify(details), [this.options.apiKey]).slice(0, 300)})`
      : "";
    switch (status) {
      case "Request Moderated":
        return `The request was blocked by ${WHO}' moderation${reason}`;
      case "Content Moderated":
        return `The generated image was blocked by ${WHO}' moderation${reason}`;
      case "Task not found":
        return `${WHO} no longer knows this task`;
      default:
        return `${WHO} reported ${status}${reason}`;
    }
  }
}

/**
 * The body BFL's endpoint for the job expects. Images go as upright sRGB (BFL documents no
 * colour management); webhooks are never forwarded (the proxy polls). The tools' optional
 * fields are sent only when the client set them, so BFL's own defaults apply otherwise.
 */
async function upstreamBody(job: ProviderJob): Promise<{ path: string; body: object }> {
  const upload = await srgbForUpstream(job.image.bytes);
  const image =
    upload === job.image.bytes ? requestImage(job) : Buffer.from(upload).toString("base64");
  switch (job.kind) {
    case "fill":
    case "expand": {
      // BFL's own fields only: the route refuses the exclusion before it could get here.
      const {
        webhook_url: _url,
        webhook_secret: _secret,
        [EXCLUDE_MASK_FIELD]: _exclude,
        ...body
      } = job.request;
      return { path: job.kind === "fill" ? FILL_ROUTE : EXPAND_ROUTE, body: { ...body, image } };
    }
    case "erase": {
      const { mask, dilate_pixels, seed, output_format, safety_tolerance } = job.request;
      return {
        path: ERASE_ROUTE,
        body: { image, mask, dilate_pixels, output_format, safety_tolerance, ...set({ seed }) },
      };
    }
    case "outpaint": {
      const { request } = job;
      return {
        path: OUTPAINT_ROUTE,
        body: {
          input_image: image,
          width: request.width,
          height: request.height,
          auto_crop: request.auto_crop,
          output_format: request.output_format,
          safety_tolerance: request.safety_tolerance,
          ...set({
            reference_offset_x: request.reference_offset_x,
            reference_offset_y: request.reference_offset_y,
            prompt: request.prompt,
            mode: request.mode,
            seed: request.seed,
          }),
        },
      };
    }
  }
}

/** The request's own base64 image (already without a `data:` prefix). */
function requestImage(job: ProviderJob): string {
  return job.kind === "outpaint" ? job.request.input_image : job.request.image;
}

/** The fields that are set (neither null nor undefined). */
function set(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== null && v !== undefined),
  );
}

/** BFL documents progress as a 0–1 fraction; the scale is unconfirmed, so percentages are folded in. */
function clampProgress(progress: number | null): number | null {
  if (progress === null) return null;
  const fraction = progress > 1 ? progress / 100 : progress;
  return Math.min(1, Math.max(0, fraction));
}
