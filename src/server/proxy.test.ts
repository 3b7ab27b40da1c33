import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConfigResponse, SubmitResponse } from "../contract";
import { type RunningProxy, startProxy } from "./proxy";
import { bflPollUntilDone, bflSubmit } from "./testing/bfl-client";
import { type FakeBfl, startFakeBfl } from "./testing/fake-bfl";
import { decodeRgb, fixtureBase64, rectMaskBase64 } from "./testing/images";
import { testConfig } from "./testing/proxy-config";

const SECRET = "sk-test-do-not-leak-7f3a";

describe("proxy with the local engine, as a BFL client sees it", () => {
  let proxy: RunningProxy;
  const coffee = fixtureBase64("skimage_coffee.png"); // 600×400
  const hole = { x: 250, y: 150, w: 120, h: 80 };

  beforeAll(async () => {
    proxy = await startProxy(testConfig());
  });
  afterAll(() => proxy.close());

  it("fills the masked area, keeps every other pixel, and serves the result", async () => {
    const mask = await rectMaskBase64(600, 400, hole);
    const submit = await bflSubmit(proxy.url, {
      image: coffee,
      mask,
      prompt: "a cup",
      output_format: "png",
    });
    expect(submit.status).toBe(200);
    const submitted = submit.body as SubmitResponse;
    expect(submitted.polling_url).toBe(`${proxy.url}/v1/get_result?id=${submitted.id}`);

    const polls = await bflPollUntilDone(submitted);
    const final = polls.at(-1)!;
    expect(final.status).toBe("Ready");
    expect(final.result?.sample.startsWith(`${proxy.url}/v1/results/`)).toBe(true);
    expect(final.result?.prompt).toBe("a cup");

    const response = await fetch(final.result!.sample);
    expect(response.headers.get("content-type")).toBe("image/png");
    const result = await decodeRgb(Buffer.from(await response.arrayBuffer()));
    const original = await decodeRgb(Buffer.from(coffee, "base64"));
    expect([result.width, result.height]).toEqual([600, 400]);

    let changedInside = 0;
    for (let y = 0; y < 400; y++) {
      for (let x = 0; x < 600; x++) {
        const i = (y * 600 + x) * 3;
        const inside = x >= hole.x && x < hole.x + hole.w && y >= hole.y && y < hole.y + hole.h;
        const same =
          result.data[i] === original.data[i] &&
          result.data[i + 1] === original.data[i + 1] &&
          result.data[i + 2] === original.data[i + 2];
        if (!inside) expect(same).toBe(true);
        else if (!same) changedInside += 1;
      }
    }
    expect(changedInside).toBeGreaterThan(hole.w * hole.h * 0.5);
  });

  it("reports Pending with a progress fraction before Ready", async () => {
    const mask = await rectMaskBase64(600, 400, hole);
    const submitted = (await bflSubmit(proxy.url, { image: coffee, mask })).body as SubmitResponse;
    const polls = await bflPollUntilDone(submitted);
    const first = polls[0]!;
    if (first.status === "Pending") {
      expect(first.progress).toBeGreaterThanOrEqual(0);
      expect(first.progress).toBeLessThanOrEqual(1);
    }
    expect(polls.at(-1)?.status).toBe("Ready");
    expect(polls.at(-1)?.result?.sample).toMatch(/\.jpeg$/); // BFL's default output_format
  });

  it("takes the mask from the image's alpha channel when no mask is sent", async () => {
    const image = fixtureBase64("fill_alpha_masked_image.png");
    const submitted = (await bflSubmit(proxy.url, { image, output_format: "png" }))
      .body as SubmitResponse;
    const final = (await bflPollUntilDone(submitted)).at(-1)!;
    expect(final.status).toBe("Ready");
    const result = await decodeRgb(
      Buffer.from(await (await fetch(final.result!.sample)).arrayBuffer()),
    );
    expect([result.width, result.height]).toEqual([1408, 1408]);
  });

  it("answers bad requests with BFL's 422 shape naming the field", async () => {
    const mask = await rectMaskBase64(600, 400, hole);
    const cases: [Record<string, unknown>, (string | number)[]][] = [
      [{ image: "not base64!", mask }, ["body", "image"]],
      [
        { image: coffee, mask: await rectMaskBase64(10, 10, { x: 0, y: 0, w: 5, h: 5 }) },
        ["body", "mask"],
      ],
      [{ image: coffee, mask, steps: 5 }, ["body", "steps"]],
      [{ image: coffee, mask, guidance: 101 }, ["body", "guidance"]],
      [{ image: coffee, mask, output_format: "gif" }, ["body", "output_format"]],
      [{ image: coffee }, ["body", "mask"]],
      [{ image: Buffer.from("hello").toString("base64"), mask }, ["body", "image"]],
      [{ mask }, ["body", "image"]],
    ];
    for (const [body, loc] of cases) {
      const answer = await bflSubmit(proxy.url, body);
      expect(answer.status, JSON.stringify(loc)).toBe(422);
      const detail = (answer.body as { detail: { loc: unknown[]; msg: string; type: string }[] })
        .detail;
      expect(detail[0]?.loc).toEqual(loc);
      expect(detail[0]?.msg.length).toBeGreaterThan(3);
    }
  });

  it("answers an unknown id with BFL's `Task not found`", async () => {
    const answer = await (await fetch(`${proxy.url}/v1/get_result?id=nope`)).json();
    expect(answer).toMatchObject({ id: "nope", status: "Task not found", result: null });
  });

  it("lists only the local provider when no key is configured", async () => {
    const config = (await (await fetch(`${proxy.url}/api/config`)).json()) as ConfigResponse;
    expect(config.defaultProvider).toBe("local");
    expect(config.providers.map((p) => p.id)).toEqual(["local"]);
    expect(config.providers[0]?.readsPrompt).toBe(false);
    expect(config.providers[0]?.ranges.steps).toEqual({ min: 15, max: 50, default: 50 });
  });
});

