import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { ProviderId } from "../contract";
import { createApp } from "./app";
import type { ProxyConfig } from "./config";
import type { FillOutput, FillTask } from "./engine/fill-task";
import type { WorkerPool } from "./engine/worker-pool";
import { createFillPool } from "./fill-pool";
import { CompositeStore } from "./jobs/composite-store";
import { InputStore } from "./jobs/input-store";
import { JobService } from "./jobs/job-service";
import { ResultStore } from "./jobs/result-store";
import { RateLimiter } from "./limits/rate-limiter";
import { createLogger, type Logger } from "./logging";
import { ApiframeProvider } from "./providers/apiframe-provider";
import { BflProvider } from "./providers/bfl-provider";
import { LocalProvider } from "./providers/local-provider";
import type { Provider } from "./providers/provider";
import { startFillWorkers } from "./queue/fill-workers";
import { PgBossFillQueue } from "./queue/pg-boss-fill-queue";
import { createShareService } from "./shares/create-share-service";
import { openStorage } from "./storage/open-storage";

export interface RunningProxy {
  url: string;
  defaultProvider: ProviderId;
  logger: Logger;
  /** The local engine's workers, read-only: tests check that a cancelled fill frees its worker. */
  fillPool: Pick<WorkerPool<FillTask, FillOutput>, "size" | "queued" | "running">;
  close(): Promise<void>;
}

/** How often expired results and inputs are swept (and once at start). */
const SWEEP_INTERVAL_MS = 10 * 60_000;

/** Wires providers, job table and HTTP server together; used by `main` and by the tests. */
export async function startProxy(config: ProxyConfig): Promise<RunningProxy> {
  const logger = createLogger({
    level: config.logLevel,
    secrets: [
      config.bfl?.apiKey ?? "",
      config.apiframe?.apiKey ?? "",
      config.s3?.secretAccessKey ?? "",
    ],
    destination: config.logDestination,
  });
  const storage = await openStorage(config);
  const queue = config.database
    ? await PgBossFillQueue.open(config.database, storage.blobs, config.fillLeaseSeconds, (err) =>
        logger.error({ err: err.message }, "fill queue error"),
      )
    : null;
  const pool = createFillPool(config.fillWorkers);
  const runner =
    queue && pool.size > 0
      ? await startFillWorkers(queue, storage, pool, config.fillLeaseSeconds, logger)
      : null;
  const inputs = new InputStore(storage.blobs, storage.repository, config.inputUrlTtlMs);
  const providers = new Map<ProviderId, Provider>([
    ["local", new LocalProvider(pool, config.fillWorkers + config.localQueueMax)],
  ]);
  if (config.bfl) providers.set("bfl", new BflProvider(config.bfl));
  if (config.apiframe)
    providers.set("apiframe", new ApiframeProvider({ ...config.apiframe, inputs }));
  if (config.apiframe && !config.apiframe.publicBaseUrl) {
    logger.warn(
      "APIFRAME_API_KEY is set but PUBLIC_BASE_URL is not: apiframe jobs will be refused",
    );
  }
  const defaultProvider: ProviderId =
    config.defaultProvider && providers.has(config.defaultProvider)
      ? config.defaultProvider
      : config.bfl
        ? "bfl"
        : "local";
  const results = new ResultStore(storage.blobs);
  const jobs = new JobService(
    providers,
    storage.repository,
    results,
    new CompositeStore(storage.blobs),
    logger,
    {
      maxPerClient: config.maxJobsPerClient,
      maxTotal: config.maxJobsInFlight,
      maxQueuedFills: config.fillWorkers + config.localQueueMax,
    },
    { queue, leases: config.upstreamLeases },
  );
  // On SQLite this process is the table's only user: every pending job is a previous run's.
  await jobs.resumeUnfinished({ exclusive: !config.database });
  const shares = createShareService(config, storage);

  const sweep = async () => {
    try {
      const removed = await jobs.purgeExpired(config.resultTtlMs);
      const inputsRemoved = await inputs.purgeExpired();
      const sharesRemoved = await shares.purgeEnded();
      if (removed + inputsRemoved + sharesRemoved > 0)
        logger.info({ removed, inputsRemoved, sharesRemoved }, "swept expired files");
    } catch (error) {
      logger.error({ err: error instanceof Error ? error.message : String(error) }, "sweep failed");
    }
  };
  await sweep();
  const sweeper = setInterval(sweep, Math.min(SWEEP_INTERVAL_MS, config.resultTtlMs));
  sweeper.unref();

  const app = createApp({
    jobs,
    results,
    inputs,
    providers,
    defaultProvider,
    submitLimiter: new RateLimiter(config.rateLimitPerMinute),
    logger,
    corsOrigins: config.corsOrigins,
    staticDir: config.staticDir,
    maxBodyBytes: config.maxBodyBytes,
    shares,
    feedbackLimiter: new RateLimiter(config.shares.feedbackPerMinute),
    publicBaseUrl: config.publicBaseUrl,
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(s),
    );
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;
  logger.info({ port, defaultProvider, providers: [...providers.keys()] }, "listening");
  return {
    url: `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`,
    defaultProvider,
    logger,
    fillPool: pool,
    close: async () => {
      clearInterval(sweeper);
      await jobs.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive sockets would otherwise hold close() open for seconds.
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await closed;
      runner?.stop();
      await queue?.close();
      await pool.close();
      await storage.close();
    },
  };
}
