import { type PollOutcome, UpstreamError } from "./provider";

/** A host pattern: an exact name, or `*.example.com` for any subdomain of it. */
export type HostPattern = string;

export function hostAllowed(hostname: string, patterns: readonly HostPattern[]): boolean {
  return patterns.some((pattern) =>
    pattern.startsWith("*.") ? hostname.endsWith(pattern.slice(1)) : hostname === pattern,
  );
}

/**
 * Refuses any URL an upstream handed us unless it is http(s) on an allowed host. Upstream
 * answers carry URLs (polling, results); without this a forged answer could make the proxy
 * fetch internal addresses (SSRF), possibly with the key.
 */
export function assertAllowedUrl(url: string, patterns: readonly HostPattern[], who: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UpstreamError(502, `${who} returned a URL that is not valid`);
  }
  if (
    (parsed.protocol !== "https:" && parsed.protocol !== "http:") ||
    parsed.username ||
    parsed.password ||
    !hostAllowed(parsed.hostname, patterns)
  ) {
    throw new UpstreamError(
      502,
      `${who} pointed to a host that is not allowed: ${parsed.hostname}`,
    );
  }
  return parsed;
}

/**
 * `fetch` for upstream calls: a deadline so a slow upstream cannot hold a job forever, and no
 * redirects, because a redirect could lead off the allowed hosts.
 */
export async function upstreamFetch(
  fetchImpl: typeof fetch,
  url: string,
  init: RequestInit,
  timeoutMs: number,
  who: string,
): Promise<Response> {
  try {
    return await fetchImpl(url, {
      ...init,
      redirect: "error",
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    throw new UpstreamError(
      timedOut ? 504 : 502,
      timedOut
        ? `${who} did not answer within ${timeoutMs / 1000} s`
        : `${who} could not be reached`,
    );
  }
}

/**
 * A poll answered 404: the upstream has forgotten the job (expired, or another account's). That
 * is a final outcome, not a transient failure, so it is returned rather than thrown.
 */
export async function forgottenJob(response: Response, who: string): Promise<PollOutcome> {
  await response.body?.cancel();
  return { state: "failed", status: "Task not found", message: `${who} no longer knows this job` };
}

/** Reads a JSON answer; an upstream that breaks off mid-body is a transient failure. */
export async function readJson(response: Response, who: string): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    throw new UpstreamError(502, `${who} sent an answer that is not JSON`);
  }
}

export type ImageExtension = "jpeg" | "png" | "webp";

/** The image type from its first bytes: upstream content-type headers are not trusted. */
export function sniffImage(bytes: Uint8Array): ImageExtension | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
    return "png";
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  return null;
}

/** Largest result image the proxy downloads (FLUX outputs are a few MB). */
const MAX_RESULT_BYTES = 64 * 1024 * 1024;

export type DownloadOutcome =
  | { ok: true; image: Uint8Array; extension: ImageExtension }
  | { ok: false; message: string };

/**
 * Downloads a finished image from a pre-signed link (no key is sent). A 4xx means the link is
 * dead (expired or revoked): that is final, re-polling would not revive it. 5xx and network
 * trouble throw so the job service retries.
 */
export async function downloadImage(
  fetchImpl: typeof fetch,
  url: string,
  patterns: readonly HostPattern[],
  who: string,
): Promise<DownloadOutcome> {
  assertAllowedUrl(url, patterns, who);
  const response = await upstreamFetch(fetchImpl, url, {}, 60_000, who);
  if (response.status >= 400 && response.status < 500) {
    await response.body?.cancel();
    return {
      ok: false,
      message: `${who}'s result link no longer works (${response.status}); it may have expired`,
    };
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new UpstreamError(502, `${who} result download failed (${response.status})`);
  }
  const length = Number(response.headers.get("content-length") ?? 0);
  if (length > MAX_RESULT_BYTES) {
    await response.body?.cancel();
    return { ok: false, message: `${who}'s result is larger than the proxy accepts` };
  }
  let image: Uint8Array;
  try {
    image = new Uint8Array(await response.arrayBuffer());
  } catch {
    throw new UpstreamError(502, `${who} result download broke off`);
  }
  const extension = sniffImage(image);
  if (!extension) return { ok: false, message: `${who}'s result is not a PNG, JPEG or WebP image` };
  return { ok: true, image, extension };
}

/** How a provider words an upstream refusal (a non-2xx answer) for the proxy's client. */
export interface RefusalWording {
  who: string;
  /** the provider's key, never to be echoed */
  apiKey: string;
  /** the provider's own words for statuses whose body says nothing the user can act on */
  messages: Readonly<Record<number, string>>;
  /** the status the proxy answers with for any other upstream status */
  proxyStatus: (upstreamStatus: number) => number;
}

/** The body of a refused answer if it is JSON, else null (the status alone is the message). */
export async function refusalBody(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/** A refused answer as the UpstreamError the proxy answers with; the key never shows. */
export function refusalError(
  response: Response,
  body: unknown,
  wording: RefusalWording,
): UpstreamError {
  const { status } = response;
  const retryAfter = response.headers.get("retry-after") ?? undefined;
  const known = wording.messages[status];
  if (known)
    return new UpstreamError(status, known, retryAfter ?? (status === 429 ? "5" : undefined));
  const shown = body ? `: ${redact(JSON.stringify(body), [wording.apiKey]).slice(0, 300)}` : "";
  return new UpstreamError(
    wording.proxyStatus(status),
    `${wording.who} answered ${status}${shown}`,
    retryAfter,
  );
}

/** Replaces every secret in upstream text before it can reach a client or a log. */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce(
    (out, secret) => (secret ? out.replaceAll(secret, "[redacted]") : out),
    text,
  );
}
