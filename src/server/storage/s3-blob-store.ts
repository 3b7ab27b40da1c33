import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import type { S3Config } from "../config";
import type { BlobStore } from "./blob-store";

/** S3 refuses presigned URLs valid for longer than a week. */
const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

/**
 * Blobs in an S3-compatible bucket, shared by every replica and fill worker. Results are still
 * served through the proxy (same origin, same headers); only apiframe's inputs may be handed out
 * as presigned URLs, when `S3_PRESIGN_INPUTS` says the bucket is reachable from the internet.
 */
export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;

  constructor(private readonly config: S3Config) {
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    });
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.config.bucket, Key: key, Body: bytes }),
    );
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      const answer = await this.client.send(
        new GetObjectCommand({ Bucket: this.config.bucket, Key: key }),
      );
      return answer.Body ? Buffer.from(await answer.Body.transformToByteArray()) : null;
    } catch (error) {
      if (error instanceof NoSuchKey) return null;
      throw error;
    }
  }

  /** Whether the bucket has the key, without downloading it (`npm run migrate-storage`). */
  async has(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: key }));
      return true;
    } catch (error) {
      if (error instanceof NotFound) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: key }));
  }

  async publicUrl(key: string, ttlMs: number): Promise<string | null> {
    if (!this.config.presignInputs || ttlMs <= 0) return null;
    const expiresIn = Math.min(MAX_PRESIGN_SECONDS, Math.ceil(ttlMs / 1000));
    return getSignedUrl(
      this.client,
      new GetObjectCommand({ Bucket: this.config.bucket, Key: key }),
      { expiresIn },
    );
  }

  close(): void {
    this.client.destroy();
  }
}
