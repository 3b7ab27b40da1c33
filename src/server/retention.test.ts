import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { SubmitResponse } from "../contract";
import { startProxy } from "./proxy";
import { bflPollUntilDone, bflSubmit } from "./testing/bfl-client";
import { fixtureBase64, rectMaskBase64 } from "./testing/images";
import { testConfig } from "./testing/proxy-config";

describe("result retention", () => {
  it("deletes finished jobs and their files once RESULT_TTL has passed", async () => {
    const config = testConfig({ resultTtlMs: 1000 });
    const proxy = await startProxy(config);
    try {
      const mask = await rectMaskBase64(600, 400, { x: 1, y: 1, w: 8, h: 8 });
      const submit = await bflSubmit(proxy.url, {
        image: fixtureBase64("skimage_coffee.png"),
        mask,
      });
      const final = (await bflPollUntilDone(submit.body as SubmitResponse)).at(-1)!;
      expect(final.status).toBe("Ready");
      expect((await fetch(final.result!.sample)).status).toBe(200);
      const results = join(config.dataDir, "results");
      expect(readdirSync(results)).toHaveLength(1);

      const deadline = Date.now() + 10_000;
      while (readdirSync(results).length > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(readdirSync(results)).toHaveLength(0);
      expect((await fetch(final.result!.sample)).status).toBe(404);
      const gone = await (await fetch((submit.body as SubmitResponse).polling_url)).json();
      expect(gone).toMatchObject({ status: "Task not found" });
      expect(existsSync(join(config.dataDir, "jobs.sqlite"))).toBe(true);
    } finally {
      await proxy.close();
    }
  });
});
