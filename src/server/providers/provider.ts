import type {
  ApiframeOutpaintPreset,
  EraseRequest,
  ExpandRequest,
  FillRequest,
  OutpaintRequest,
  ProviderInfo,
} from "../../contract";
import type { Placement } from "../images/outpaint-placement";
import type { ProbedImage } from "../images/probe-image";

/** A validated fill request with its images already probed (format, size). */
export interface FillJob {
  kind: "fill";
  request: FillRequest;
  image: ProbedImage;
  mask: ProbedImage | null;
}

/** A validated outpaint (`flux-pro-1.0-expand`) request: pixels to add on each side. */
export interface ExpandJob {
  kind: "expand";
  request: ExpandRequest;
  image: ProbedImage;
  /** From the outpaint-preset header; apiframe needs it, the others use the pixel sides. */
  preset: ApiframeOutpaintPreset | null;
}

/** A validated `flux-tools/erase-v1` request: remove what the (same-sized) mask covers. */
export interface EraseJob {
  kind: "erase";
  request: EraseRequest;
  image: ProbedImage;
  mask: ProbedImage;
}

/** A validated `flux-tools/outpainting-v1` request, with the image placed on its canvas. */
export interface OutpaintJob {
  kind: "outpaint";
  request: OutpaintRequest;
  image: ProbedImage;
  placement: Placement;
}

/**
 * Every job may carry the designer's exclusion from sampling (`EXCLUDE_MASK_FIELD`), probed at
 * the input image's size; absent on jobs without one, and on jobs queued by an older proxy.
 */
export type ProviderJob = (FillJob | ExpandJob | EraseJob | OutpaintJob) & {
  exclude?: ProbedImage;
};

/** The prompt a job carries (erase has none; outpainting's is optional), for `get_result`. */
export function jobPrompt(job: ProviderJob): string {
  if (job.kind === "erase") return "";
  return job.request.prompt ?? "";
}

export type ResultExtension = "jpeg" | "png" | "webp";

/** Where a provider's job stands. `Failed` carries the upstream's own status word. */
export type PollOutcome =
  | { state: "pending"; progress: number | null }
  | { state: "ready"; image: Uint8Array; extension: ResultExtension; seed: number | null }
  | { state: "failed"; status: string; message: string };

/**
 * An upstream that turns a job into an image. The proxy's job service drives every provider
 * the same way: `submit` once (never retried: it may be billed), then `poll` until a terminal
 * outcome, so results are fetched even when the client has stopped polling.
 */
export interface Provider {
  readonly info: ProviderInfo;
  /** How often the job service polls this provider while the job is pending. */
  readonly pollIntervalMs: number;
  /**
   * True when `poll(ref)` still works in a new process (the ref names an upstream job), so
   * jobs in flight at a restart are resumed; false for in-memory work such as the local engine.
   */
  readonly resumable: boolean;
  /**
   * True when its results already keep every pixel outside the mask in the source's own values
   * (the local engine composites itself), so the proxy's compositing would add nothing.
   */
  readonly composites: boolean;
  /** Returns the provider's reference for the job. Throws `UpstreamError` when refused. */
  submit(job: ProviderJob): Promise<string>;
  /** Throws on transient trouble (retried with backoff); terminal failures are outcomes. */
  poll(ref: string): Promise<PollOutcome>;
  /**
   * Stops work the provider does itself (the local engine's worker). Optional: BFL and apiframe
   * document no cancel, so for them the job service just stops polling and drops the result.
   */
  cancel?(ref: string): void;
}

/** An upstream refusal with the HTTP status the proxy should answer with. */
export class UpstreamError extends Error {
  constructor(
    readonly httpStatus: number,
    message: string,
    readonly retryAfter?: string,
    /** BFL's own 422 detail, passed through so clients see which field upstream refused. */
    readonly detail?: unknown,
  ) {
    super(message);
  }
}
