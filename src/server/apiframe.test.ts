import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ConfigResponse,
  ERASE_ROUTE,
  OUTPAINT_ROUTE,
  type SubmitResponse,
  type ValidationError,
} from "../contract";
import type { ProxyConfig } from "./config";
import { ERASE_PROMPT, EXTEND_PROMPT } from "./providers/apiframe-provider";
import { type RunningProxy, startProxy } from "./proxy";
import { bflPollUntilDone, bflSubmit } from "./testing/bfl-client";
import { type FakeApiframe, startFakeApiframe } from "./testing/fake-apiframe";
import { decodeRgb, fixtureBase64, rectMaskBase64 } from "./testing/images";
import { logCollector, testConfig } from "./testing/proxy-config";
import { freePort } from "./testing/proxy-process";

const SECRET = "af-secret-key-0b77";
const coffee = fixtureBase64("skimage_coffee.png"); // 600×400
const viaApiframe = { "x-fillpaint-provider": "apiframe" };

async function apiframeProxy(
  fake: FakeApiframe,
  overrides: Partial<ProxyConfig> = {},
): Promise<RunningProxy> {
  const port = await freePort();
  return startProxy(
    testConfig({
      port,
      apiframe: {
        apiKey: SECRET,
        baseUrl: fake.apiBase,
        extraAllowedHosts: [fake.cdnHost],
        publicBaseUrl: `http://127.0.0.1:${port}`,
      },
      ...overrides,
    }),
  );
}

