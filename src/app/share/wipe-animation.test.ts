import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { encodeWipeGif } from "./encode-wipe-gif";
import {
  composeWipeFrame,
  wipeFrameCount,
  wipePosition,
  wipeSize,
  wipeSizes,
} from "./wipe-animation";

function solid(width: number, height: number, rgb: [number, number, number]) {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set([...rgb, 255], i);
  return data;
}

/** A horizontal gradient: a real picture's many colours, not two flat ones. */
function gradient(width: number, height: number, channel: number) {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      data[at + channel] = Math.round((255 * x) / (width - 1));
      data[at + ((channel + 1) % 3)] = Math.round((255 * y) / (height - 1));
      data[at + 3] = 255;
    }
  return data;
}

const meanDiff = (a: Uint8ClampedArray | Buffer, b: Uint8ClampedArray) => {
  let sum = 0;
  for (let i = 0; i < b.length; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return sum / b.length;
};

describe("wipe animation", () => {
  it("opens on the before, sweeps across, back and across, and rests on the after", () => {
    expect(wipePosition(0)).toBe(0);
    expect(wipePosition(0.05)).toBe(0);
    expect(wipePosition(1)).toBe(1);
    expect(wipePosition(0.95)).toBe(1);
    const samples = Array.from({ length: 101 }, (_, i) => wipePosition(i / 100));
    const turns = samples.slice(1, -1).filter((p, i) => {
      const prev = samples[i] ?? 0;
      const next = samples[i + 2] ?? 0;
      return (p > prev && p >= next) || (p < prev && p <= next);
    });
    expect(Math.max(...samples.slice(30, 40))).toBeGreaterThan(0.95); // across
    expect(Math.min(...samples.slice(55, 65))).toBeLessThan(0.05); // and back
    expect(turns.length).toBeGreaterThanOrEqual(2);
  });

  it("never has fewer than 20 frames, and keeps both sides even for video", () => {
    expect(wipeFrameCount(2000, 5)).toBe(20);
    expect(wipeFrameCount(4000, 15)).toBe(60);
    expect(wipeSize({ width: 1000, height: 667 }, 640)).toEqual({ width: 640, height: 426 });
    expect(wipeSize({ width: 301, height: 201 }, 640)).toEqual({ width: 300, height: 200 });
  });

  it("offers distinct sizes, none larger than the image, ending on the image's own", () => {
    // 741×500 offered 480×324, 640×432, 742×500, 742×500.
    expect(wipeSizes({ width: 741, height: 500 })).toEqual([
      { width: 480, height: 322, label: "480×322" },
      { width: 640, height: 430, label: "640×430" },
      { width: 740, height: 500, label: "740×500 · full size (even sides for video)" },
    ]);
    expect(wipeSizes({ width: 800, height: 600 }).map((s) => s.label)).toEqual([
      "480×360",
      "640×480",
      "800×600 · full size",
    ]);
    for (const image of [
      { width: 741, height: 500 },
      { width: 3000, height: 17 },
      { width: 5, height: 900 },
      { width: 1081, height: 1081 },
    ]) {
      const sizes = wipeSizes(image);
      expect(new Set(sizes.map((s) => s.width)).size).toBe(sizes.length);
      for (const size of sizes) {
        expect(size.width).toBeLessThanOrEqual(image.width);
        expect(size.height).toBeLessThanOrEqual(image.height);
        expect((size.width % 2) + (size.height % 2)).toBe(0);
      }
    }
  });

  it("draws the after left of the divider, the before right of it, and the line between", () => {
    const w = 10;
    const before = solid(w, 2, [255, 0, 0]);
    const after = solid(w, 2, [0, 0, 255]);
    const out = new Uint8ClampedArray(before.length);
    composeWipeFrame(before, after, w, 2, 0.5, out);
    const px = (x: number, y = 1) => [...out.subarray((y * w + x) * 4, (y * w + x) * 4 + 3)];
    expect(px(0)).toEqual([0, 0, 255]);
    expect(px(3)).toEqual([40, 40, 40]);
    expect(px(4)).toEqual([255, 255, 255]);
    expect(px(5)).toEqual([255, 255, 255]);
    expect(px(6)).toEqual([40, 40, 40]);
    expect(px(9)).toEqual([255, 0, 0]);
    composeWipeFrame(before, after, w, 2, 0, out);
    expect(out).toEqual(before);
    composeWipeFrame(before, after, w, 2, 1, out);
    expect(out).toEqual(after);
  });

  it("encodes a looping GIF whose first frame is the before and last the after", async () => {
    const width = 96;
    const height = 64;
    const before = gradient(width, height, 0);
    const after = gradient(width, height, 2);
    const progress: number[] = [];
    const gif = encodeWipeGif(before, after, { width, height, durationMs: 2000, fps: 15 }, (p) =>
      progress.push(p),
    );
    expect(progress.at(-1)).toBe(1);
    const meta = await sharp(gif, { animated: true }).metadata();
    expect(meta.pages).toBe(30);
    expect(meta.loop).toBe(0);
    expect(meta.delay?.every((d) => Math.abs(d - 2000 / 30) <= 10)).toBe(true);
    const frame = async (page: number) => sharp(gif, { page }).ensureAlpha().raw().toBuffer();
    const first = await frame(0);
    const last = await frame(29);
    expect(meanDiff(first, before)).toBeLessThan(4);
    expect(meanDiff(last, after)).toBeLessThan(4);
    expect(meanDiff(first, after)).toBeGreaterThan(40);
    // A frame mid-sweep, composed over the kept previous ones: after left, before right.
    const middle = await frame(8);
    const expected = new Uint8ClampedArray(before.length);
    composeWipeFrame(before, after, width, height, wipePosition(8 / 29), expected);
    // (The divider's white line is not in the two pictures' palette: a little more error.)
    expect(meanDiff(middle, expected)).toBeLessThan(8);
    expect(meanDiff(middle, before)).toBeGreaterThan(15);
  });
});
