import type { BlobStore } from "../storage/blob-store";
import type { ShareRecord } from "./share-repository";

const NAME = /^(before|outline|preview|variant-\d{1,2})\.(jpeg|png|webp)$/;
const ID = /^[0-9a-f-]{36}$/;
const CONTENT_TYPES = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp" } as const;
type Extension = keyof typeof CONTENT_TYPES;

/**
 * A share's images in the storage layer's blob store, under `shares/<id>/<name>` (files under
 * DATA_DIR or the S3 bucket), so a link made on one replica is served by any other. Ids are
 * UUIDs and names come from a fixed pattern, so a key can never leave the share's prefix.
 */
export class ShareImageStore {
  constructor(private readonly blobs: BlobStore) {}

  async save(shareId: string, name: string, bytes: Uint8Array): Promise<void> {
    if (!ID.test(shareId) || !NAME.test(name)) throw new Error(`invalid share file ${name}`);
    await this.blobs.put(key(shareId, name), bytes);
  }

  async read(
    shareId: string,
    name: string,
  ): Promise<{ bytes: Buffer; contentType: string } | null> {
    const match = NAME.exec(name);
    if (!ID.test(shareId) || !match) return null;
    const bytes = await this.blobs.get(key(shareId, name));
    return bytes && { bytes, contentType: CONTENT_TYPES[match[2] as Extension] };
  }

  /** Deletes every image the record names: an object store has no folder to remove at once. */
  async remove(share: ShareRecord): Promise<void> {
    if (!ID.test(share.id)) return;
    const names = [
      `before.${share.formats.before}`,
      "preview.jpeg",
      ...(share.formats.outline ? [`outline.${share.formats.outline}`] : []),
      ...share.variants.map((index, i) => `variant-${index}.${share.formats.variants[i]}`),
    ];
    await Promise.all(names.map((name) => this.blobs.delete(key(share.id, name))));
  }
}

function key(shareId: string, name: string): string {
  return `shares/${shareId}/${name}`;
}
