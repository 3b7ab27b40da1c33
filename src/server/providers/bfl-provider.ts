import {
  FILL_RANGES,
  MAX_IMAGE_PIXELS,
  MAX_PROMPT_LENGTH,
  OUTPUT_FORMATS,
  type ProviderInfo,
  resultResponseSchema,
  submitResponseSchema,
} from "../../contract";
import type { FillJob, PollOutcome, Provider } from "./provider";
import { UpstreamError } from "./provider";

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

const UPSTREAM_MESSAGES: Record<number, string> = {
  402: "Black Forest Labs: the account has no credits left",
  403: "Black Forest Labs: the API key is not allowed to use this endpoint",
  429: "Black Forest Labs: too many active tasks; try again shortly",
};

/**
 * Forwards fills to Black Forest Labs with the server-side key, follows the `polling_url` BFL
 * returns (it may be a regional host), and downloads the sample as soon as it is ready because
 * BFL's delivery links expire after ten minutes and send no CORS headers.
 */
export class BflProvider implements Provider {
  readonly info: ProviderInfo = {
    id: "bfl",
    label: "FLUX.1 Fill [pro] (Black Forest Labs)",
    readsPrompt: true,
    ranges: FILL_RANGES,
    outputFormats: [...OUTPUT_FORMATS],
    maxPromptLength: MAX_PROMPT_LENGTH,
    maxImagePixels: MAX_IMAGE_PIXELS,
  };
  readonly pollIntervalMs = 500;
  private readonly fetch: typeof fetch;
  private readonly baseUrl: string;

  constructor(private readonly options: BflProviderOptions) {
    this.fetch = options.fetch ?? fetch;
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
  }

  async submit(job: FillJob): Promise<string> {
    const { webhook_url: _url, webhook_secret: _secret, ...body } = job.request;
    const response = await this.fetch(`${this.baseUrl}/v1/flux-pro-1.0-fill`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        "x-key": this.options.apiKey,
      },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw await upstreamError(response);
    const parsed = submitResponseSchema.safeParse(await response.json());
    if (!parsed.success)
      throw new UpstreamError(502, "Black Forest Labs answered in an unknown shape");
    this.assertAllowed(parsed.data.polling_url);
    return parsed.data.polling_url;
  }

  async poll(pollingUrl: string): Promise<PollOutcome> {
    const response = await this.fetch(pollingUrl, {
      headers: { accept: "application/json", "x-key": this.options.apiKey },
    });
    if (!response.ok) throw await upstreamError(response);
    const parsed = resultResponseSchema.safeParse(await response.json());
    if (!parsed.success)
      throw new UpstreamError(502, "Black Forest Labs answered in an unknown shape");
    const { status, progress, result, details } = parsed.data;
    if (status === "Pending") return { state: "pending", progress };
    if (status === "Ready" && result) {
      return { state: "ready", ...(await this.download(result.sample)), seed: result.seed };
    }
    return { state: "failed", status, message: describeFailure(status, details) };
  }

  private async download(
    sample: string,
  ): Promise<{ image: Uint8Array; extension: "jpeg" | "png" }> {
    this.assertAllowed(sample);
    // The sample URL is pre-signed: the key is not sent to the delivery host.
    const response = await this.fetch(sample);
    if (!response.ok) {
      throw new UpstreamError(502, `Black Forest Labs sample download failed (${response.status})`);
    }
    const type = response.headers.get("content-type") ?? "";
    const extension =
      type.includes("png") || new URL(sample).pathname.endsWith(".png") ? "png" : "jpeg";
    return { image: new Uint8Array(await response.arrayBuffer()), extension };
  }

  private assertAllowed(url: string): void {
    const { hostname, protocol } = new URL(url);
    const allowed =
      hostname === new URL(this.baseUrl).hostname ||
      hostname.endsWith(".bfl.ai") ||
      (this.options.extraAllowedHosts ?? []).includes(hostname);
    if (!allowed || (protocol !== "https:" && protocol !== "http:")) {
      throw new UpstreamError(
        502,
        `Black Forest Labs pointed to a host that is not allowed: ${hostname}`,
      );
    }
  }
}

async function upstreamError(response: Response): Promise<UpstreamError> {
  const known = UPSTREAM_MESSAGES[response.status];
  let detail = "";
  try {
    detail = JSON.stringify(await response.json());
  } catch {
    // Not JSON: the status alone is the message.
  }
  const message =
    known ??
    `Black Forest Labs answered ${response.status}${detail ? `: ${detail.slice(0, 500)}` : ""}`;
  return new UpstreamError(
    response.status,
    message,
    response.headers.get("retry-after") ?? undefined,
  );
}

function describeFailure(status: string, details: Record<string, unknown> | null): string {
  const reason = details ? ` (${JSON.stringify(details).slice(0, 300)})` : "";
  switch (status) {
    case "Request Moderated":
      return `The request was blocked by Black Forest Labs' moderation${reason}`;
    case "Content Moderated":
      return `The generated image was blocked by Black Forest Labs' moderation${reason}`;
    case "Task not found":
      return "Black Forest Labs no longer knows this task";
    default:
      return `Black Forest Labs reported ${status}${reason}`;
  }
}