describe("apiframe provider against a fake apiframe", () => {
  let fake: FakeApiframe;
  let proxy: RunningProxy;
  const logs = logCollector();

  beforeAll(async () => {
    fake = await startFakeApiframe({ apiKey: SECRET, pendingPolls: 1 });
    proxy = await apiframeProxy(fake, { logDestination: logs.stream });
  });
  afterAll(async () => {
    await proxy.close();
    await fake.close();
    expect(logs.lines.join("\n")).not.toContain(SECRET);
  });

  it("inpaints: publishes image and mask at unguessable URLs and maps BFL's fields", async () => {
    const mask = await rectMaskBase64(600, 400, { x: 100, y: 100, w: 40, h: 30 });
    const submit = await bflSubmit(
      proxy.url,
      { image: coffee, mask, prompt: "a vase", guidance: 4.5, safety_tolerance: 1, seed: 7 },
      viaApiframe,
    );
    expect(submit.status).toBe(200);
    const polls = await bflPollUntilDone(submit.body as SubmitResponse);
    expect(polls.some((p) => p.status === "Pending")).toBe(true);
    const final = polls.at(-1)!;
    expect(final.status).toBe("Ready");
    expect(JSON.stringify(polls)).not.toContain(SECRET);

    const seen = fake.submits.at(-1)!;
    expect(seen.params).toMatchObject({
      mode: "inpaint",
      prompt: "a vase",
      guidance: 4.5,
      safety_tolerance: 1,
      steps: 50,
      seed: 7,
      output_format: "jpg",
    });
    expect(seen.image).toEqual({ width: 600, height: 400 });
    expect(seen.mask).toMatchObject({ width: 600, height: 400, white: 40 * 30 });
    expect(seen.idempotencyKey).toMatch(/.{16,}/);
    expect(String(seen.params.image)).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/v1\/inputs\/\d{13}-[A-Za-z0-9_-]{43}\.png$/,
    );
    expect(
      fake.requests.filter((r) => r.path.startsWith("/v2/")).every((r) => r.key === SECRET),
    ).toBe(true);

    const sample = await fetch(final.result!.sample);
    expect(sample.headers.get("content-type")).toBe("image/jpeg");
    const image = await decodeRgb(Buffer.from(await sample.arrayBuffer()));
    expect([image.width, image.height]).toEqual([600, 400]);
  });

  it("validates apiframe's own ranges (guidance 2–5, prompt required) before sending", async () => {
    const mask = await rectMaskBase64(600, 400, { x: 100, y: 100, w: 40, h: 30 });
    const before = fake.submits.length;
    for (const [body, loc] of [
      [{ prompt: "x", guidance: 60 }, ["body", "guidance"]],
      [{ prompt: "x", safety_tolerance: 0 }, ["body", "safety_tolerance"]],
      [{ prompt: "" }, ["body", "prompt"]],
    ] as const) {
      const answer = await bflSubmit(proxy.url, { image: coffee, mask, ...body }, viaApiframe);
      expect(answer.status).toBe(422);
      expect((answer.body as ValidationError).detail[0]?.loc).toEqual(loc);
    }
    expect(fake.submits.length).toBe(before);
    const config = (await (await fetch(`${proxy.url}/api/config`)).json()) as ConfigResponse;
    const info = config.providers.find((p) => p.id === "apiframe")!;
    expect(info.ranges.guidance).toEqual({ min: 2, max: 5, default: 3 });
    expect(info.outpaintPresets).toContain("Zoom out 2x");
  });

  it("outpaints with a named preset through flux-pro-1.0-expand", async () => {
    const expand = (headers: Record<string, string>) =>
      fetch(`${proxy.url}/v1/flux-pro-1.0-expand`, {
        method: "POST",
        headers: { "content-type": "application/json", ...viaApiframe, ...headers },
        body: JSON.stringify({ image: coffee, prompt: "a wider room", output_format: "png" }),
      });
    const missing = await expand({});
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as ValidationError).detail[0]?.loc).toEqual([
      "header",
      "x-fillpaint-outpaint-preset",
    ]);
    const answer = await expand({ "x-fillpaint-outpaint-preset": "Zoom out 2x" });
    expect(answer.status).toBe(200);
    const final = (await bflPollUntilDone((await answer.json()) as SubmitResponse)).at(-1)!;
    expect(final.status).toBe("Ready");
    expect(fake.submits.at(-1)?.params).toMatchObject({
      mode: "outpaint",
      outpaint: "Zoom out 2x",
      output_format: "png",
    });
    expect(fake.submits.at(-1)?.params.mask).toBeUndefined();
    const image = await decodeRgb(
      Buffer.from(await (await fetch(final.result!.sample)).arrayBuffer()),
    );
    expect([image.width, image.height]).toEqual([1200, 800]);
  });

  it("erases through its fill: the dilated mask and a documented neutral prompt", async () => {
    const mask = await rectMaskBase64(600, 400, { x: 100, y: 100, w: 40, h: 30 });
    const answer = await bflSubmit(
      proxy.url,
      { image: coffee, mask, dilate_pixels: 5, safety_tolerance: 3 },
      viaApiframe,
      ERASE_ROUTE,
    );
    expect(answer.status).toBe(200);
    const final = (await bflPollUntilDone(answer.body as SubmitResponse)).at(-1)!;
    expect(final.status).toBe("Ready");
    const seen = fake.submits.at(-1)!;
    expect(seen.params).toMatchObject({
      mode: "inpaint",
      prompt: ERASE_PROMPT,
      steps: 50,
      guidance: 3,
      safety_tolerance: 3,
      output_format: "png",
    });
    // 40×30 grown by 5 px on every side, with rounded corners: more than 40×30, less than 50×40.
    expect(seen.mask?.white).toBeGreaterThan(40 * 30 + 2 * 5 * (40 + 30));
    expect(seen.mask?.white).toBeLessThan(50 * 40);
    // apiframe's strictest safety level is 1: the erase endpoint's 0 is refused for it.
    const strict = await bflSubmit(
      proxy.url,
      { image: coffee, mask, safety_tolerance: 0 },
      viaApiframe,
      ERASE_ROUTE,
    );
    expect(strict.status).toBe(422);
  });

  it("outpaints a preset's frame by the preset, any other frame as a padded inpaint", async () => {
    // Zoom out 1.5x of 600×400 is 928×608 with the image centred (the SPA's preset geometry).
    const preset = await bflSubmit(
      proxy.url,
      { input_image: coffee, width: 928, height: 608 },
      viaApiframe,
      OUTPAINT_ROUTE,
    );
    expect(preset.status).toBe(200);
    await bflPollUntilDone(preset.body as SubmitResponse);
    expect(fake.submits.at(-1)?.params).toMatchObject({
      mode: "outpaint",
      outpaint: "Zoom out 1.5x",
      prompt: EXTEND_PROMPT,
    });

    const custom = await bflSubmit(
      proxy.url,
      { input_image: coffee, width: 700, height: 400, reference_offset_x: 0, prompt: "shelves" },
      viaApiframe,
      OUTPAINT_ROUTE,
    );
    expect(custom.status).toBe(200);
    const final = (await bflPollUntilDone(custom.body as SubmitResponse)).at(-1)!;
    expect(final.status).toBe("Ready");
    const seen = fake.submits.at(-1)!;
    expect(seen.params).toMatchObject({ mode: "inpaint", prompt: "shelves" });
    expect(seen.image).toEqual({ width: 700, height: 400 });
    expect(seen.mask).toEqual({ width: 700, height: 400, white: 100 * 400 });
    const config = (await (await fetch(`${proxy.url}/api/config`)).json()) as ConfigResponse;
    expect(config.providers.find((p) => p.id === "apiframe")).toMatchObject({
      tasks: ["erase", "fill", "outpaint"],
      nativeTasks: ["fill"],
    });
  });

  it("takes the mask from the alpha channel when none is sent", async () => {
    const image = fixtureBase64("fill_alpha_masked_image.png");
    const submit = await bflSubmit(proxy.url, { image, prompt: "a cat" }, viaApiframe);
    expect(submit.status).toBe(200);
    const final = (await bflPollUntilDone(submit.body as SubmitResponse)).at(-1)!;
    expect(final.status).toBe("Ready");
    const mask = fake.submits.at(-1)?.mask;
    expect(mask?.width).toBe(1408);
    expect(mask?.white).toBeGreaterThan(0);
    expect(mask?.white).toBeLessThan(1408 * 1408);
  });
});

