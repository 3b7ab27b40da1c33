import type { ProviderJob } from "../providers/provider";

/**
 * The shared queue of local fills (Postgres only): a proxy enqueues, any fill worker takes the
 * job, runs the engine and writes the job's row and result itself.
 */
export interface FillQueue {
  enqueue(jobId: string, job: ProviderJob): Promise<void>;
  close(): Promise<void>;
}