describe("proxy with the bfl provider against a fake BFL upstream", () => {
  let fake: FakeBfl;
  let proxy: RunningProxy;

  beforeAll(async () => {
    fake = await startFakeBfl({ apiKey: SECRET, pendingPolls: 2, sampleTtlMs: 1500 });
    proxy = await startProxy(
      testConfig({ bfl: { apiKey: SECRET, baseUrl: fake.apiBase, extraAllowedHosts: fake.hosts } }),
    );
  });
  afterAll(async () => {
    await proxy.close();
    await fake.close();
  });

  it("forwards with x-key, follows polling_url, and keeps serving the sample after BFL's link expired", async () => {
    const coffee = fixtureBase64("skimage_coffee.png");
    const mask = await rectMaskBase64(600, 400, { x: 10, y: 10, w: 50, h: 50 });
    const submit = await bflSubmit(proxy.url, { image: coffee, mask, prompt: "sky" });
    expect(submit.status).toBe(200);
    const submitted = submit.body as SubmitResponse;
    expect(submitted.polling_url.startsWith(proxy.url)).toBe(true);

    const polls = await bflPollUntilDone(submitted);
    expect(polls.some((p) => p.status === "Pending" && (p.progress ?? 0) > 0)).toBe(true);
    const final = polls.at(-1)!;
    expect(final.status).toBe("Ready");
    expect(final.result?.seed).toBe(42);
    expect(final.result?.sample.startsWith(`${proxy.url}/v1/results/`)).toBe(true);

    // The key went to BFL's API and polling hosts, never to the delivery host or the client.
    const toApi = fake.requests.filter((r) => r.path.startsWith("/v1/"));
    expect(toApi.length).toBeGreaterThanOrEqual(4);
    expect(toApi.every((r) => r.key === SECRET)).toBe(true);
    expect(fake.requests.some((r) => r.host.startsWith("127.0.0.2"))).toBe(true);
    expect(fake.requests.filter((r) => r.path.startsWith("/samples/")).every((r) => !r.key)).toBe(
      true,
    );
    expect(JSON.stringify([submit.body, polls])).not.toContain(SECRET);

    await new Promise((resolve) => setTimeout(resolve, 1700)); // the fake's link has expired now
    const sample = await fetch(final.result!.sample);
    expect(sample.status).toBe(200);
    const image = await decodeRgb(Buffer.from(await sample.arrayBuffer()));
    expect([image.width, image.height]).toEqual([600, 400]);
  });

  it("makes bfl the default and never reveals the key in /api/config", async () => {
    const text = await (await fetch(`${proxy.url}/api/config`)).text();
    const config = JSON.parse(text) as ConfigResponse;
    expect(config.defaultProvider).toBe("bfl");
    expect(config.providers.map((p) => p.id).sort()).toEqual(["bfl", "local"]);
    expect(text).not.toContain(SECRET);
  });

  it("can still be asked for the local engine with the provider header", async () => {
    const coffee = fixtureBase64("skimage_coffee.png");
    const mask = await rectMaskBase64(600, 400, { x: 10, y: 10, w: 50, h: 50 });
    const submit = await bflSubmit(
      proxy.url,
      { image: coffee, mask },
      { "x-fillpaint-provider": "local" },
    );
    const final = (await bflPollUntilDone(submit.body as SubmitResponse)).at(-1)!;
    expect(final.status).toBe("Ready");
    // no seed sent: the local engine's own (0) is reported, so the result can be remade
    expect(final.result?.seed).toBe(0);
  });
});

describe("bfl upstream failures", () => {
  it("passes BFL's 402 on as a clear error and a moderated job as its status", async () => {
    const coffee = fixtureBase64("skimage_coffee.png");
    const mask = await rectMaskBase64(600, 400, { x: 10, y: 10, w: 50, h: 50 });
    for (const [fakeOptions, check] of [
      [
        { submitStatus: 402 },
        async (proxyUrl: string) => {
          const answer = await bflSubmit(proxyUrl, { image: coffee, mask });
          expect(answer.status).toBe(402);
          expect((answer.body as { detail: string }).detail).toMatch(/no credits/);
        },
      ],
      [
        { finalStatus: "Content Moderated", pendingPolls: 0 },
        async (proxyUrl: string) => {
          const answer = await bflSubmit(proxyUrl, { image: coffee, mask });
          const final = (await bflPollUntilDone(answer.body as SubmitResponse)).at(-1)!;
          expect(final.status).toBe("Content Moderated");
          expect(String(final.details?.message)).toMatch(/moderation/);
        },
      ],
    ] as const) {
      const fake = await startFakeBfl({ apiKey: SECRET, ...fakeOptions });
      const proxy = await startProxy(
        testConfig({
          bfl: { apiKey: SECRET, baseUrl: fake.apiBase, extraAllowedHosts: fake.hosts },
        }),
      );
      try {
        await check(proxy.url);
      } finally {
        await proxy.close();
        await fake.close();
      }
    }
  });
});
