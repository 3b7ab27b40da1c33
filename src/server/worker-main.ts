import { configFromEnv } from "./config";
import { createFillPool } from "./fill-pool";
import { createLogger } from "./logging";
import { startFillWorkers } from "./queue/fill-workers";
import { PgBossFillQueue } from "./queue/pg-boss-fill-queue";
import { openStorage } from "./storage/open-storage";

// `npm run worker`: a fill worker, on this machine or another, taking local fills from the
// shared queue. It reads the proxy's environment (DATABASE_URL, S3_*, FILL_WORKERS, ...).
const config = configFromEnv(process.env);
if (!config.database) {
  throw new Error(
    "invalid configuration: DATABASE_URL is required: a fill worker takes its fills from the shared queue in Postgres",
  );
}
if (config.fillWorkers === 0) throw new Error("invalid configuration: FILL_WORKERS must be ≥ 1");
const logger = createLogger({
  level: config.logLevel,
  secrets: [config.s3?.secretAccessKey ?? ""],
});
const storage = await openStorage(config);
const queue = await PgBossFillQueue.open(
  config.database,
  storage.blobs,
  config.fillLeaseSeconds,
  (err) => logger.error({ err: err.message }, "fill queue error"),
);
const pool = createFillPool(config.fillWorkers);
const runner = await startFillWorkers(queue, storage, pool, config.fillLeaseSeconds, logger);
logger.info({ threads: pool.size }, "fill worker ready");

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void (async () => {
      runner.stop();
      await queue.close();
      await pool.close();
      await storage.close();
      process.exit(0);
    })();
  });
}
