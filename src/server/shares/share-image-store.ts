import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

const NAME = /^(before|outline|preview|variant-\d{1,2})\.(jpeg|png|webp)$/;
const ID = /^[0-9a-f-]{36}$/;
const CONTENT_TYPES = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp" } as const;
type Extension = keyof typeof CONTENT_TYPES;

/**
 * A share's images on disk, one folder per share under `DATA_DIR/shares`. Ids are UUIDs and
 * names come from a fixed pattern, so a lookup can never leave the folder. Async like the
 * result store, so an object store (S3) can take its place.
 */
export class ShareImageStore {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, "shares");
  }

  async save(shareId: string, name: string, bytes: Uint8Array): Promise<void> {
    if (!ID.test(shareId) || !NAME.test(name)) throw new Error(`invalid share file ${name}`);
    await mkdir(join(this.dir, shareId), { recursive: true });
    await writeFile(join(this.dir, shareId, name), bytes);
  }

  async read(
    shareId: string,
    name: string,
  ): Promise<{ bytes: Buffer; contentType: string } | null> {
    const match = NAME.exec(name);
    if (!ID.test(shareId) || !match) return null;
    try {
      const bytes = await readFile(join(this.dir, shareId, name));
      return { bytes, contentType: CONTENT_TYPES[match[2] as Extension] };
    } catch {
      return null;
    }
  }

  async remove(shareId: string): Promise<void> {
    if (ID.test(shareId)) await rm(join(this.dir, shareId), { recursive: true, force: true });
  }
}
