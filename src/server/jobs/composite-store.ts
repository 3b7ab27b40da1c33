import { gunzipSync, gzipSync } from "node:zlib";
import type { JobGeometry } from "../providers/job-geometry";
import type { ResultExtension } from "../providers/provider";
import type { BlobStore } from "../storage/blob-store";

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
const PARTS = [".json", ".source", ".mask.gz"] as const;

/**
 * Plans in the blob store, one set of blobs per job id, so a job resumed after a restart (or by
 * another replica) is still composited. A plan is removed once its job ends.
 */
export class CompositeStore {
  constructor(private readonly blobs: BlobStore) {}

  async save(jobId: string, plan: CompositePlan): Promise<void> {
    const base = this.base(jobId);
    await Promise.all([
      this.blobs.put(`${base}.source`, plan.source),
      // A 0/1 mask is mostly runs: gzip makes a 20 MP one a few kilobytes.
      this.blobs.put(`${base}.mask.gz`, gzipSync(plan.mask)),
      this.blobs.put(
        `${base}.json`,
        Buffer.from(JSON.stringify({ geometry: plan.geometry, format: plan.format })),
      ),
    ]);
  }

  /** The job's plan, or null when it has none (the client did not ask to composite). */
  async load(jobId: string): Promise<CompositePlan | null> {
    const base = this.base(jobId);
    const [meta, source, mask] = await Promise.all(
      PARTS.map((part) => this.blobs.get(`${base}${part}`)),
    );
    if (!meta || !source || !mask) return null;
    const { geometry, format } = JSON.parse(meta.toString("utf8")) as Pick<
      CompositePlan,
      "geometry" | "format"
    >;
    return { source, mask: new Uint8Array(gunzipSync(mask)), geometry, format };
  }

  async remove(jobId: string): Promise<void> {
    const base = this.base(jobId);
    await Promise.all(PARTS.map((part) => this.blobs.delete(`${base}${part}`)));
  }

  private base(jobId: string): string {
    if (!ID.test(jobId)) throw new Error(`invalid job id ${jobId}`);
    return `composites/${jobId}`;
  }
}
