import { afterAll, describe, expect, it } from "vitest";
import type { SubmitResponse } from "../contract";
import type { ProxyConfig } from "./config";
import { type RunningProxy, startProxy } from "./proxy";
import { bflPollUntilDone, bflSubmit } from "./testing/bfl-client";
import { type FakeBfl, type FakeBflOptions, startFakeBfl } from "./testing/fake-bfl";
import { decodeRgb, fixtureBase64, rectMaskBase64 } from "./testing/images";
import { logCollector, testConfig } from "./testing/proxy-config";

const SECRET = "sk-faults-secret-5d1e";
const coffee = fixtureBase64("skimage_coffee.png");
const logs = logCollector();
/** Every answer body the tests saw, checked for the key at the end. */
const answers: string[] = [];

async function withBfl(
  fakeOptions: Omit<FakeBflOptions, "apiKey">,
  check: (proxy: RunningProxy, fake: FakeBfl) => Promise<void>,
  overrides: Partial<ProxyConfig> = {},
) {
  const fake = await startFakeBfl({ apiKey: SECRET, pendingPolls: 1, ...fakeOptions });
  const proxy = await startProxy(
    testConfig({
      bfl: { apiKey: SECRET, baseUrl: fake.apiBase, extraAllowedHosts: fake.hosts },
      logDestination: logs.stream,
      ...overrides,
    }),
  );
  try {
    await check(proxy, fake);
  } finally {
    await proxy.close();
    await fake.close();
  }
}

async function submitAndWait(proxy: RunningProxy, body: Record<string, unknown> = {}) {
  const mask = await rectMaskBase64(600, 400, { x: 10, y: 10, w: 50, h: 50 });
  const submit = await bflSubmit(proxy.url, { image: coffee, mask, prompt: "sky", ...body });
  answers.push(JSON.stringify(submit.body));
  expect(submit.status).toBe(200);
  const polls = await bflPollUntilDone(submit.body as SubmitResponse);
  answers.push(JSON.stringify(polls));
  return polls.at(-1)!;
}

describe("bfl provider against injected upstream faults", () => {
  afterAll(() => {
    // The key never reaches a client or a log line, whatever went wrong.
    expect(answers.join("\n")).not.toContain(SECRET);
    expect(logs.lines.length).toBeGreaterThan(20);
    expect(logs.lines.join("\n")).not.toContain(SECRET);
    // Structured lines with a request id; never image data.
    const request = logs.lines.map((l) => JSON.parse(l)).find((l) => l.msg === "request");
    expect(request).toMatchObject({ method: expect.any(String), status: expect.any(Number) });
    expect(request.reqId).toMatch(/.{8,}/);
    expect(logs.lines.join("\n")).not.toContain(coffee.slice(100, 160));
  });

  it("passes a 429 on with its Retry-After, and never re-sends a failed submit", async () => {
    await withBfl({ submitStatus: 429, retryAfter: "7" }, async (proxy, fake) => {
      const mask = await rectMaskBase64(600, 400, { x: 10, y: 10, w: 50, h: 50 });
      const answer = await bflSubmit(proxy.url, { image: coffee, mask });
      answers.push(JSON.stringify(answer.body));
      expect(answer.status).toBe(429);
      expect(answer.headers.get("retry-after")).toBe("7");
      expect(String((answer.body as { detail: string }).detail)).toMatch(/too many active tasks/);
      expect(fake.requests.filter((r) => r.method === "POST")).toHaveLength(1);
    });
    await withBfl({ submitStatus: 500 }, async (proxy, fake) => {
      const mask = await rectMaskBase64(600, 400, { x: 10, y: 10, w: 50, h: 50 });
      const answer = await bflSubmit(proxy.url, { image: coffee, mask });
      answers.push(JSON.stringify(answer.body));
      expect(answer.status).toBe(502);
      expect(String((answer.body as { detail: string }).detail)).toMatch(/answered 500/);
      expect(fake.requests.filter((r) => r.method === "POST")).toHaveLength(1);
    });
  });

  it("passes BFL's own 422 detail through in BFL's shape", async () => {
    await withBfl({ submitStatus: 422 }, async (proxy) => {
      const mask = await rectMaskBase64(600, 400, { x: 10, y: 10, w: 50, h: 50 });
      const answer = await bflSubmit(proxy.url, { image: coffee, mask });
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ detail: [{ loc: ["body", "prompt"] }] });
    });
  });

  it("retries polls through 500s (that echo the key) and dropped connections", async () => {
    await withBfl({ pollFailures: 2, pollDrops: 1 }, async (proxy, fake) => {
      const final = await submitAndWait(proxy);
      expect(final.status).toBe("Ready");
      expect(fake.requests.filter((r) => r.path === "/v1/get_result").length).toBeGreaterThan(4);
    });
  });

  it("waits for slow answers", async () => {
    await withBfl({ pollDelayMs: 1200 }, async (proxy) => {
      expect((await submitAndWait(proxy)).status).toBe("Ready");
    });
  });

  it("reports BFL's Error status and an expired sample link as clear failures", async () => {
    await withBfl({ finalStatus: "Error" }, async (proxy) => {
      const final = await submitAndWait(proxy);
      expect(final.status).toBe("Error");
      expect(String(final.details?.message)).toMatch(/Black Forest Labs reported Error/);
    });
    await withBfl({ sampleTtlMs: 0 }, async (proxy) => {
      const final = await submitAndWait(proxy);
      expect(final.status).toBe("Error");
      expect(String(final.details?.message)).toMatch(/expired/);
    });
  });

  it("forwards flux-pro-1.0-expand and serves the larger result", async () => {
    await withBfl({}, async (proxy, fake) => {
      const answer = await fetch(`${proxy.url}/v1/flux-pro-1.0-expand`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ image: coffee, top: 64, left: 32, prompt: "more table" }),
      });
      expect(answer.status).toBe(200);
      const final = (await bflPollUntilDone((await answer.json()) as SubmitResponse)).at(-1)!;
      expect(final.status).toBe("Ready");
      expect(fake.submits[0]).toMatchObject({
        path: "/v1/flux-pro-1.0-expand",
        top: 64,
        left: 32,
        bottom: 0,
        right: 0,
        guidance: 60,
        hasMask: false,
      });
      const image = await decodeRgb(
        Buffer.from(await (await fetch(final.result!.sample)).arrayBuffer()),
      );
      expect([image.width, image.height]).toEqual([632, 464]);
    });
  });

  it("refuses to follow a polling URL on a host that is not allowed (no SSRF)", async () => {
    // Configure the proxy without the fake's polling/delivery hosts.
    const fake = await startFakeBfl({ apiKey: SECRET });
    const proxy = await startProxy(
      testConfig({
        bfl: { apiKey: SECRET, baseUrl: fake.apiBase, extraAllowedHosts: [] },
        logDestination: logs.stream,
      }),
    );
    try {
      const mask = await rectMaskBase64(600, 400, { x: 10, y: 10, w: 50, h: 50 });
      const answer = await bflSubmit(proxy.url, { image: coffee, mask });
      expect(answer.status).toBe(502);
      expect(String((answer.body as { detail: string }).detail)).toMatch(
        /not allowed: 127\.0\.0\.2/,
      );
      expect(fake.requests.filter((r) => r.host.startsWith("127.0.0.2"))).toHaveLength(0);
    } finally {
      await proxy.close();
      await fake.close();
    }
  });
});
