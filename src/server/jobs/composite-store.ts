import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import type { JobGeometry } from "../providers/job-geometry";
import type { ResultExtension } from "../providers/provider";

/**
 * What compositing a job's result needs, kept from submit until the result is in: the image as
 * uploaded (its own values, profile and orientation), where it sits on the output canvas, the
 * 0/1 mask of pixels the provider may change, and the format the client asked for.
 */
export interface CompositePlan {
  source: Uint8Array;
  geometry: Omit<JobGeometry, "mask">;
  mask: Uint8Array;
  format: ResultExtension;
}

const ID = /^[0-9a-f-]{36}$/;

/**
 * Plans on disk under the data directory, one set of files per job id, so a job resumed after a
 * restart is still composited. A plan is removed once its job ends.
 */
export class CompositeStore {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, "composites");
  }

  async save(jobId: string, plan: CompositePlan): Promise<void> {
    const base = this.base(jobId);
    await mkdir(this.dir, { recursive: true });
    await Promise.all([
      writeFile(`${base}.source`, plan.source),
      // A 0/1 mask is mostly runs: gzip makes a 20 MP one a few kilobytes.
      writeFile(`${base}.mask.gz`, gzipSync(plan.mask)),
      writeFile(`${base}.json`, JSON.stringify({ geometry: plan.geometry, format: plan.format })),
    ]);
  }

  /** The job's plan, or null when it has none (the client did not ask to composite). */
  async load(jobId: string): Promise<CompositePlan | null> {
    const base = this.base(jobId);
    try {
      const [meta, source, mask] = await Promise.all([
        readFile(`${base}.json`, "utf8"),
        readFile(`${base}.source`),
        readFile(`${base}.mask.gz`),
      ]);
      const { geometry, format } = JSON.parse(meta) as Pick<CompositePlan, "geometry" | "format">;
      return { source, mask: new Uint8Array(gunzipSync(mask)), geometry, format };
    } catch {
      return null;
    }
  }

  async remove(jobId: string): Promise<void> {
    const base = this.base(jobId);
    await Promise.all(
      [".json", ".source", ".mask.gz"].map((ext) => rm(`${base}${ext}`, { force: true })),
    );
  }

  private base(jobId: string): string {
    if (!ID.test(jobId)) throw new Error(`invalid job id ${jobId}`);
    return join(this.dir, jobId);
  }
}
