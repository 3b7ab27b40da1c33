import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vitest/config";

const apiPort = Number(process.env.PORT ?? 8787);

/** Under `npm run dev`, `/r/<token>` opens the review page as the proxy serves it in production. */
const reviewPageInDev: Plugin = {
  name: "fillpaint-review-page",
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      if (req.url?.startsWith("/r/")) req.url = "/review.html";
      next();
    });
  },
};

/**
 * The proxy tests that build the app through `testConfig`: with a test Postgres at hand
 * (TEST_DATABASE_URL, which `npm test` starts) they run a second time on Postgres, so both
 * storage implementations keep the same contract.
 */
const SCALE_TESTS = "src/server/scale*.test.ts";
const PROXY_TESTS = [
  "src/server/apiframe.test.ts",
  "src/server/bfl-faults.test.ts",
  "src/server/cancel.test.ts",
  "src/server/composite-api.test.ts",
  "src/server/flux-tools.test.ts",
  "src/server/input-guards.test.ts",
  "src/server/limits.test.ts",
  "src/server/proxy.test.ts",
  "src/server/shares/shares.test.ts",
];

export default defineConfig({
  plugins: [react(), tailwindcss(), reviewPageInDev],
  build: {
    outDir: "dist/app",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1024,
    // The review page is its own entry: reviewers never download the editor.
    rollupOptions: { input: { main: "index.html", review: "review.html" } },
  },
  server: {
    // `npm run dev`: Vite serves the SPA with HMR and hands the API to the proxy.
    proxy: {
      "/v1": `http://127.0.0.1:${apiPort}`,
      "/api": `http://127.0.0.1:${apiPort}`,
    },
  },
  test: {
    environment: "node",
    // A safety net for a hang, not a bound on speed: the tests wait on statuses and events, and
    // on a loaded 2-core box a proxy round trip of 2.5 s took over 30 s (bfl-client.ts).
    testTimeout: 120_000,
    // Most proxy tests wait on HTTP, child processes and Postgres rather than compute: on a
    // 2-core CI box the default (cores − 1 = one file at a time) took twice as long.
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        // The scenarios need Postgres; they are the "postgres" project's.
        test: {
          name: "sqlite",
          include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: [SCALE_TESTS],
        },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              extends: true as const,
              test: {
                name: "postgres",
                include: [...PROXY_TESTS, SCALE_TESTS],
                env: { FILLPAINT_TEST_STORAGE: "postgres" },
              },
            },
          ]
        : []),
    ],
  },
});
