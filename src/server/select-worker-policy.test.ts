import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningProxy, startProxy } from "./proxy";
import { testConfig } from "./testing/proxy-config";

describe("the smart-selection worker's script policy", () => {
  let proxy: RunningProxy;
  beforeAll(async () => {
    const spa = mkdtempSync(join(tmpdir(), "fillpaint-spa-"));
    mkdirSync(join(spa, "assets"));
    writeFileSync(join(spa, "index.html"), "<!doctype html>");
    writeFileSync(join(spa, "assets/select.worker-AbC_12.js"), "self.onmessage = () => {};");
    writeFileSync(join(spa, "assets/index-AbC_12.js"), "console.log(1);");
    proxy = await startProxy(testConfig({ staticDir: spa }));
  });
  afterAll(() => proxy.close());

  it("lets only that worker evaluate (OpenCV.js's embind); the page keeps the strict policy", async () => {
    const worker = await fetch(`${proxy.url}/assets/select.worker-AbC_12.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get("content-security-policy")).toMatch(
      /script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'/,
    );
    for (const path of ["/", "/assets/index-AbC_12.js"]) {
      const answer = await fetch(`${proxy.url}${path}`);
      expect(answer.status, path).toBe(200);
      const csp = answer.headers.get("content-security-policy") ?? "";
      expect(csp, path).toMatch(/script-src 'self'(;|$)/);
      expect(csp, path).not.toMatch(/unsafe-eval/);
    }
  });
});
