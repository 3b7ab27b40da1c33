import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import {
  COMPOSITE_HEADER,
  ERASE_ROUTE,
  FILL_ROUTE,
  OUTPAINT_ROUTE,
  PROVIDER_HEADER,
  type SubmitResponse,
} from "../contract";
import type { ProxyConfig } from "./config";
import { dilateMask } from "./providers/job-geometry";
import { type RunningProxy, startProxy } from "./proxy";
import { bflPollUntilDone, bflRunToEnd, bflSubmit } from "./testing/bfl-client";
import { type FakeBfl, startFakeBfl } from "./testing/fake-bfl";
import {
  adobeRgbJpeg,
  changedPixels,
  decodeRgb,
  fixtureBase64,
  rectMask,
  rectMaskBase64,
} from "./testing/images";
import { testConfig } from "./testing/proxy-config";

const KEY = "sk-composite-secret-8e12";
const coffee = fixtureBase64("skimage_coffee.png"); // 600×400
const hole = { x: 240, y: 140, w: 60, h: 50 };
const composite = { [COMPOSITE_HEADER]: "1" };

/** A fake BFL that re-renders every pixel 3 levels darker and rounds sizes to 32. */
let fake: FakeBfl;
const proxies: RunningProxy[] = [];
afterAll(async () => {
  await Promise.all(proxies.map((proxy) => proxy.close()));
  await fake?.close();
});

async function proxyOnFake(overrides: Partial<ProxyConfig> = {}): Promise<RunningProxy> {
  fake ??= await startFakeBfl({ apiKey: KEY, pendingPolls: 1, drift: 3, roundTo32: true });
  const proxy = await startProxy(
    testConfig({
      bfl: { apiKey: KEY, baseUrl: fake.apiBase, extraAllowedHosts: fake.hosts },
      ...overrides,
    }),
  );
  proxies.push(proxy);
  return proxy;
}

