import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeRgb } from "../testing/images";
import { FillCancelledError, inpaintExemplar } from "./exemplar-fill";
import { chooseFillMode, fillTask } from "./fill-engine";
import { maskFromAlpha } from "./fill-mask";
import { sharpnessRatio } from "./fill-quality";
import { mulberry32 } from "./prng";
import { inpaintTelea } from "./telea";

/** A periodic, two-frequency texture with a little noise (deterministic). */
function periodicTexture(width: number, height: number): Uint8Array {
  const pixels = new Uint8Array(width * height * 3);
  let noise = 12345;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      noise = (noise * 1103515245 + 12345) >>> 0;
      const stripes = (x + 2 * y) % 12 < 6 ? 60 : 190;
      const dots = x % 8 < 3 && y % 8 < 3 ? 40 : 0;
      const v = stripes + dots + ((noise >>> 16) % 9) - 4;
      pixels.set([v, 255 - v, (v * 3) % 256], (y * width + x) * 3);
    }
  }
  return pixels;
}

function discMask(width: number, height: number, cx: number, cy: number, r: number): Uint8Array {
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) mask[y * width + x] = 1;
    }
  }
  return mask;
}

/** Pearson correlation of the first channel between a and b over masked pixels. */
function correlationInMask(a: Uint8Array, b: Uint8Array, mask: Uint8Array): number {
  let n = 0;
  let sa = 0;
  let sb = 0;
  let saa = 0;
  let sbb = 0;
  let sab = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const va = a[i * 3]!;
    const vb = b[i * 3]!;
    n++;
    sa += va;
    sb += vb;
    saa += va * va;
    sbb += vb * vb;
    sab += va * vb;
  }
  const cov = sab / n - (sa / n) * (sb / n);
  return cov / Math.sqrt((saa / n - (sa / n) ** 2) * (sbb / n - (sb / n) ** 2) + 1e-9);
}

function unmaskedEqual(a: Uint8Array, b: Uint8Array, mask: Uint8Array, channels: number) {
  for (let i = 0; i < mask.length; i++) {
    if (mask[i]) continue;
    for (let c = 0; c < channels; c++) {
      if (a[i * channels + c] !== b[i * channels + c]) return false;
    }
  }
  return true;
}

async function chelsea() {
  const { data, width, height } = await decodeRgb(
    readFileSync(new URL("../../../e2e/fixtures/skimage_chelsea.png", import.meta.url)),
  );
  return { pixels: new Uint8Array(data), width, height };
}

