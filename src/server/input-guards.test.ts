import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SubmitResponse, ValidationError } from "../contract";
import { probeBase64Image } from "./images/probe-image";
import { type RunningProxy, startProxy } from "./proxy";
import { bflPollUntilDone, bflSubmit } from "./testing/bfl-client";
import { decodeRgb, fixtureBase64, pngBombBase64, rectMaskBase64 } from "./testing/images";
import { testConfig } from "./testing/proxy-config";

const coffee = fixtureBase64("skimage_coffee.png"); // 600×400

function detailOf(body: unknown) {
  return (body as ValidationError).detail;
}

describe("bad input and abuse, over real HTTP", () => {
  let proxy: RunningProxy;
  let mask: string;

  beforeAll(async () => {
    proxy = await startProxy(testConfig({ maxBodyBytes: 4 * 1024 * 1024 }));
    mask = await rectMaskBase64(600, 400, { x: 250, y: 150, w: 60, h: 40 });
  });
  afterAll(() => proxy.close());

  // Timing is left to benchmarks: memory is what shows the bomb was never decoded.
  it("refuses a 30000×30000 PNG from its header, without allocating it", async () => {
    const bomb = pngBombBase64(30_000, 30_000);
    const before = process.memoryUsage().rss;
    const answer = await bflSubmit(proxy.url, { image: bomb, mask });
    expect(answer.status).toBe(422);
    const [first] = detailOf(answer.body);
    expect(first).toMatchObject({ loc: ["body", "image"], type: "value_error.image_size" });
    expect(first?.msg).toMatch(/30000×30000/);
    await expect(probeBase64Image(bomb, "image", 20_000_000)).rejects.toThrow(/30000×30000/);
    // Decoding it would need 900 MB; the proxy's memory barely moves.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it("refuses a mask that marks nothing, and an opaque image sent without a mask", async () => {
    const black = await rectMaskBase64(600, 400, { x: 0, y: 0, w: 0, h: 0 });
    const empty = await bflSubmit(proxy.url, { image: coffee, mask: black });
    expect(empty.status).toBe(422);
    expect(detailOf(empty.body)[0]).toMatchObject({
      loc: ["body", "mask"],
      type: "value_error.mask_empty",
    });
    expect(detailOf(empty.body)[0]?.msg).toMatch(/mask is empty/);
    // an image with an alpha channel but no transparent pixel: nothing to repaint either
    const opaque = (
      await sharp(Buffer.from(coffee, "base64")).ensureAlpha().png().toBuffer()
    ).toString("base64");
    const noMask = await bflSubmit(proxy.url, { image: opaque });
    expect(noMask.status).toBe(422);
    expect(detailOf(noMask.body)[0]?.msg).toMatch(/no transparent pixels/);
    // one white pixel is enough
    const dot = await rectMaskBase64(600, 400, { x: 10, y: 10, w: 1, h: 1 });
    expect((await bflSubmit(proxy.url, { image: coffee, mask: dot })).status).toBe(200);
  });

  it("answers 413 for a body over the limit", async () => {
    const answer = await bflSubmit(proxy.url, { image: "A".repeat(5 * 1024 * 1024), mask });
    expect(answer.status).toBe(413);
    expect(String((answer.body as { detail: string }).detail)).toMatch(/larger than/);
  });

  it("names the field for corrupt base64, non-images, unknown fields and long prompts", async () => {
    const cases: [Record<string, unknown>, (string | number)[], RegExp][] = [
      [{ image: "iVBORw0K$$$!!", mask }, ["body", "image"], /not valid base64/],
      [{ image: coffee, mask: "%%%%" }, ["body", "mask"], /not valid base64/],
      [{ image: coffee.slice(0, 400), mask }, ["body", "image"], /cut off or corrupt/],
      [
        { image: Buffer.from("GIF89a-no").toString("base64"), mask },
        ["body", "image"],
        /readable image|PNG, JPEG or WebP/,
      ],
      [{ image: coffee, mask, colour: "red" }, ["body", "colour"], /unknown field/],
      [{ image: coffee, mask, prompt: "x".repeat(2001) }, ["body", "prompt"], /2000/],
      [{ image: coffee, mask, steps: 51 }, ["body", "steps"], /50/],
    ];
    for (const [body, loc, msg] of cases) {
      const answer = await bflSubmit(proxy.url, body);
      expect(answer.status, JSON.stringify(loc)).toBe(422);
      const [first] = detailOf(answer.body);
      expect(first?.loc).toEqual(loc);
      expect(first?.msg).toMatch(msg);
    }
  });

  it("refuses a mask of another size unless the client asks for a resize", async () => {
    const half = await rectMaskBase64(300, 200, { x: 125, y: 75, w: 30, h: 20 });
    const refused = await bflSubmit(proxy.url, { image: coffee, mask: half });
    expect(refused.status).toBe(422);
    expect(detailOf(refused.body)[0]?.msg).toMatch(/300×200 but image is 600×400/);

    const resized = await bflSubmit(
      proxy.url,
      { image: coffee, mask: half, output_format: "png" },
      { "x-fillpaint-resize-mask": "1" },
    );
    expect(resized.status).toBe(200);
    const final = (await bflPollUntilDone(resized.body as SubmitResponse)).at(-1)!;
    expect(final.status).toBe("Ready");
    const result = await decodeRgb(
      Buffer.from(await (await fetch(final.result!.sample)).arrayBuffer()),
    );
    const original = await decodeRgb(Buffer.from(coffee, "base64"));
    // The mask was scaled ×2: pixels inside the scaled hole changed, a pixel outside did not.
    const at = (img: typeof result, x: number, y: number) =>
      [...img.data.subarray((y * 600 + x) * 3, (y * 600 + x) * 3 + 3)].join();
    expect(at(result, 10, 10)).toBe(at(original, 10, 10));
    let changed = 0;
    for (let y = 150; y < 190; y++) {
      for (let x = 250; x < 310; x++) if (at(result, x, y) !== at(original, x, y)) changed++;
    }
    expect(changed).toBeGreaterThan(60 * 40 * 0.5);
  });

  it("outpaints locally: the canvas grows, the original is kept, the new area is filled", async () => {
    const answer = await fetch(`${proxy.url}/v1/flux-pro-1.0-expand`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        image: coffee,
        left: 40,
        right: 20,
        bottom: 30,
        output_format: "png",
      }),
    });
    expect(answer.status).toBe(200);
    const final = (await bflPollUntilDone((await answer.json()) as SubmitResponse)).at(-1)!;
    expect(final.status).toBe("Ready");
    const result = await decodeRgb(
      Buffer.from(await (await fetch(final.result!.sample)).arrayBuffer()),
    );
    expect([result.width, result.height]).toEqual([660, 430]);
    const original = await decodeRgb(Buffer.from(coffee, "base64"));
    for (const [x, y] of [
      [0, 0],
      [599, 399],
      [300, 200],
    ] as const) {
      const a = (y * 660 + x + 40) * 3;
      const b = (y * 600 + x) * 3;
      expect([...result.data.subarray(a, a + 3)]).toEqual([...original.data.subarray(b, b + 3)]);
    }
    // The new border is filled from the image, not left black.
    const corner = (429 * 660 + 0) * 3;
    expect(
      result.data[corner]! + result.data[corner + 1]! + result.data[corner + 2]!,
    ).toBeGreaterThan(30);
  });

  it("refuses an expand past the pixel limit or with nothing to add", async () => {
    const big = await fetch(`${proxy.url}/v1/flux-pro-1.0-expand`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ image: coffee, left: 2048, right: 2048, top: 2048, bottom: 2048 }),
    });
    expect(big.status).toBe(422);
    expect(detailOf(await big.json())[0]?.msg).toMatch(/over the 20 MP limit/);
    const nothing = await fetch(`${proxy.url}/v1/flux-pro-1.0-expand`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ image: coffee }),
    });
    expect(nothing.status).toBe(422);
    const tooFar = await fetch(`${proxy.url}/v1/flux-pro-1.0-expand`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ image: coffee, top: 2049 }),
    });
    expect(detailOf(await tooFar.json())[0]?.loc).toEqual(["body", "top"]);
  });

  it("serves only stored results and live inputs: no path traversal", async () => {
    for (const path of [
      "/v1/results/..%2Fjobs.sqlite",
      "/v1/results/%2e%2e%2fjobs.sqlite",
      "/v1/results/jobs.sqlite",
      "/v1/inputs/..%2F..%2Fjobs.sqlite",
      "/v1/inputs/9999999999999-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.png",
    ]) {
      const answer = await fetch(`${proxy.url}${path}`);
      expect(answer.status, path).toBe(404);
      expect(answer.headers.get("content-type")).toMatch(/json/);
    }
  });

  it("sends security headers and a request id, and no CORS headers by default", async () => {
    const answer = await fetch(`${proxy.url}/api/config`, {
      headers: { origin: "https://evil.example" },
    });
    const csp = answer.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/img-src 'self' blob: data:/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/default-src 'self'/);
    expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
    expect(answer.headers.get("x-frame-options")).toBe("DENY");
    expect(answer.headers.get("x-request-id")).toMatch(/.{8,}/);
    expect(answer.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await fetch(`${proxy.url}/v1/flux-pro-1.0-fill`, {
      method: "OPTIONS",
      headers: {
        origin: "https://evil.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("CORS when configured", () => {
  it("allows the configured origins only", async () => {
    const proxy = await startProxy(testConfig({ corsOrigins: ["https://app.example"] }));
    try {
      const preflight = (origin: string) =>
        fetch(`${proxy.url}/v1/flux-pro-1.0-fill`, {
          method: "OPTIONS",
          headers: {
            origin,
            "access-control-request-method": "POST",
            "access-control-request-headers": "content-type,x-fillpaint-provider",
          },
        });
      const allowed = await preflight("https://app.example");
      expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example");
      expect(allowed.headers.get("access-control-allow-headers")).toMatch(/x-fillpaint-provider/);
      const other = await preflight("https://evil.example");
      expect(other.headers.get("access-control-allow-origin")).not.toBe("https://evil.example");
    } finally {
      await proxy.close();
    }
  });
});
