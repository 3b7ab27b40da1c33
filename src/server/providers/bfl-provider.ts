import {
  FILL_RANGES,
  MAX_IMAGE_PIXELS,
  MAX_PROMPT_LENGTH,
  OUTPUT_FORMATS,
  type ProviderInfo,
  resultResponseSchema,
  submitResponseSchema,
} from "../../contract";
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
  };
  readonly pollIntervalMs = 500;
  readonly resumable = true;
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
    const { webhook_url: _url, webhook_secret: _secret, ...body } = job.request;
    const path = job.kind === "fill" ? "/v1/flux-pro-1.0-fill" : "/v1/flux-pro-1.0-expand";
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
    const parsed = resultResponseSchema.safeParse(await readJson(response, WHO));
    if (!parsed.success) throw new UpstreamError(502, `${WHO} answered in an unknown shape`);
    const { status, progress, result, details } = parsed.data;
    if (status === "Pending") return { state: "pending", progress: clampProgress(progress) };
    if (status === "Ready" && result) {
      // The sample URL is pre-signed: the key is not sent to the delivery host.
      const download = await downloadImage(this.fetch, result.sample, this.allowedHosts, WHO);
      if (!download.ok) return { state: "failed", status: "Error", message: download.message };
      return {
        state: "ready",
        image: download.image,
        extension: download.extension,
        seed: result.seed,
      };
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

/** BFL documents progress as a 0–1 fraction; the scale is unconfirmed, so percentages are folded in. */
function clampProgress(progress: number | null): number | null {
  if (progress === null) return null;
  const fraction = progress > 1 ? progress / 100 : progress;
  return Math.min(1, Math.max(0, fraction));
}
