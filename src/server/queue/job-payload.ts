import type { ProviderJob } from "../providers/provider";

/**
 * A validated job as bytes for the blob store, so a fill worker on another machine gets exactly
 * what the proxy validated (image bytes, mask, placement) without probing the upload again.
 * Byte arrays travel as base64; everything else in a job is plain JSON already.
 */
export function serializeJob(job: ProviderJob): Buffer {
  return Buffer.from(
    JSON.stringify(job, function (this: Record<string, unknown>, key, value: unknown) {
      // Buffer's own toJSON has already run on `value`; the raw field is still on `this`.
      const raw = this[key];
      return raw instanceof Uint8Array ? { $bytes: Buffer.from(raw).toString("base64") } : value;
    }),
  );
}

export function deserializeJob(bytes: Uint8Array): ProviderJob {
  return JSON.parse(Buffer.from(bytes).toString("utf8"), (_key, value: unknown) =>
    isBytes(value) ? Buffer.from(value.$bytes, "base64") : value,
  ) as ProviderJob;
}

function isBytes(value: unknown): value is { $bytes: string } {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { $bytes?: unknown }).$bytes === "string" &&
    Object.keys(value).length === 1
  );
}
