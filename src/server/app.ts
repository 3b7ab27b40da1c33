import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ProviderId } from "../contract";
import type { JobService } from "./jobs/job-service";
import type { ResultStore } from "./jobs/result-store";
import type { Provider } from "./providers/provider";
import { configRoute } from "./routes/config-route";
import { fillRoute } from "./routes/fill-route";
import { resultRoute } from "./routes/result-route";

export interface AppDeps {
  jobs: JobService;
  results: ResultStore;
  providers: ReadonlyMap<ProviderId, Provider>;
  defaultProvider: ProviderId;
  /** The built SPA; omitted in API-only tests and under `npm run dev` (Vite serves it). */
  staticDir?: string;
  maxBodyBytes: number;
}

/** The proxy as a Hono app, so tests can drive it in-process or over real HTTP. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use(
    "/v1/*",
    bodyLimit({
      maxSize: deps.maxBodyBytes,
      onError: (c) =>
        c.json({ detail: `request body is larger than ${deps.maxBodyBytes} bytes` }, 413),
    }),
  );
  app.route("/", fillRoute(deps));
  app.route("/", resultRoute(deps.jobs, deps.results));
  app.route("/", configRoute(deps.providers, deps.defaultProvider));
  app.all("/v1/*", (c) => c.json({ detail: "Not Found" }, 404));
  app.all("/api/*", (c) => c.json({ detail: "Not Found" }, 404));
  if (deps.staticDir) {
    app.use("/*", serveStatic({ root: deps.staticDir }));
    // Client-side routes fall back to the SPA shell.
    app.get("/*", serveStatic({ root: deps.staticDir, path: "index.html" }));
  }
  app.onError((error, c) => {
    console.error(error);
    return c.json({ detail: "internal error" }, 500);
  });
  return app;
}