async function run(
  proxy: RunningProxy,
  path: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Buffer> {
  const final = await bflRunToEnd(proxy.url, path, body, headers);
  expect(final.status, JSON.stringify(final.details)).toBe("Ready");
  return Buffer.from(await (await fetch(final.result!.sample)).arrayBuffer());
}

/** Pixels outside `mask` (0/1) that differ between two RGB rasters of the same size. */
function changedOutside(a: Uint8Array, b: Uint8Array, mask: Uint8Array): number {
  return changedPixels(a, b, mask).outside;
}

describe("compositing (x-fillpaint-composite: 1)", () => {
  it("keeps every pixel outside the mask although the provider drifted them and resized", async () => {
    const proxy = await proxyOnFake();
    const body = {
      image: coffee,
      mask: await rectMaskBase64(600, 400, hole),
      output_format: "png",
    };
    const original = await decodeRgb(Buffer.from(coffee, "base64"));
    const mask = rectMask(600, 400, hole);

    const raw = await decodeRgb(await run(proxy, FILL_ROUTE, body));
    expect([raw.width, raw.height]).toEqual([608, 416]); // what BFL sent, untouched

    const kept = await decodeRgb(await run(proxy, FILL_ROUTE, body, composite));
    expect([kept.width, kept.height]).toEqual([600, 400]);
    expect(changedOutside(kept.data, original.data, mask)).toBe(0);
    // Deep inside the mask: the provider's colour, with its drift corrected (#3366cc - 3 + ~3).
    const centre = ((hole.y + 25) * 600 + hole.x + 30) * 3;
    const [r, g, b] = kept.data.subarray(centre, centre + 3);
    expect(Math.abs(r! - 0x33)).toBeLessThanOrEqual(2);
    expect(Math.abs(g! - 0x66)).toBeLessThanOrEqual(2);
    expect(Math.abs(b! - 0xcc)).toBeLessThanOrEqual(2);
  }, 120_000);

  it("erase: exact outside the dilated mask", async () => {
    const proxy = await proxyOnFake();
    const body = {
      image: coffee,
      mask: await rectMaskBase64(600, 400, hole),
      dilate_pixels: 12,
      output_format: "png",
    };
    const result = await decodeRgb(await run(proxy, ERASE_ROUTE, body, composite));
    const original = await decodeRgb(Buffer.from(coffee, "base64"));
    const grown = dilateMask(rectMask(600, 400, hole), { width: 600, height: 400 }, 12);
    expect([result.width, result.height]).toEqual([600, 400]);
    expect(changedOutside(result.data, original.data, grown)).toBe(0);
    // The ring dilation added was repainted: the provider may change it.
    const ring = ((hole.y + 20) * 600 + hole.x - 8) * 3;
    expect(result.data[ring + 2]).toBeGreaterThan(original.data[ring + 2]! + 40);
  }, 120_000);

  it("outpainting: the placed image is exact on a canvas of the requested size", async () => {
    const proxy = await proxyOnFake();
    const body = { input_image: coffee, width: 700, height: 450, output_format: "png" };
    const result = await decodeRgb(await run(proxy, OUTPAINT_ROUTE, body, composite));
    expect([result.width, result.height]).toEqual([700, 450]);
    const original = await decodeRgb(Buffer.from(coffee, "base64"));
    let differing = 0;
    for (let y = 0; y < 400; y++) {
      for (let x = 0; x < 600; x++) {
        const a = ((y + 25) * 700 + x + 50) * 3; // centred: (700-600)/2, (450-400)/2
        const b = (y * 600 + x) * 3;
        if (![0, 1, 2].every((c) => result.data[a + c] === original.data[b + c])) differing += 1;
      }
    }
    expect(differing).toBe(0);
  }, 120_000);

  it("is still applied to a job resumed after a restart", async () => {
    const first = await proxyOnFake();
    fake.options.pendingPolls = 1_000_000;
    // The second proxy must find the first one's storage: same data directory (and database).
    const { dataDir, database } = testConfig();
    await first.close();
    proxies.splice(proxies.indexOf(first), 1);
    const before = await proxyOnFake({ dataDir, database });
    const submit = await bflSubmit(
      before.url,
      { image: coffee, mask: await rectMaskBase64(600, 400, hole), output_format: "png" },
      composite,
      FILL_ROUTE,
    );
    const submitted = submit.body as SubmitResponse;
    const port = Number(new URL(before.url).port);
    await before.close();
    proxies.splice(proxies.indexOf(before), 1);
    fake.options.pendingPolls = 0;
    const after = await proxyOnFake({ dataDir, database, port });
    expect(after.url).toBe(before.url);
    const final = (await bflPollUntilDone(submitted)).at(-1)!;
    expect(final.status).toBe("Ready");
    const result = await decodeRgb(
      Buffer.from(await (await fetch(final.result!.sample)).arrayBuffer()),
    );
    const original = await decodeRgb(Buffer.from(coffee, "base64"));
    expect([result.width, result.height]).toEqual([600, 400]);
    expect(changedOutside(result.data, original.data, rectMask(600, 400, hole))).toBe(0);
  }, 120_000);
});

describe("colour profiles through the API", () => {
  /** The file's own decoded values, upright: what a colour-managed viewer starts from. */
  const ownValues = (bytes: Buffer) =>
    sharp(bytes).autoOrient().keepIccProfile().removeAlpha().raw().toBuffer();

  /** Upright 200×300, the source's profile, and its own values everywhere outside `rect`. */
  async function expectSourceKept(
    result: Buffer,
    source: { bytes: Buffer; icc: Buffer },
    rect: { x: number; y: number; w: number; h: number },
  ) {
    const meta = await sharp(result).metadata();
    expect([meta.width, meta.height]).toEqual([200, 300]);
    expect(meta.icc?.equals(source.icc)).toBe(true);
    const mask = rectMask(200, 300, rect);
    expect(changedOutside(await ownValues(result), await ownValues(source.bytes), mask)).toBe(0);
  }

  it("bfl: sends sRGB upright, composites back into the Adobe RGB values and profile", async () => {
    const proxy = await proxyOnFake();
    fake.options.pendingPolls = 1;
    const source = await adobeRgbJpeg(300, 200, { orientation: 6 }); // shows as 200×300
    const rect = { x: 60, y: 100, w: 50, h: 60 };
    const sent = fake.inputs.length;
    const result = await run(
      proxy,
      FILL_ROUTE,
      {
        image: source.bytes.toString("base64"),
        mask: await rectMaskBase64(200, 300, rect),
        output_format: "png",
      },
      composite,
    );
    expect(fake.inputs[sent]).toEqual({ width: 200, height: 300, orientation: 1, hasIcc: false });
    await expectSourceKept(result, source, rect);
  }, 120_000);

  it("local: works on the file's own values and keeps its profile, with or without compositing", async () => {
    const proxy = await proxyOnFake();
    const source = await adobeRgbJpeg(300, 200, { orientation: 6 });
    const rect = { x: 80, y: 120, w: 30, h: 30 };
    const body = {
      image: source.bytes.toString("base64"),
      mask: await rectMaskBase64(200, 300, rect),
      output_format: "png",
    };
    for (const headers of [{}, composite]) {
      const result = await run(proxy, FILL_ROUTE, body, { ...headers, [PROVIDER_HEADER]: "local" });
      await expectSourceKept(result, source, rect);
    }
  }, 120_000);
});
