import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ConfigResponse,
  cancelJobPath,
  ERASE_ROUTE,
  OUTPAINT_ROUTE,
  PROVIDER_HEADER,
  type SubmitResponse,
  type ValidationError,
} from "../contract";
import { dilateMask } from "./providers/job-geometry";
import { type RunningProxy, startProxy } from "./proxy";
import { bflRunToEnd, bflSubmit } from "./testing/bfl-client";
import { type FakeBfl, type FakeBflOptions, startFakeBfl } from "./testing/fake-bfl";
import {
  changedPixels,
  decodeRgb,
  fixtureBase64,
  rectMask,
  rectMaskBase64,
} from "./testing/images";
import { testConfig } from "./testing/proxy-config";

const coffee = fixtureBase64("skimage_coffee.png"); // 600×400
const KEY = "sk-tools-secret-31d0";
const hole = { x: 250, y: 150, w: 40, h: 30 };
/** Local fills run on worker threads that share the machine: give them room. */
const ENGINE_MS = 120_000;
const local = { [PROVIDER_HEADER]: "local" };

async function download(sample: string) {
  return decodeRgb(Buffer.from(await (await fetch(sample)).arrayBuffer()));
}

function runToEnd(
  proxy: RunningProxy,
  path: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  return bflRunToEnd(proxy.url, path, body, headers);
}

describe("BFL's tools on the local engine", () => {
  let proxy: RunningProxy;
  beforeAll(async () => {
    proxy = await startProxy(testConfig());
  });
  afterAll(() => proxy.close());

  it(
    "erases the dilated mask and keeps every other pixel",
    async () => {
      const mask = await rectMaskBase64(600, 400, hole);
      const final = await runToEnd(proxy, ERASE_ROUTE, {
        image: coffee,
        mask,
        dilate_pixels: 8,
        output_format: "png",
      });
      expect(final.status).toBe("Ready");
      expect(final.result?.prompt).toBe("");
      expect(final.result?.sample).toMatch(/\.png$/);
      const result = await download(final.result!.sample);
      const original = await decodeRgb(Buffer.from(coffee, "base64"));
      expect([result.width, result.height]).toEqual([600, 400]);
      const painted = rectMask(600, 400, hole);
      const grown = dilateMask(painted, { width: 600, height: 400 }, 8);
      const changed = changedPixels(result.data, original.data, grown);
      expect(changed.outside).toBe(0);
      // The ring the dilation added is filled too, not only the painted rectangle.
      const ring = grown.map((v, i) => v - painted[i]!);
      const ringOnly = changedPixels(result.data, original.data, ring);
      expect(ringOnly.inside).toBeGreaterThan(100);
      expect(changed.inside).toBeGreaterThan(hole.w * hole.h * 0.5);
    },
    ENGINE_MS,
  );

  it(
    "outpaints: the image at its offset on the canvas, untouched, the rest filled",
    async () => {
      const final = await runToEnd(proxy, OUTPAINT_ROUTE, {
        input_image: coffee,
        width: 800,
        height: 448,
        reference_offset_x: 200,
        reference_offset_y: 24,
        output_format: "webp",
      });
      expect(final.status).toBe("Ready");
      expect(final.result?.sample).toMatch(/\.webp$/);
      const result = await download(final.result!.sample);
      const original = await decodeRgb(Buffer.from(coffee, "base64"));
      expect([result.width, result.height]).toEqual([800, 448]);
      let kept = 0;
      for (let y = 0; y < 400; y++) {
        for (let x = 0; x < 600; x++) {
          const a = ((y + 24) * 800 + x + 200) * 3;
          const b = (y * 600 + x) * 3;
          if (result.data.subarray(a, a + 3).every((v, c) => v === original.data[b + c])) kept += 1;
        }
      }
      expect(kept).toBe(600 * 400);
    },
    ENGINE_MS,
  );

  it("answers bad tool requests with BFL's 422 shape naming the field", async () => {
    const mask = await rectMaskBase64(600, 400, hole);
    const cases: [string, Record<string, unknown>, (string | number)[]][] = [
      [ERASE_ROUTE, { image: coffee }, ["body", "mask"]],
      [ERASE_ROUTE, { image: coffee, mask, dilate_pixels: 26 }, ["body", "dilate_pixels"]],
      [ERASE_ROUTE, { image: coffee, mask, prompt: "a cat" }, ["body", "prompt"]],
      [ERASE_ROUTE, { image: coffee, mask, safety_tolerance: 6 }, ["body", "safety_tolerance"]],
      [OUTPAINT_ROUTE, { input_image: coffee, width: 63, height: 400 }, ["body", "width"]],
      [
        OUTPAINT_ROUTE,
        { input_image: coffee, width: 700, height: 400, reference_offset_x: -10 },
        ["body", "reference_offset_x"],
      ],
      [OUTPAINT_ROUTE, { image: coffee, width: 700, height: 400 }, ["body", "input_image"]],
      [OUTPAINT_ROUTE, { input_image: "%%%", width: 700, height: 400 }, ["body", "input_image"]],
    ];
    for (const [path, body, loc] of cases) {
      const answer = await bflSubmit(proxy.url, body, {}, path);
      expect(answer.status, `${path} ${JSON.stringify(loc)}`).toBe(422);
      const { detail } = answer.body as ValidationError;
      expect(detail.map((d) => d.loc)).toContainEqual(loc);
    }
  });

  it("says in /api/config which tasks each provider does, and which natively", async () => {
    const config = (await (await fetch(`${proxy.url}/api/config`)).json()) as ConfigResponse;
    expect(config.providers[0]).toMatchObject({
      id: "local",
      tasks: ["erase", "fill", "outpaint"],
      nativeTasks: ["erase", "fill", "outpaint"],
      maxOutpaintPixels: 20_000_000,
      supportsExpand: true,
    });
  });
});

