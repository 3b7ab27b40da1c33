import type { FillOutput, FillTask } from "./engine/fill-task";
import { WorkerPool } from "./engine/worker-pool";

// Under tsx this module is TypeScript source; bundled (main.js, worker-main.js), it sits beside
// engine/fill-worker.js.
const FILL_WORKER = new URL(
  `./engine/fill-worker.${import.meta.url.endsWith(".ts") ? "ts" : "js"}`,
  import.meta.url,
);

/** The local engine's worker threads, for a proxy or a fill worker process. */
export function createFillPool(size: number): WorkerPool<FillTask, FillOutput> {
  return new WorkerPool<FillTask, FillOutput>(FILL_WORKER, size);
}
