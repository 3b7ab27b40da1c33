import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { ProviderId } from "../contract";
import { createApp } from "./app";
import type { ProxyConfig } from "./config";
import type { FillOutput, FillTask } from "./engine/fill-task";
import { WorkerPool } from "./engine/worker-pool";
import { JobService } from "./jobs/job-service";
import { ResultStore } from "./jobs/result-store";
import { BflProvider } from "./providers/bfl-provider";
import { LocalProvider } from "./providers/local-provider";
import type { Provider } from "./providers/provider";

export interface RunningProxy {
  url: string;
  defaultProvider: ProviderId;
  close(): Promise<void>;
}

// Under tsx this module is TypeScript source; bundled, it sits beside engine/fill-worker.js.
const FILL_WORKER = new URL(
  `./engine/fill-worker.${import.meta.url.endsWith(".ts") ? "ts" : "js"}`,
  import.meta.url,
);

/** Wires providers, job table and HTTP server together; used by `main` and by the tests. */
export async function startProxy(config: ProxyConfig): Promise<RunningProxy> {
  const pool = new WorkerPool<FillTask, FillOutput>(FILL_WORKER, config.fillWorkers);
  const providers = new Map<ProviderId, Provider>([["local", new LocalProvider(pool)]]);
  if (config.bfl) providers.set("bfl", new BflProvider(config.bfl));
  const defaultProvider: ProviderId = config.bfl ? "bfl" : "local";
  const results = new ResultStore(config.dataDir);
  const jobs = new JobService(providers, results);
  const app = createApp({
    jobs,
    results,
    providers,
    defaultProvider,
    staticDir: config.staticDir,
    maxBodyBytes: config.maxBodyBytes,
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(s),
    );
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;
  return {
    url: `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`,
    defaultProvider,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive sockets would otherwise hold close() open for seconds.
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await closed;
      await pool.close();
    },
  };
}
