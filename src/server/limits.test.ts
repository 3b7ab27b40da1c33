import { describe, expect, it } from "vitest";
import type { ProxyConfig } from "./config";
import { type RunningProxy, startProxy } from "./proxy";
import { bflSubmit } from "./testing/bfl-client";
import { startFakeBfl } from "./testing/fake-bfl";
import { fixtureBase64, rectMaskBase64 } from "./testing/images";
import { testConfig } from "./testing/proxy-config";

const coffee = fixtureBase64("skimage_coffee.png");

async function withProxy(
  overrides: Partial<ProxyConfig>,
  check: (p: RunningProxy) => Promise<void>,
) {
  const proxy = await startProxy(testConfig(overrides));
  try {
    await check(proxy);
  } finally {
    await proxy.close();
  }
}

describe("submit limits", () => {
  it("rate-limits submits per client with 429 and Retry-After", async () => {
    await withProxy({ rateLimitPerMinute: 3 }, async (proxy) => {
      const mask = await rectMaskBase64(600, 400, { x: 1, y: 1, w: 4, h: 4 });
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 5; i++) {
        const answer = await bflSubmit(proxy.url, { image: coffee, mask });
        statuses.push(answer.status);
        if (answer.status === 429) retryAfter = answer.headers.get("retry-after");
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    });
  });

  it("caps jobs in flight per client and in total", async () => {
    const key = "sk-limits";
    const fake = await startFakeBfl({ apiKey: key, pendingPolls: 1_000_000 });
    const bfl = { apiKey: key, baseUrl: fake.apiBase, extraAllowedHosts: fake.hosts };
    const mask = await rectMaskBase64(600, 400, { x: 1, y: 1, w: 4, h: 4 });
    try {
      await withProxy({ bfl, maxJobsPerClient: 2 }, async (proxy) => {
        const statuses = [];
        for (let i = 0; i < 3; i++)
          statuses.push((await bflSubmit(proxy.url, { image: coffee, mask })).status);
        expect(statuses).toEqual([200, 200, 429]);
      });
      await withProxy({ bfl, maxJobsInFlight: 1 }, async (proxy) => {
        expect((await bflSubmit(proxy.url, { image: coffee, mask })).status).toBe(200);
        const busy = await bflSubmit(proxy.url, { image: coffee, mask });
        expect(busy.status).toBe(429);
        expect(String((busy.body as { detail: string }).detail)).toMatch(/busy/);
      });
    } finally {
      await fake.close();
    }
  });

  it("answers 429 (never 500) when the local engine's bounded queue is full", async () => {
    // Through Postgres the cap is on the shared queue (FILL_WORKERS + LOCAL_QUEUE_MAX), and with
    // no worker taking fills none can finish (and free its place) while the burst comes in.
    const viaQueue = process.env.FILLPAINT_TEST_STORAGE === "postgres";
    await withProxy({ fillWorkers: viaQueue ? 0 : 1, localQueueMax: 2 }, async (proxy) => {
      const mask = await rectMaskBase64(600, 400, { x: 100, y: 60, w: 400, h: 280 });
      const answers = await Promise.all(
        Array.from({ length: 12 }, () => bflSubmit(proxy.url, { image: coffee, mask })),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
      expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(3);
      const refused = answers.find((a) => a.status === 429)!;
      expect(String((refused.body as { detail: string }).detail)).toMatch(/queue is full/);
      expect(refused.headers.get("retry-after")).toBeTruthy();
    });
  });
});
