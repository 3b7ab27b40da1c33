import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { fillTask } from "./fill-engine";

/**
 * The app's sample (a hilltop sunset with a stone sundial on the right) `photoWidth` wide, given
 * a third more columns on the right: the "Right outpaint" that repeats faded sundials across the
 * new ground. The designer's exclusion over the sundial must keep every copy off it.
 */
async function rightOutpaint(photoWidth = 300) {
  const { data, info } = await sharp(join(import.meta.dirname, "../../../public/sample/sunset.jpg"))
    .resize(photoWidth)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const k = photoWidth / 300;
  const width = Math.round((photoWidth * 4) / 3);
  const height = info.height;
  const pixels = new Uint8Array(width * height * 3);
  const mask = new Uint8Array(width * height).fill(1);
  for (let y = 0; y < height; y++) {
    pixels.set(data.subarray(y * photoWidth * 3, (y + 1) * photoWidth * 3), y * width * 3);
    mask.fill(0, y * width, y * width + photoWidth);
  }
  // the sundial's table and pillar, with a margin
  const at = (v: number) => Math.round(v * k);
  const sundial = { x0: at(180), y0: at(122), x1: at(285), y1: height };
  const exclude = new Uint8Array(width * height);
  for (let y = sundial.y0; y < sundial.y1; y++) {
    exclude.fill(1, y * width + sundial.x0, y * width + sundial.x1);
  }
  return { pixels, width, height, photoWidth, k, mask, exclude, sundial };
}

function fillFrom(
  job: Awaited<ReturnType<typeof rightOutpaint>>,
  exclude?: Uint8Array,
  onProgress?: (fraction: number) => void,
): { out: Uint8Array; from: Int32Array } {
  let from: Int32Array = new Int32Array(0);
  const { pixels, width, height, mask } = job;
  const task = { pixels, width, height, channels: 3 as const, mask, seed: 0 };
  const out = fillTask(exclude ? { ...task, exclude } : task, {
    onSources: (sources) => {
      from = sources;
    },
    ...(onProgress ? { onProgress } : {}),
  });
  return { out, from };
}

/** Mean luma step to the right and down neighbours over a box of `image` (`width` wide). */
function detail(image: Uint8Array, width: number, x0: number, x1: number, y0: number, y1: number) {
  const luma = (x: number, y: number) => {
    const i = (y * width + x) * 3;
    return 0.299 * image[i]! + 0.587 * image[i + 1]! + 0.114 * image[i + 2]!;
  };
  let sum = 0;
  let n = 0;
  for (let y = y0; y < y1 - 1; y++) {
    for (let x = x0; x < x1 - 1; x++) {
      sum += Math.abs(luma(x + 1, y) - luma(x, y)) + Math.abs(luma(x, y + 1) - luma(x, y));
      n++;
    }
  }
  return sum / n;
}

/** The share of filled pixels copied from inside the box. */
function shareFrom(
  from: Int32Array,
  width: number,
  box: { x0: number; y0: number; x1: number; y1: number },
) {
  let copied = 0;
  let inside = 0;
  for (const s of from) {
    if (s < 0) continue;
    copied++;
    const x = s % width;
    const y = (s - x) / width;
    if (x >= box.x0 && x < box.x1 && y >= box.y0 && y < box.y1) inside++;
  }
  return { copied, inside: inside / copied };
}

