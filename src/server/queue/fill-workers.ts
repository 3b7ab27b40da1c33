import type { FillOutput, FillTask } from "../engine/fill-task";
import type { WorkerPool } from "../engine/worker-pool";
import { ResultStore } from "../jobs/result-store";
import type { Logger } from "../logging";
import { LocalProvider } from "../providers/local-provider";
import type { Storage } from "../storage/open-storage";
import { FillRunner } from "./fill-runner";
import type { PgBossFillQueue } from "./pg-boss-fill-queue";

/**
 * Takes queued fills, one per engine worker thread: in `npm run worker`, and in a proxy with
 * DATABASE_URL and FILL_WORKERS > 0 (so a single proxy on Postgres still fills by itself).
 * Call the runner's `stop` before closing the pool.
 */
export async function startFillWorkers(
  queue: PgBossFillQueue,
  storage: Storage,
  pool: WorkerPool<FillTask, FillOutput>,
  leaseSeconds: number,
  logger: Logger,
): Promise<FillRunner> {
  const engine = new LocalProvider(pool, pool.size);
  const runner = new FillRunner(
    storage.repository,
    storage.blobs,
    new ResultStore(storage.blobs),
    engine.fill,
    logger,
    leaseSeconds * 1000,
    pool.size,
  );
  await queue.work(pool.size, (jobId) => runner.run(jobId));
  return runner;
}
