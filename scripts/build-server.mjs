// Bundles the proxy for `npm start` and the fill worker process for `npm run worker`: our code
// in, npm packages left as imports. The engine's thread script is a separate entry because
// worker_threads load it from its own file.
import { build } from "esbuild";

await build({
  entryPoints: [
    "src/server/main.ts",
    "src/server/worker-main.ts",
    "src/server/engine/fill-worker.ts",
  ],
  outbase: "src/server",
  outdir: "dist/server",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