describe("the designer's exclusion from sampling", () => {
  it("keeps a right outpaint's copies off the sundial, which it copies otherwise", async () => {
    const job = await rightOutpaint();
    const free = shareFrom(fillFrom(job).from, job.width, job.sundial);
    // Without the exclusion the sundial is a source: the case is one where it matters.
    expect(free.inside).toBeGreaterThan(0.05);

    const { out, from } = fillFrom(job, job.exclude);
    const excluded = shareFrom(from, job.width, job.sundial);
    expect(excluded.copied).toBeGreaterThan(0.9 * (job.height * (job.width - job.photoWidth)));
    // Copies from where the sundial stood are of what filled it there, reported as such.
    expect(excluded.inside).toBe(0);
    for (const s of from) {
      if (s >= 0) expect(job.exclude[s]).toBe(0);
    }
    // The excluded pixels are still kept, bit for bit, like every pixel outside the mask.
    for (let i = 0; i < job.mask.length; i++) {
      if (job.mask[i] === 1) continue;
      if (out[i * 3] !== job.pixels[i * 3] || out[i * 3 + 2] !== job.pixels[i * 3 + 2]) {
        throw new Error(`kept pixel ${i} changed`);
      }
    }
  });

  it("carries the ground on beside the frame instead of a flat haze", async () => {
    // At 600 px: the ground's new columns beside the frame, below the hills. Kept unknown inside
    // the fill, the excluded sundial left no ground within reach, and the new ground came out a
    // flat grey haze with a hard edge where the photo's snow ended: its mean luma step 2.2,
    // against 14.9 on the photo's own ground. Removed first, 4.7.
    const job = await rightOutpaint(600);
    const progress: number[] = [];
    const { out } = fillFrom(job, job.exclude, (f) => progress.push(f));
    const at = (v: number) => Math.round(v * job.k);
    const rows = [at(130), job.height] as const;
    const ground = detail(job.pixels, job.width, at(20), at(170), ...rows);
    const newGround = detail(out, job.width, job.photoWidth + at(10), job.width - at(5), ...rows);
    expect(ground).toBeGreaterThan(10);
    expect(newGround).toBeGreaterThan(3.5);
    // two fills, reported as one: the fraction only grows, and ends at 1
    expect(progress.at(-1)).toBe(1);
    for (let i = 1; i < progress.length; i++)
      expect(progress[i]!).toBeGreaterThanOrEqual(progress[i - 1]!);
  });

  it("carries no stripes of the edge's texture out along the frame", async () => {
    const job = await rightOutpaint();
    const { out } = fillFrom(job, job.exclude);
    // Across the rows against along them, in the ground beside the frame: stripes along the rows
    // (each row's edge pixel carried out) make the first far larger. The photo's own snow runs
    // roughly along the rows too, so the fill is held to the kept strip beside it.
    const anisotropy = (image: Uint8Array, x0: number, x1: number) => {
      const luma = (x: number, y: number) => {
        const i = (y * job.width + x) * 3;
        return 0.299 * image[i]! + 0.587 * image[i + 1]! + 0.114 * image[i + 2]!;
      };
      let along = 0;
      let across = 0;
      for (let y = 130; y < job.height - 1; y++) {
        for (let x = x0; x < x1; x++) {
          along += Math.abs(luma(x + 1, y) - luma(x, y));
          across += Math.abs(luma(x, y + 1) - luma(x, y));
        }
      }
      return across / along;
    };
    // 3.2 times the strip's when every row near the frame carried its edge pixel on; 1.5 now.
    const photo = anisotropy(job.pixels, job.sundial.x1, 299);
    expect(anisotropy(out, 302, 320)).toBeLessThan(2.2 * photo);
  });

  it("neither copies nor continues an excluded post beside a removal", () => {
    // grey noise, a red post 12 px wide standing against the hole's right side
    const width = 160;
    const height = 120;
    const pixels = new Uint8Array(width * height * 3);
    let seed = 3;
    const noise = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return (seed % 31) - 15;
    };
    const post = (x: number) => x >= 100 && x < 112;
    for (let p = 0; p < width * height; p++) {
      const grey = 120 + noise();
      const colour = post(p % width) ? [200, 40, 40] : [grey, grey, grey];
      pixels.set(colour, p * 3);
    }
    const mask = new Uint8Array(width * height);
    const exclude = new Uint8Array(width * height);
    for (let y = 30; y < 90; y++) mask.fill(1, y * width + 50, y * width + 100);
    for (let y = 0; y < height; y++) exclude.fill(1, y * width + 100, y * width + 112);
    const redness = (out: Uint8Array) => {
      let sum = 0;
      let n = 0;
      for (let p = 0; p < mask.length; p++) {
        if (mask[p] !== 1 || p % width < 60 || p % width >= 96) continue;
        sum += out[p * 3]! - out[p * 3 + 1]!;
        n++;
      }
      return sum / n;
    };
    const task = { pixels, width, height, channels: 3 as const, mask, seed: 0 };
    const free = fillTask(task);
    // Without the exclusion, the post's red reaches into the fill: the case is one where it matters.
    expect(redness(free)).toBeGreaterThan(5);
    const excluded = fillTask({ ...task, exclude });
    expect(Math.abs(redness(excluded))).toBeLessThan(1.5);
  });

  it("fills a thin hole beside an excluded post with what lies beyond the post", () => {
    // grey noise, a red post at x 60–69, a scratch 3 px wide running down beside it
    const [width, height] = [120, 80];
    const pixels = new Uint8Array(width * height * 3);
    let seed = 7;
    for (let p = 0; p < width * height; p++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const grey = 120 + (seed % 21) - 10;
      const x = p % width;
      pixels.set(x >= 60 && x < 70 ? [200, 40, 40] : [grey, grey, grey], p * 3);
    }
    const mask = new Uint8Array(width * height);
    const exclude = new Uint8Array(width * height);
    for (let y = 10; y < 70; y++) mask.fill(1, y * width + 57, y * width + 60);
    for (let y = 0; y < height; y++) exclude.fill(1, y * width + 60, y * width + 70);
    const task = { pixels, width, height, channels: 3 as const, mask };
    const redness = (out: Uint8Array) => {
      let sum = 0;
      for (let p = 0; p < mask.length; p++) if (mask[p]) sum += out[p * 3]! - out[p * 3 + 1]!;
      return sum / (60 * 3);
    };
    // Telea's fill of the scratch takes on the post's red; with the post removed first, grey.
    expect(redness(fillTask(task))).toBeGreaterThan(20);
    expect(Math.abs(redness(fillTask({ ...task, exclude })))).toBeLessThan(3);
  });

  it("refuses an exclusion of another size", () => {
    const task = { pixels: new Uint8Array(8 * 8 * 3), width: 8, height: 8, channels: 3 as const };
    const mask = new Uint8Array(64).fill(1, 0, 8);
    expect(() => fillTask({ ...task, mask, exclude: new Uint8Array(10) })).toThrow(
      /exclusion holds 10 pixels, expected 8×8/,
    );
  });
});
