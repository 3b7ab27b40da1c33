import type { BlobStore } from "../storage/blob-store";

const NAME = /^[0-9a-f-]{36}\.(jpeg|png|webp)$/;
const CONTENT_TYPES = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp" } as const;
type Extension = keyof typeof CONTENT_TYPES;

/**
 * Finished images in the blob store (`results/<job id>.<ext>`). The proxy serves these instead
 * of the upstream's links, which expire. Names are job ids, so a lookup can never leave the
 * folder, and a second write of the same job's result (a fill run twice) overwrites the first.
 */
export class ResultStore {
  constructor(private readonly blobs: BlobStore) {}

  async save(jobId: string, extension: Extension, bytes: Uint8Array): Promise<string> {
    const name = `${jobId}.${extension}`;
    if (!NAME.test(name)) throw new Error(`invalid result name ${name}`);
    await this.blobs.put(`results/${name}`, bytes);
    return name;
  }

  async read(name: string): Promise<{ bytes: Buffer; contentType: string } | null> {
    const match = NAME.exec(name);
    if (!match) return null;
    const bytes = await this.blobs.get(`results/${name}`);
    return bytes && { bytes, contentType: CONTENT_TYPES[match[1] as Extension] };
  }

  async remove(name: string): Promise<void> {
    if (NAME.test(name)) await this.blobs.delete(`results/${name}`);
  }
}
