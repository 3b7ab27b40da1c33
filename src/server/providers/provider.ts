import type { FillRequest, ProviderInfo } from "../../contract";
import type { ProbedImage } from "../images/probe-image";

/** A validated fill request with its images already probed (format, size). */
export interface FillJob {
  request: FillRequest;
  image: ProbedImage;
  mask: ProbedImage | null;
}

/** Where a provider's job stands. `Failed` carries the upstream's own status word. */
export type PollOutcome =
  | { state: "pending"; progress: number | null }
  | { state: "ready"; image: Uint8Array; extension: "jpeg" | "png"; seed: number | null }
  | { state: "failed"; status: string; message: string };

/**
 * An upstream that turns a fill job into an image. The proxy's job service drives every
 * provider the same way: `submit` once (never retried: it may be billed), then `poll` until a
 * terminal outcome, so results are fetched even when the client has stopped polling.
 */
export interface Provider {
  readonly info: ProviderInfo;
  /** How often the job service polls this provider while the job is pending. */
  readonly pollIntervalMs: number;
  /** Returns the provider's reference for the job. Throws `UpstreamError` when refused. */
  submit(job: FillJob): Promise<string>;
  poll(ref: string): Promise<PollOutcome>;
}

/** An upstream refusal with the HTTP status the proxy should answer with. */
export class UpstreamError extends Error {
  constructor(
    readonly httpStatus: number,
    message: string,
    readonly retryAfter?: string,
  ) {
    super(message);
  }
}
