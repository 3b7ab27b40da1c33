import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

const NAME = /^[0-9a-f-]{36}\.(jpeg|png|webp)$/;
const CONTENT_TYPES = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp" } as const;
type Extension = keyof typeof CONTENT_TYPES;

/**
 * Finished images on disk under the data directory. The proxy serves these instead of the
 * upstream's links, which expire. Names are job ids, so a lookup can never leave the folder.
 */
export class ResultStore {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, "results");
  }

  async save(jobId: string, extension: Extension, bytes: Uint8Array): Promise<string> {
    const name = `${jobId}.${extension}`;
    if (!NAME.test(name)) throw new Error(`invalid result name ${name}`);
    await mkdir(this.dir, { recursive: true });
    await writeFile(join(this.dir, name), bytes);
    return name;
  }

  async read(name: string): Promise<{ bytes: Buffer; contentType: string } | null> {
    const match = NAME.exec(name);
    if (!match) return null;
    try {
      const bytes = await readFile(join(this.dir, name));
      return { bytes, contentType: CONTENT_TYPES[match[1] as Extension] };
    } catch {
      return null;
    }
  }

  async remove(name: string): Promise<void> {
    if (NAME.test(name)) await rm(join(this.dir, name), { force: true });
  }
}
