import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { ProviderId } from "../contract";
import type { InputStore } from "./jobs/input-store";
import type { JobService } from "./jobs/job-service";
import type { ResultStore } from "./jobs/result-store";
import { bodyLimit } from "./limits/body-limit";
import type { RateLimiter } from "./limits/rate-limiter";
import type { Logger } from "./logging";
import type { Provider } from "./providers/provider";
import { cancelRoute } from "./routes/cancel-route";
import { configRoute } from "./routes/config-route";
import { generateRoute } from "./routes/generate-route";
import { inputRoute } from "./routes/input-route";
import { resultRoute } from "./routes/result-route";
import { REVIEW_PAGE_POLICY, reviewPageRoute } from "./shares/review-page";
import { shareRoutes } from "./shares/share-routes";
import type { ShareService } from "./shares/share-service";

export interface AppDeps {
  jobs: JobService;
  results: ResultStore;
  inputs: InputStore;
  providers: ReadonlyMap<ProviderId, Provider>;
  defaultProvider: ProviderId;
  submitLimiter: RateLimiter;
  logger: Logger;
  /** Origins allowed to call the API from other sites; empty keeps it same-origin. */
  corsOrigins: string[];
  /** The built SPA; omitted in API-only tests and under `npm run dev` (Vite serves it). */
  staticDir?: string;
  maxBodyBytes: number;
  shares: ShareService;
  feedbackLimiter: RateLimiter;
  /** PUBLIC_BASE_URL: review links and their previews are absolute against it when set. */
  publicBaseUrl: string | null;
}

/**
 * The SPA draws with blob:/data: images (uploads, mask previews, results), and sonner injects
 * its styles; everything else comes from this origin, and no site may frame the app.
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "blob:", "data:"],
  connectSrc: ["'self'", "blob:", "data:"],
  workerSrc: ["'self'", "blob:"],
  fontSrc: ["'self'", "data:"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The smart-selection worker runs OpenCV.js, whose bindings compile WebAssembly and build
 * functions from strings (Emscripten's embind). Only that worker's script gets a policy that
 * allows it: a worker has no DOM, and the page itself keeps the strict policy above.
 */
const SELECT_WORKER = /^\/assets\/select\.worker-[\w-]+\.js$/;
const SELECT_WORKER_POLICY =
  "default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; connect-src 'self' blob: data:";

/** Input and review-link tokens are capabilities: the logs name the route, never the token. */
function redactTokens(path: string): string {
  return path
    .replace(/^\/v1\/inputs\/.*/, "/v1/inputs/[token]")
    .replace(/^\/r\/[^/]*/, "/r/[token]")
    .replace(/^\/api\/review\/[^/]*/, "/api/review/[token]");
}

/** The proxy as a Hono app, so tests can drive it in-process or over real HTTP. */
export function createApp(deps: AppDeps): Hono<{ Variables: { requestId: string } }> {
  const app = new Hono<{ Variables: { requestId: string } }>();
  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    // Method, path and status only: never headers (keys), bodies (images) or input tokens.
    deps.logger.info(
      {
        reqId: c.get("requestId"),
        method: c.req.method,
        path: redactTokens(c.req.path),
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      "request",
    );
  });
  // Registered before secureHeaders so that it runs after it on the way out.
  app.use(async (c, next) => {
    await next();
    if (SELECT_WORKER.test(c.req.path))
      c.res.headers.set("content-security-policy", SELECT_WORKER_POLICY);
    if (c.req.path.startsWith("/r/"))
      c.res.headers.set("content-security-policy", REVIEW_PAGE_POLICY);
  });
  app.use(
    secureHeaders({
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      xFrameOptions: "DENY",
      // Allowed origins may show results in <img>; otherwise only this origin may.
      crossOriginResourcePolicy: deps.corsOrigins.length > 0 ? "cross-origin" : "same-origin",
      strictTransportSecurity: false,
    }),
  );
  if (deps.corsOrigins.length > 0) {
    const api = cors({
      origin: deps.corsOrigins,
      allowHeaders: [
        "content-type",
        "x-key",
        "x-fillpaint-provider",
        "x-fillpaint-outpaint-preset",
        "x-fillpaint-resize-mask",
        "x-fillpaint-composite",
      ],
      allowMethods: ["GET", "POST", "DELETE", "OPTIONS"],
      maxAge: 600,
    });
    app.use("/v1/*", api);
    app.use("/api/*", api);
  }
  app.use("/v1/*", bodyLimit(deps.maxBodyBytes));
  app.route("/", generateRoute(deps));
  app.route("/", resultRoute(deps.jobs, deps.results));
  app.route("/", cancelRoute(deps.jobs));
  app.route("/", inputRoute(deps.inputs));
  app.route("/", configRoute(deps.providers, deps.defaultProvider));
  app.route("/", shareRoutes(deps));
  app.all("/v1/*", (c) => c.json({ detail: "Not Found" }, 404));
  app.all("/api/*", (c) => c.json({ detail: "Not Found" }, 404));
  if (deps.staticDir) {
    app.route("/", reviewPageRoute({ ...deps, staticDir: deps.staticDir }));
    app.use("/*", serveStatic({ root: deps.staticDir }));
    // Client-side routes fall back to the SPA shell.
    app.get("/*", serveStatic({ root: deps.staticDir, path: "index.html" }));
  }
  app.onError((error, c) => {
    deps.logger.error({ reqId: c.get("requestId"), err: error.message }, "unhandled error");
    return c.json({ detail: "internal error" }, 500);
  });
  return app;
}