describe("exemplar fill", () => {
  it("fills a hole in a periodic texture with that texture, far better than Telea", () => {
    const [w, h] = [96, 96];
    const truth = periodicTexture(w, h);
    const mask = discMask(w, h, 48, 48, 16);
    const input = truth.slice();
    for (let i = 0; i < mask.length; i++) if (mask[i]) input.fill(0, i * 3, i * 3 + 3);
    const engine = inpaintExemplar(input, w, h, 3, mask, { seed: 1 });
    const telea = inpaintTelea(input, w, h, 3, mask);
    const engineCorr = correlationInMask(engine, truth, mask);
    const teleaCorr = correlationInMask(telea, truth, mask);
    expect(engineCorr).toBeGreaterThan(0.8);
    expect(engineCorr).toBeGreaterThan(teleaCorr + 0.3);
    expect(unmaskedEqual(engine, input, mask, 3)).toBe(true);
  });

  it("keeps every unmasked pixel of a real odd-sized photo bit-identical and fills with texture", async () => {
    const { pixels, width, height } = await chelsea();
    expect(width % 2).toBe(1);
    const mask = discMask(width, height, 140, 215, 35);
    const out = inpaintExemplar(pixels, width, height, 3, mask, { seed: 3 });
    expect(out.length).toBe(pixels.length);
    expect(unmaskedEqual(out, pixels, mask, 3)).toBe(true);
    let changed = 0;
    for (let i = 0; i < mask.length; i++) if (mask[i] && out[i * 3] !== pixels[i * 3]) changed++;
    expect(changed).toBeGreaterThan(0);
    const telea = inpaintTelea(pixels, width, height, 3, mask);
    const engineSharpness = sharpnessRatio(out, width, height, 3, mask);
    expect(engineSharpness).toBeGreaterThan(0.35);
    expect(engineSharpness).toBeGreaterThan(1.6 * sharpnessRatio(telea, width, height, 3, mask));
  });

  it("fills a hole in a textured area with texture, not with a flat area of the same colour", () => {
    // Sunlit grass beside the same grass out of focus, reduced to its essence: 2-pixel speckle
    // beside flat grey of the same mean. From the coarsest level up both are one grey, and the
    // fine levels only refine the coarse layout, so without the layout guide's contrast channel
    // the fill comes out flat (sharpness 0.01 when this test was written).
    const [w, h] = [400, 300];
    const random = mulberry32(7);
    const grains = new Uint8Array(200 * 150).map(() => (random() < 0.5 ? 70 : 186));
    const truth = new Uint8Array(w * h * 3);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const v = x < 250 ? grains[(y >> 1) * 200 + (x >> 1)]! : 128;
        truth.fill(v, (y * w + x) * 3, (y * w + x) * 3 + 3);
      }
    }
    const mask = discMask(w, h, 150, 150, 80);
    const input = truth.slice();
    for (let i = 0; i < mask.length; i++) if (mask[i]) input.fill(0, i * 3, i * 3 + 3);
    for (const seed of [0, 1]) {
      const out = inpaintExemplar(input, w, h, 3, mask, { seed });
      expect(sharpnessRatio(out, w, h, 3, mask)).toBeGreaterThan(0.7);
    }
  });

  it("is deterministic for a seed", () => {
    const [w, h] = [64, 48];
    const truth = periodicTexture(w, h);
    const mask = discMask(w, h, 30, 24, 10);
    const a = inpaintExemplar(truth, w, h, 3, mask, { seed: 42 });
    const b = inpaintExemplar(truth, w, h, 3, mask, { seed: 42 });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("returns the input unchanged for an empty mask", () => {
    const pixels = periodicTexture(20, 10);
    const out = inpaintExemplar(pixels, 20, 10, 3, new Uint8Array(200));
    expect(Buffer.from(out).equals(Buffer.from(pixels))).toBe(true);
    expect(out).not.toBe(pixels);
  });

  it("refuses a mask that covers the whole image, with a clear message", () => {
    const task = {
      pixels: new Uint8Array(8 * 8 * 3),
      width: 8,
      height: 8,
      channels: 3 as const,
      mask: new Uint8Array(64).fill(1),
    };
    expect(() => fillTask(task)).toThrow(/covers the whole image/);
  });

  it("fills an RGBA image whose transparent pixels are the mask, making them opaque", () => {
    const [w, h] = [48, 40];
    const rgb = periodicTexture(w, h);
    const rgba = new Uint8Array(w * h * 4);
    const hole = discMask(w, h, 24, 20, 9);
    for (let i = 0; i < w * h; i++) {
      rgba.set(rgb.subarray(i * 3, i * 3 + 3), i * 4);
      rgba[i * 4 + 3] = hole[i] ? 0 : i % 2 ? 255 : 255;
    }
    const mask = maskFromAlpha(rgba);
    const out = fillTask({
      pixels: rgba,
      width: w,
      height: h,
      channels: 4,
      mask,
      mode: "exemplar",
    });
    expect(unmaskedEqual(out, rgba, mask, 4)).toBe(true);
    for (let i = 0; i < mask.length; i++) if (mask[i]) expect(out[i * 4 + 3]).toBe(255);
  });

  it("handles grey images, odd sizes and images smaller than a patch", () => {
    const grey = new Uint8Array(33 * 17).map((_, i) => (i * 37) % 256);
    const mask = discMask(33, 17, 16, 8, 4);
    const out = inpaintExemplar(grey, 33, 17, 1, mask, { seed: 5 });
    expect(unmaskedEqual(out, grey, mask, 1)).toBe(true);
    const tiny = new Uint8Array(5 * 3 * 3).fill(90);
    const tinyMask = new Uint8Array(15);
    tinyMask[7] = 1;
    expect([...inpaintExemplar(tiny, 5, 3, 3, tinyMask)]).toEqual([...tiny]);
  });

  it("stops with FillCancelledError when asked to", () => {
    const pixels = periodicTexture(64, 64);
    const mask = discMask(64, 64, 32, 32, 12);
    expect(() => inpaintExemplar(pixels, 64, 64, 3, mask, { isCancelled: () => true })).toThrow(
      FillCancelledError,
    );
  });

  it("reports progress that rises to 1", () => {
    const pixels = periodicTexture(80, 80);
    const progress: number[] = [];
    inpaintExemplar(pixels, 80, 80, 3, discMask(80, 80, 40, 40, 14), {
      onProgress: (f) => progress.push(f),
    });
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });
});

describe("fill mode", () => {
  const base = {
    pixels: new Uint8Array(100 * 60 * 3),
    width: 100,
    height: 60,
    channels: 3 as const,
  };

  it("uses Telea for thin scratches and the exemplar fill for blobs", () => {
    const scratch = new Uint8Array(100 * 60);
    for (let x = 10; x < 90; x++) scratch[30 * 100 + x] = scratch[31 * 100 + x] = 1;
    expect(chooseFillMode({ ...base, mask: scratch })).toBe("telea");
    expect(chooseFillMode({ ...base, mask: discMask(100, 60, 50, 30, 15) })).toBe("exemplar");
  });

  it("measures the depth of a hole too narrow for a square but deep along its diagonals", () => {
    // |dx| + |dy| ≤ 7 holds no 9×9 square, yet its centre is 5⅓ px (chamfer) from the nearest
    // kept pixel, diagonally
    const diamond = new Uint8Array(100 * 60);
    for (let dy = -7; dy <= 7; dy++) {
      for (let dx = Math.abs(dy) - 7; dx <= 7 - Math.abs(dy); dx++)
        diamond[(30 + dy) * 100 + 50 + dx] = 1;
    }
    expect(chooseFillMode({ ...base, mask: diamond })).toBe("exemplar");
    const narrow = diamond.map((v, i) =>
      Math.abs((i % 100) - 50) + Math.abs(Math.floor(i / 100) - 30) <= 5 ? v : 0,
    );
    expect(chooseFillMode({ ...base, mask: narrow })).toBe("telea");
  });

  it("lets the task force a mode", () => {
    expect(chooseFillMode({ ...base, mask: discMask(100, 60, 50, 30, 15), mode: "telea" })).toBe(
      "telea",
    );
  });
});
