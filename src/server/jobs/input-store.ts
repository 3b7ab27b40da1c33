import { randomBytes } from "node:crypto";
import type { BlobStore } from "../storage/blob-store";
import type { JobRepository } from "../storage/job-repository";

/** `<expiry ms>-<43-char random token>.<ext>`: the name is the capability, unguessable. */
const NAME = /^(\d{13})-([A-Za-z0-9_-]{43})\.(png|jpeg|webp)$/;
const CONTENT_TYPES = { png: "image/png", jpeg: "image/jpeg", webp: "image/webp" } as const;
export type InputExtension = keyof typeof CONTENT_TYPES;

/**
 * Uploaded inputs that an upstream fetches by URL (apiframe takes image and mask as URLs). Each
 * blob sits behind a 256-bit random name that expires: the URL is shared only with the
 * upstream, and is useless once the job has started. The repository remembers the names so
 * the sweep can delete expired blobs without listing the store.
 */
export class InputStore {
  constructor(
    private readonly blobs: BlobStore,
    private readonly repository: JobRepository,
    private readonly ttlMs: number,
  ) {}

  async save(bytes: Uint8Array, extension: InputExtension): Promise<string> {
    const expiresAt = Date.now() + this.ttlMs;
    const name = `${expiresAt}-${randomBytes(32).toString("base64url")}.${extension}`;
    await this.blobs.put(`inputs/${name}`, bytes);
    await this.repository.recordInput(name, expiresAt);
    return name;
  }

  /** A URL the upstream can fetch the input from directly (presigned S3), or null. */
  async directUrl(name: string): Promise<string | null> {
    const match = NAME.exec(name);
    if (!match) return null;
    return this.blobs.publicUrl(`inputs/${name}`, Number(match[1]) - Date.now());
  }

  async read(name: string): Promise<{ bytes: Buffer; contentType: string } | null> {
    const match = NAME.exec(name);
    if (!match || Number(match[1]) < Date.now()) return null;
    const bytes = await this.blobs.get(`inputs/${name}`);
    return bytes && { bytes, contentType: CONTENT_TYPES[match[3] as InputExtension] };
  }

  /** Deletes expired inputs; returns how many. */
  async purgeExpired(): Promise<number> {
    const expired = await this.repository.takeExpiredInputs(Date.now());
    await Promise.all(expired.map((name) => this.blobs.delete(`inputs/${name}`)));
    return expired.length;
  }
}
