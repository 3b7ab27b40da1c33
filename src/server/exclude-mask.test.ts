import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ConfigResponse,
  ERASE_ROUTE,
  EXCLUDE_MASK_FIELD,
  EXPAND_ROUTE,
  OUTPAINT_ROUTE,
  PROVIDER_HEADER,
} from "../contract";
import { type RunningProxy, startProxy } from "./proxy";
import { bflRunToEnd, bflSubmit } from "./testing/bfl-client";
import { startFakeBfl } from "./testing/fake-bfl";
import { decodeRgb, rectMaskBase64 } from "./testing/images";
import { testConfig } from "./testing/proxy-config";

/** Local fills run on worker threads that share the machine: give them room. */
const ENGINE_MS = 120_000;
const WIDTH = 240;
const HEIGHT = 160;

/**
 * Green grass on the left half, magenta on the right, both with noise: an outpaint to the right
 * continues the magenta unless the designer excludes it from sampling.
 */
async function twoHalves(): Promise<string> {
  const rgb = new Uint8Array(WIDTH * HEIGHT * 3);
  let seed = 7;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return (seed % 41) - 20;
  };
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const colour = x < WIDTH / 2 ? [60, 150, 60] : [190, 50, 190];
      rgb.set(
        colour.map((c) => c + noise()),
        (y * WIDTH + x) * 3,
      );
    }
  }
  const png = await sharp(rgb, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .png()
    .toBuffer();
  return png.toString("base64");
}

const isMagenta = (r: number, g: number, b: number) => r > 120 && b > 120 && g < 100;

/** The share of magenta pixels in columns [x0, x1) of the result. */
async function magentaShare(sample: string, x0: number, x1: number): Promise<number> {
  const { data, width, height } = await decodeRgb(
    Buffer.from(await (await fetch(sample)).arrayBuffer()),
  );
  let magenta = 0;
  for (let y = 0; y < height; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * width + x) * 3;
      if (isMagenta(data[i]!, data[i + 1]!, data[i + 2]!)) magenta++;
    }
  }
  return magenta / (height * (x1 - x0));
}

describe("the exclusion from sampling on the local engine", () => {
  let proxy: RunningProxy;
  let image: string;
  let magentaHalf: string;
  beforeAll(async () => {
    proxy = await startProxy(testConfig());
    image = await twoHalves();
    magentaHalf = await rectMaskBase64(WIDTH, HEIGHT, { x: 120, y: 0, w: 120, h: HEIGHT });
  });
  afterAll(() => proxy.close());

  it("is offered by the local engine", async () => {
    const config = (await (await fetch(`${proxy.url}/api/config`)).json()) as ConfigResponse;
    expect(config.providers.find((p) => p.id === "local")?.excludesSources).toBe(true);
  });

  it(
    "keeps an outpaint from copying the excluded half, which it continues otherwise",
    async () => {
      const body = { image, right: 80, seed: 0, output_format: "png" };
      const free = await bflRunToEnd(proxy.url, EXPAND_ROUTE, body);
      expect(await magentaShare(free.result!.sample, WIDTH, WIDTH + 80)).toBeGreaterThan(0.5);

      const excluded = await bflRunToEnd(proxy.url, EXPAND_ROUTE, {
        ...body,
        [EXCLUDE_MASK_FIELD]: magentaHalf,
      });
      expect(excluded.status).toBe("Ready");
      // The new columns, the seam band too: the frame is not faded in from the excluded edge
      // (its first 4 columns were half magenta when it was).
      expect(await magentaShare(excluded.result!.sample, WIDTH, WIDTH + 4)).toBeLessThan(0.05);
      expect(await magentaShare(excluded.result!.sample, WIDTH, WIDTH + 80)).toBeLessThan(0.02);
      // The excluded half itself is kept.
      expect(await magentaShare(excluded.result!.sample, 130, WIDTH)).toBeGreaterThan(0.95);
    },
    ENGINE_MS,
  );

  it(
    "places the exclusion with the image on an outpainting canvas",
    async () => {
      const excluded = await bflRunToEnd(proxy.url, OUTPAINT_ROUTE, {
        input_image: image,
        width: WIDTH + 80,
        height: HEIGHT,
        reference_offset_x: 0,
        reference_offset_y: 0,
        seed: 0,
        [EXCLUDE_MASK_FIELD]: magentaHalf,
      });
      expect(excluded.status).toBe("Ready");
      expect(await magentaShare(excluded.result!.sample, WIDTH + 24, WIDTH + 80)).toBeLessThan(
        0.02,
      );
    },
    ENGINE_MS,
  );

  it("refuses an exclusion of another size, or one that leaves nothing to copy", async () => {
    const mask = await rectMaskBase64(WIDTH, HEIGHT, { x: 100, y: 60, w: 40, h: 40 });
    const small = await rectMaskBase64(WIDTH / 2, HEIGHT / 2, { x: 0, y: 0, w: 10, h: 10 });
    const sized = await bflSubmit(
      proxy.url,
      { image, mask, [EXCLUDE_MASK_FIELD]: small },
      {},
      ERASE_ROUTE,
    );
    expect(sized.status).toBe(422);
    expect(JSON.stringify(sized.body)).toContain(
      `${EXCLUDE_MASK_FIELD} is 120×80 but the image is 240×160`,
    );

    const everything = await rectMaskBase64(WIDTH, HEIGHT, { x: 0, y: 0, w: WIDTH, h: HEIGHT });
    const all = await bflSubmit(
      proxy.url,
      { image, mask, [EXCLUDE_MASK_FIELD]: everything },
      {},
      ERASE_ROUTE,
    );
    expect(all.status).toBe(422);
    expect(JSON.stringify(all.body)).toContain("covers every pixel the fill could copy from");
  });
});

describe("the exclusion from sampling on an upstream", () => {
  it("is refused before anything is sent, rather than dropped", async () => {
    const KEY = "sk-exclude-secret-8c21";
    const fake = await startFakeBfl({ apiKey: KEY, pendingPolls: 1 });
    const proxy = await startProxy(
      testConfig({ bfl: { apiKey: KEY, baseUrl: fake.apiBase, extraAllowedHosts: fake.hosts } }),
    );
    try {
      const image = await twoHalves();
      const mask = await rectMaskBase64(WIDTH, HEIGHT, { x: 100, y: 60, w: 40, h: 40 });
      const answer = await bflSubmit(
        proxy.url,
        { image, mask, [EXCLUDE_MASK_FIELD]: mask },
        { [PROVIDER_HEADER]: "bfl" },
      );
      expect(answer.status).toBe(422);
      expect(JSON.stringify(answer.body)).toContain(
        `only the local engine takes ${EXCLUDE_MASK_FIELD}`,
      );
      expect(fake.submits).toHaveLength(0);
      const config = (await (await fetch(`${proxy.url}/api/config`)).json()) as ConfigResponse;
      expect(config.providers.find((p) => p.id === "bfl")?.excludesSources).toBeFalsy();
    } finally {
      await proxy.close();
      await fake.close();
    }
  });
});
