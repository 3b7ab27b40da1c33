import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const apiPort = Number(process.env.PORT ?? 8787);

export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: { outDir: "dist/app", emptyOutDir: true, chunkSizeWarningLimit: 1024 },
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
