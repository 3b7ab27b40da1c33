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
    include: ["src/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
  },
});