describe("BFL's tools forwarded to a fake BFL", () => {
  async function withBfl(
    options: Omit<FakeBflOptions, "apiKey">,
    check: (proxy: RunningProxy, fake: FakeBfl) => Promise<void>,
  ) {
    const fake = await startFakeBfl({ apiKey: KEY, pendingPolls: 1, ...options });
    const proxy = await startProxy(
      testConfig({ bfl: { apiKey: KEY, baseUrl: fake.apiBase, extraAllowedHosts: fake.hosts } }),
    );
    try {
      await check(proxy, fake);
    } finally {
      await proxy.close();
      await fake.close();
    }
  }

  it("forwards erase and outpainting with BFL's fields, no prompt for erase", async () => {
    await withBfl({}, async (proxy, fake) => {
      const mask = await rectMaskBase64(600, 400, hole);
      const erased = await runToEnd(proxy, ERASE_ROUTE, { image: coffee, mask, seed: 5 });
      expect(erased.status).toBe("Ready");
      expect(erased.result?.seed).toBe(42);
      const extended = await runToEnd(proxy, OUTPAINT_ROUTE, {
        input_image: coffee,
        width: 1024,
        height: 512,
        prompt: "more table",
        mode: "fast",
      });
      expect(extended.status).toBe("Ready");
      expect(fake.submits[0]).toEqual({
        path: "/v1/flux-tools/erase-v1",
        hasMask: true,
        hasImage: true,
        dilate_pixels: 10,
        output_format: "png",
        safety_tolerance: 2,
        seed: 5,
      });
      expect(fake.submits[1]).toEqual({
        path: "/v1/flux-tools/outpainting-v1",
        hasMask: false,
        hasImage: true,
        width: 1024,
        height: 512,
        auto_crop: false,
        output_format: "png",
        safety_tolerance: 2,
        prompt: "more table",
        mode: "fast",
      });
      const image = await download(extended.result!.sample);
      expect([image.width, image.height]).toEqual([1024, 512]);
      const keys = fake.requests.filter((r) => r.path.startsWith("/v1/")).map((r) => r.key);
      expect(keys.every((k) => k === KEY)).toBe(true);
    });
  });

  it("refuses an outpainting canvas over BFL's 4 MP before sending anything", async () => {
    await withBfl({}, async (proxy, fake) => {
      const body = { input_image: coffee, width: 2049, height: 2048 };
      const answer = await bflSubmit(proxy.url, body, {}, OUTPAINT_ROUTE);
      expect(answer.status).toBe(422);
      expect(JSON.stringify(answer.body)).toMatch(/at most 4\.2 MP/);
      expect(fake.submits).toHaveLength(0);
      const config = (await (await fetch(`${proxy.url}/api/config`)).json()) as ConfigResponse;
      expect(config.providers.find((p) => p.id === "bfl")).toMatchObject({
        nativeTasks: ["erase", "fill", "outpaint"],
        maxOutpaintPixels: 4 * 1024 * 1024,
      });
      // The local engine is not bound by BFL's limit.
      const locally = await bflSubmit(proxy.url, body, local, OUTPAINT_ROUTE);
      expect(locally.status).toBe(200);
      await fetch(`${proxy.url}${cancelJobPath((locally.body as SubmitResponse).id)}`, {
        method: "DELETE",
      });
    });
  });

  it("reads get_result answers that leave out details, preview and progress", async () => {
    await withBfl({ leanAnswers: true, pendingPolls: 2 }, async (proxy) => {
      const mask = await rectMaskBase64(600, 400, hole);
      const fill = await runToEnd(proxy, "/v1/flux-pro-1.0-fill", { image: coffee, mask });
      expect(fill.status).toBe("Ready");
      const erase = await runToEnd(proxy, ERASE_ROUTE, { image: coffee, mask });
      expect(erase.status).toBe("Ready");
      // The proxy's own answers keep every field.
      expect(Object.keys(erase).sort()).toEqual(
        ["details", "id", "preview", "progress", "result", "status"].sort(),
      );
    });
  });

  it("passes 402 and 429 on, and reports moderation and unknown statuses as failures", async () => {
    const mask = await rectMaskBase64(600, 400, hole);
    const erase = { image: coffee, mask };
    await withBfl({ submitStatus: 402 }, async (proxy) => {
      const answer = await bflSubmit(proxy.url, erase, {}, ERASE_ROUTE);
      expect(answer.status).toBe(402);
      expect(JSON.stringify(answer.body)).toMatch(/no credits/);
    });
    await withBfl({ submitStatus: 429, retryAfter: "9" }, async (proxy, fake) => {
      const answer = await bflSubmit(
        proxy.url,
        { input_image: coffee, width: 640, height: 448 },
        {},
        OUTPAINT_ROUTE,
      );
      expect(answer.status).toBe(429);
      expect(answer.headers.get("retry-after")).toBe("9");
      expect(fake.submits).toHaveLength(1);
    });
    for (const [finalStatus, message] of [
      ["Request Moderated", /moderation/],
      ["Content Moderated", /moderation/],
      ["Queued Forever", /reported Queued Forever/],
    ] as const) {
      await withBfl({ finalStatus, leanAnswers: true }, async (proxy) => {
        const final = await runToEnd(proxy, ERASE_ROUTE, erase);
        expect(final.status).toBe(finalStatus);
        expect(String(final.details?.message)).toMatch(message);
      });
    }
  });

  it("cancels a pending tool job like any other", async () => {
    await withBfl({ pendingPolls: 1_000_000 }, async (proxy) => {
      const mask = await rectMaskBase64(600, 400, hole);
      const submit = await bflSubmit(proxy.url, { image: coffee, mask }, {}, ERASE_ROUTE);
      const { id, polling_url } = submit.body as SubmitResponse;
      const cancelled = await fetch(`${proxy.url}${cancelJobPath(id)}`, { method: "DELETE" });
      expect(cancelled.status).toBe(200);
      expect((await (await fetch(polling_url)).json()).status).toBe("Cancelled");
    });
  });
});
