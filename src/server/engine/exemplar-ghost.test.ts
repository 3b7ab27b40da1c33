import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
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
