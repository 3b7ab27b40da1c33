import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** `<expiry ms>-<43-char random token>.<ext>`: the name is the capability, unguessable. */
const NAME = /^(\d{13})-([A-Za-z0-9_-]{43})\.(png|jpeg|webp)$/;
const CONTENT_TYPES = { png: "image/png", jpeg: "image/jpeg", webp: "image/webp" } as const;
export type InputExtension = keyof typeof CONTENT_TYPES;

/**
 * Uploaded inputs that an upstream fetches by URL (apiframe takes image and mask as URLs). Each
 * file sits behind a 256-bit random name that expires: the URL is shared only with the
 * upstream, and is useless once the job has started.
 */
export class InputStore {
  private readonly dir: string;

  constructor(
    dataDir: string,
    private readonly ttlMs: number,
  ) {
    this.dir = join(dataDir, "inputs");
  }

  async save(bytes: Uint8Array, extension: InputExtension): Promise<string> {
    const name = `${Date.now() + this.ttlMs}-${randomBytes(32).toString("base64url")}.${extension}`;
    await mkdir(this.dir, { recursive: true });
    await writeFile(join(this.dir, name), bytes);
    return name;
  }

  async read(name: string): Promise<{ bytes: Buffer; contentType: string } | null> {
    const match = NAME.exec(name);
    if (!match || Number(match[1]) < Date.now()) return null;
    try {
      const bytes = await readFile(join(this.dir, name));
      return { bytes, contentType: CONTENT_TYPES[match[3] as InputExtension] };
    } catch {
      return null;
    }
  }

  /** Deletes expired inputs; returns how many. */
  async purgeExpired(): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return 0;
    }
    const expired = names.filter((name) => {
      const match = NAME.exec(name);
      return !match || Number(match[1]) < Date.now();
    });
    await Promise.all(expired.map((name) => rm(join(this.dir, name), { force: true })));
    return expired.length;
  }
}