describe("apiframe faults and configuration", () => {
  it("refuses the provider clearly when PUBLIC_BASE_URL is not set", async () => {
    const fake = await startFakeApiframe({ apiKey: SECRET });
    const proxy = await startProxy(
      testConfig({
        apiframe: {
          apiKey: SECRET,
          baseUrl: fake.apiBase,
          extraAllowedHosts: [],
          publicBaseUrl: null,
        },
      }),
    );
    try {
      const mask = await rectMaskBase64(600, 400, { x: 1, y: 1, w: 5, h: 5 });
      const answer = await bflSubmit(proxy.url, { image: coffee, mask, prompt: "x" }, viaApiframe);
      expect(answer.status).toBe(503);
      expect(String((answer.body as { detail: string }).detail)).toMatch(/PUBLIC_BASE_URL/);
      expect(fake.submits).toHaveLength(0);
      const config = (await (await fetch(`${proxy.url}/api/config`)).json()) as ConfigResponse;
      const info = config.providers.find((p) => p.id === "apiframe");
      expect(info?.unavailableReason).toMatch(/PUBLIC_BASE_URL/);
    } finally {
      await proxy.close();
      await fake.close();
    }
  });

  it("accepts both result shapes, survives 500s and drops, reports FAILED, expires inputs", async () => {
    const mask = await rectMaskBase64(600, 400, { x: 1, y: 1, w: 5, h: 5 });
    for (const [options, expected] of [
      [{ resultShape: "images", pollFailures: 1, pollDrops: 1 }, "Ready"],
      [{ failWith: "NSFW content detected" }, "Error"],
    ] as const) {
      const fake = await startFakeApiframe({ apiKey: SECRET, pendingPolls: 0, ...options });
      const proxy = await apiframeProxy(fake, { inputUrlTtlMs: 1500 });
      try {
        const submit = await bflSubmit(
          proxy.url,
          { image: coffee, mask, prompt: "x" },
          viaApiframe,
        );
        expect(submit.status).toBe(200);
        const final = (await bflPollUntilDone(submit.body as SubmitResponse)).at(-1)!;
        expect(final.status).toBe(expected);
        if (expected === "Error") expect(String(final.details?.message)).toMatch(/NSFW/);
        const inputUrl = String(fake.submits[0]?.params.image);
        await new Promise((r) => setTimeout(r, 1600));
        expect((await fetch(inputUrl)).status).toBe(404); // the input link has expired
      } finally {
        await proxy.close();
        await fake.close();
      }
    }
  });

  it("resumes polling an apiframe job after the proxy stops and starts again", async () => {
    const fake = await startFakeApiframe({ apiKey: SECRET, pendingPolls: 1_000_000 });
    const first = await apiframeProxy(fake);
    const port = Number(new URL(first.url).port);
    const dataDir = mkdtempSync(join(tmpdir(), "fillpaint-af-resume-"));
    await first.close();
    // One config for both starts: the second proxy must find the first one's jobs.
    const config = testConfig({
      port,
      dataDir,
      apiframe: {
        apiKey: SECRET,
        baseUrl: fake.apiBase,
        extraAllowedHosts: [fake.cdnHost],
        publicBaseUrl: `http://127.0.0.1:${port}`,
      },
    });
    let proxy = await startProxy(config);
    try {
      const mask = await rectMaskBase64(600, 400, { x: 1, y: 1, w: 5, h: 5 });
      const submit = await bflSubmit(proxy.url, { image: coffee, mask, prompt: "x" }, viaApiframe);
      expect(submit.status).toBe(200);
      while (fake.requests.filter((r) => r.path.startsWith("/v2/jobs/")).length < 1) {
        await new Promise((r) => setTimeout(r, 100));
      }
      await proxy.close();
      fake.options.pendingPolls = 0;
      proxy = await startProxy(config);
      const final = (await bflPollUntilDone(submit.body as SubmitResponse)).at(-1)!;
      expect(final.status).toBe("Ready");
      expect((await fetch(final.result!.sample)).status).toBe(200);
      expect(fake.submits).toHaveLength(1); // resumed by polling, never re-submitted
    } finally {
      await proxy.close();
      await fake.close();
    }
  });

  it("maps apiframe's 401 to a clear error", async () => {
    const fake = await startFakeApiframe({ apiKey: "another-key" });
    const proxy = await apiframeProxy(fake);
    try {
      const mask = await rectMaskBase64(600, 400, { x: 1, y: 1, w: 5, h: 5 });
      const answer = await bflSubmit(proxy.url, { image: coffee, mask, prompt: "x" }, viaApiframe);
      expect(answer.status).toBe(401);
      expect(String((answer.body as { detail: string }).detail)).toMatch(/API key was refused/);
      expect(JSON.stringify(answer.body)).not.toContain(SECRET);
    } finally {
      await proxy.close();
      await fake.close();
    }
  });
});
