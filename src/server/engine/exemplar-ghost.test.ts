import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { boxBlur } from "../../box-blur";
import { benchEllipse } from "../testing/bench-photos";
import { decodeRgb } from "../testing/images";
import { inpaintExemplar } from "./exemplar-fill";
import { luma } from "./fill-quality";

/**
 * A real photo's night sky with a white rocket standing through it (bench/photos' rocket), and a
 * rectangle over the rocket's middle: the removal should leave sky, not a pale ghost of the
 * rectangle or stubs of rocket grown in from above and below.
 */
async function rocketMiddle() {
  const { data, width, height } = await decodeRgb(
    readFileSync(new URL("./testdata/rocket-middle.png", import.meta.url)),
  );
  const mask = new Uint8Array(width * height);
  for (let y = 40; y < 130; y++) mask.fill(1, y * width + 30, y * width + 110);
  const input = new Uint8Array(data);
  for (let i = 0; i < mask.length; i++) if (mask[i]) input.fill(0, i * 3, i * 3 + 3);
  return { input, width, height, mask };
}

function meanWhere(values: Float32Array, where: (x: number, y: number) => boolean, width: number) {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if (!where(i % width, Math.floor(i / width))) continue;
    sum += values[i]!;
    n++;
  }
  return sum / n;
}

describe("no ghost of the mask", () => {
  it("fills a rectangle over a rocket's middle with the night sky's shade", async () => {
    const { input, width, height, mask } = await rocketMiddle();
    const out = luma(inpaintExemplar(input, width, height, 3, mask, { seed: 0 }), 3);
    const inHole = (x: number, y: number) => mask[y * width + x] === 1;
    // the rocket (and its lattice) stood in columns 50-90 of the crop
    const column = (x: number, y: number) => inHole(x, y) && x >= 50 && x < 90;
    const beside = (x: number, y: number) => inHole(x, y) && (x < 45 || x >= 95);
    // the sky around the hole: a 10 px ring left and right of it
    const sky = (x: number, y: number) =>
      y >= 40 && y < 130 && ((x >= 20 && x < 30) || (x >= 110 && x < 120));
    const skyLuma = meanWhere(out, sky, width);
    expect(Math.abs(meanWhere(out, inHole, width) - skyLuma)).toBeLessThan(4);
    expect(meanWhere(out, column, width) - meanWhere(out, beside, width)).toBeLessThan(6);
    // no stub of white rocket: hardly any pixel in the column is far brighter than the sky
    let bright = 0;
    let n = 0;
    for (let i = 0; i < out.length; i++) {
      if (!column(i % width, Math.floor(i / width))) continue;
      n++;
      if (out[i]! > skyLuma + 40) bright++;
    }
    expect(bright / n).toBeLessThan(0.05);
  });
});

describe("no ghost of the mask in a graded sky", () => {
  // The benchmark's dusk ellipse: 8% of a lake at dusk, across the sky where it brightens into
  // its pink glow, down to the horizon. The layout clamp held the fill to a membrane of the
  // hole's rim, which is no sky gradient: the glow's band came out 20 grey levels too dark, a
  // dull ghost of the ellipse. Worst band's error, seeds 0 and 1: 20.7 before, 11.3 and 10.8 now.
  it.each([0, 1])("keeps each height of the sky's shade (seed %i)", async (seed) => {
    const { pixels, width, height, mask } = await benchEllipse("kde_summer_1am.jpg", 0.55, 0.08);
    const truth = luma(pixels, 3);
    const out = luma(inpaintExemplar(pixels.slice(), width, height, 3, mask, { seed }), 3);
    // the fill's mean luma against the truth's in bands 16 rows high
    let worst = 0;
    for (let top = 0; top < height; top += 16) {
      let error = 0;
      let n = 0;
      for (let i = top * width; i < Math.min(height, top + 16) * width; i++) {
        if (mask[i] === 0) continue;
        error += out[i]! - truth[i]!;
        n++;
      }
      if (n >= 200) worst = Math.max(worst, Math.abs(error / n));
    }
    expect(worst).toBeLessThan(15);
  });
});

