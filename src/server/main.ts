import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { configFromEnv } from "./config";
import { startProxy } from "./proxy";

// The built SPA sits in dist/app, beside this bundle's dist/server.
const spa = fileURLToPath(new URL("../app", import.meta.url));
const staticDir = existsSync(`${spa}/index.html`) ? spa : undefined;

const proxy = await startProxy(configFromEnv(process.env, staticDir));
proxy.logger.info(`Fillpaint is running at ${proxy.url} (provider: ${proxy.defaultProvider})`);
if (!staticDir) proxy.logger.info("API only: no built SPA found (run `npm run build`).");

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void proxy.close().then(() => process.exit(0));
  });
}
