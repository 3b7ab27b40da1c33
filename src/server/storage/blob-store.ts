/**
 * Bytes under a key such as `results/<job>.png`: files under the data directory (the embedded
 * default) or an S3-compatible bucket shared by every replica and fill worker. Keys are built
 * by the stores that own them from checked names, never from raw client input.
 */
export interface BlobStore {
  /** Writes (or overwrites with the same bytes: writes are idempotent by key). */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when there is no such blob. */
  get(key: string): Promise<Buffer | null>;
  /** Deletes the blob; a missing one is not an error. */
  delete(key: string): Promise<void>;
  /**
   * A URL an upstream can fetch the blob from for `ttlMs`, when the store can make one (a
   * presigned S3 URL); null otherwise, and the proxy serves the blob itself.
   */
  publicUrl(key: string, ttlMs: number): Promise<string | null>;
}