describe("no edges of a handover in a graded sky", () => {
  // The dusk ellipse at 10%, down to the horizon. Where the straight continuation's two ends
  // disagree, each half of the hole carries its own end on; in a smooth sky they disagree a
  // little, and the halves met at a step that stood as a pale rectangle with sharp corners.
  // The sky's shade changes with height only: a sideways step (over 1.5 grey levels a pixel,
  // after a 3×3 blur) is an edge the photo does not have there. Mean share of the sky's fill
  // over seeds 0–2: 0.68% with the step, 0.27% with the ramp.
  it("leaves no sideways steps in the sky's fill", async () => {
    const { pixels, width, height, mask } = await benchEllipse("kde_summer_1am.jpg", 0.55, 0.1);
    const aboveHorizon = Math.round(0.625 * height);
    const shares = [0, 1, 2].map((seed) => {
      const out = inpaintExemplar(pixels.slice(), width, height, 3, mask, { seed });
      const y = luma(out, 3);
      boxBlur(y, width, height, 1);
      let steps = 0;
      let n = 0;
      for (let r = 2; r < aboveHorizon; r++) {
        for (let x = 2; x < width - 2; x++) {
          const i = r * width + x;
          if (mask[i] === 0) continue;
          n++;
          if (Math.abs(y[i + 1]! - y[i - 1]!) / 2 > 1.5) steps++;
        }
      }
      return steps / n;
    });
    expect(shares.reduce((a, b) => a + b, 0) / shares.length).toBeLessThan(0.004);
  });
});

describe("no ghost of the mask's side in a deep removal", () => {
  // The official FLUX.1 Fill test pair (a painting of a coast): the mask covers a hazy hillside
  // between dark pines and a pale sky. The membrane guide blended them into a colour that only
  // the anti-aliased edge of a cliff below the hole has, and the search copied that edge,
  // stretched, the whole height of the hole: a purple band shaped like the mask's side. With
  // the pines and the sky kept apart (sharpened-membrane.ts) the fill takes whole patches of
  // each. The five 8×8 source blocks copied most feed 30–33% of the hole with the blend
  // (seeds 0–2), 15–17% kept apart.
  it("fills from the surfaces around the hole, not one edge stretched across it", async () => {
    const image = await decodeRgb(
      readFileSync(new URL("./testdata/flux-fill-hillside.png", import.meta.url)),
    );
    const maskImage = await decodeRgb(
      readFileSync(new URL("./testdata/flux-fill-hillside-mask.png", import.meta.url)),
    );
    const { width, height } = image;
    const step = maskImage.data.length / (width * height);
    const mask = new Uint8Array(width * height);
    for (let p = 0; p < mask.length; p++) mask[p] = maskImage.data[p * step]! > 127 ? 1 : 0;
    let from: Int32Array = new Int32Array(0);
    inpaintExemplar(new Uint8Array(image.data), width, height, 3, mask, {
      seed: 0,
      onSources: (f) => {
        from = f;
      },
    });
    const blocks = new Map<number, number>();
    let copied = 0;
    for (let p = 0; p < mask.length; p++) {
      const s = from[p]!;
      if (mask[p] === 0 || s < 0) continue;
      copied++;
      const block = Math.floor(s / width / 8) * width + Math.floor((s % width) / 8);
      blocks.set(block, (blocks.get(block) ?? 0) + 1);
    }
    expect(copied).toBeGreaterThan(0.95 * mask.reduce((a, b) => a + b, 0));
    const top5 = [...blocks.values()].sort((a, b) => b - a).slice(0, 5);
    expect(top5.reduce((a, b) => a + b, 0) / copied).toBeLessThan(0.22);
  });
});
