import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { boxBlur } from "../../box-blur";
import { benchPhoto } from "../testing/bench-photos";
import { inpaintExemplar } from "./exemplar-fill";
import { borderSteps, luma, sharpnessRatio } from "./fill-quality";
import { repeatedShare, visibleDetail } from "./source-repeats";

/** The right third of a photo cut off and rebuilt: the photo, the result, the mask, the cut. */
async function rebuiltRightThird(file: string, width: number, seed = 0) {
  const img = await benchPhoto(file, width);
  const mask = new Uint8Array(img.width * img.height);
  const cut = Math.round((2 * img.width) / 3);
  for (let y = 0; y < img.height; y++) mask.fill(1, y * img.width + cut, (y + 1) * img.width);
  const input = img.pixels.slice();
  for (let i = 0; i < mask.length; i++) if (mask[i]) input.fill(0, i * 3, i * 3 + 3);
  const out = inpaintExemplar(input, img.width, img.height, 3, mask, { seed });
  return { img, out, mask, cut };
}

/** The top third of a photo cut off and rebuilt: the result's luma, its size and the cut. */
async function rebuiltTopThird(file: string, width: number, seed: number) {
  const img = await benchPhoto(file, width);
  const cut = Math.round(img.height / 3);
  const mask = new Uint8Array(img.width * img.height).fill(1, 0, cut * img.width);
  const input = img.pixels.slice().fill(0, 0, cut * img.width * 3);
  const out = inpaintExemplar(input, img.width, img.height, 3, mask, { seed });
  return { y: luma(out, 3), width: img.width, height: img.height, cut };
}

/** How busy a photo's rebuilt right third is against the rest. */
async function rightThirdSharpness(file: string, width: number): Promise<number> {
  const { img, out, mask } = await rebuiltRightThird(file, width);
  return sharpnessRatio(out, img.width, img.height, 3, mask, 32);
}

/** Share of the pixels in columns [x0, x1) and rows [y0, y1) that are a mid grey: haze. */
function greyShare(
  pixels: Uint8Array,
  width: number,
  [x0, x1]: readonly [number, number],
  [y0, y1]: readonly [number, number],
): number {
  let all = 0;
  let grey = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const [r, g, b] = pixels.subarray((y * width + x) * 3, (y * width + x) * 3 + 3);
      const l = 0.299 * r! + 0.587 * g! + 0.114 * b!;
      all++;
      if (Math.max(r!, g!, b!) - Math.min(r!, g!, b!) < 14 && l > 50 && l < 130) grey++;
    }
  }
  return grey / all;
}

/** Share of the 16×16 blocks in columns [x0, x1) whose luma deviates by under 8 grey levels. */
function flatBlockShare(pixels: Uint8Array, width: number, height: number, x0: number, x1: number) {
  const y = luma(pixels, 3);
  let blocks = 0;
  let flat = 0;
  for (let by = 0; by + 16 <= height; by += 16) {
    for (let bx = x0; bx + 16 <= x1; bx += 16) {
      let sum = 0;
      let sum2 = 0;
      for (let dy = 0; dy < 16; dy++) {
        for (let dx = 0; dx < 16; dx++) {
          const v = y[(by + dy) * width + bx + dx]!;
          sum += v;
          sum2 += v * v;
        }
      }
      const mean = sum / 256;
      blocks++;
      if (Math.sqrt(Math.max(0, sum2 / 256 - mean * mean)) < 8) flat++;
    }
  }
  return flat / blocks;
}

describe("outpainting a photo that simply goes on", () => {
  // Held to the calm edge continuation everywhere, the new third was a smear: busyness 0.32–0.33
  // of the kept photo's for the bricks and 0.30 for the forest (seeds 0–2); now 0.74–0.79 and
  // 0.37 (the forest 0.48–0.50 before the guide followed each edge row only as far as it runs
  // in, 0.45 before the vote was held to the guide where the unguided fill is not trusted, 0.38
  // before the guide's contrast calmed there too). The forest's far trunks faded into a green
  // haze (0.36–0.37 on seeds 0–2): its floor, a texture, ran back from the edge no further
  // than its first bright fleck, so the guide widened it into a blur; it runs back as a region
  // now (edge-runs.ts, RUN_SMOOTHING), and the trunks and undergrowth go on (0.47–0.48). The
  // brick wall's rows carry further too: 0.74–0.81 → 0.67–0.71.
  it("carries a brick wall's courses on instead of smearing them", async () => {
    expect(await rightThirdSharpness("skimage_brick.png", 384)).toBeGreaterThan(0.45);
  });

  it("carries a forest's trunks on instead of smearing them", async () => {
    expect(await rightThirdSharpness("kde_Path.jpg", 480)).toBeGreaterThan(0.43);
  });

  it("keeps a brick wall's staggered courses whole, not stray mortar over flat grey", async () => {
    // A 16×16 block of this wall always holds some mortar: 22% of the photo's blocks are flat
    // (the sunlit bricks' faces). Of the new third's, 39% were flat on seed 0 while finer levels
    // were steered by the edge's rows and the trust measured busyness against a blur, 30% after.
    // The share moves by ±5% from seed to seed (0.30–0.45 over seeds 0–5), so three are taken:
    // 0.342 on average before sources cost more far from the edge (patch-match.ts,
    // LOCALITY_GREY), 0.333 with that cost's reach capped, and 0.375 since a texture runs back
    // from the edge as a region (edge-runs.ts, RUN_SMOOTHING): the guide carries the wall's rows
    // further, and a few more bricks come out flat. 0.380 → 0.389 since the detail a target may
    // expect calms with distance where the fill is not trusted (calmUntrustedDetail), at half the
    // guide's rate: at its full rate, 0.396. 0.389 → 0.427 since the votes mirror the rim
    // (frame-rim.ts): the blocks touching the canvas's right border 40% → 61% flat (the mortar
    // lines stop short of it, where before they ran along it), the rest 39% → 40%. A price
    // paid knowingly for no blocks copied along the canvas's border elsewhere (the lakeside's
    // test below); with the rim weighted by the outpaint's trust instead, the wall kept its 39%
    // but the blocks and the half-cut wheels along the sample's frame came back.
    let flat = 0;
    for (const seed of [0, 1, 2]) {
      const { img, out, cut } = await rebuiltRightThird("skimage_brick.png", 384, seed);
      expect(flatBlockShare(img.pixels, img.width, img.height, 0, cut)).toBeLessThan(0.25);
      flat += flatBlockShare(out, img.width, img.height, cut, img.width) / 3;
    }
    expect(flat).toBeLessThan(0.44);
  });
});

describe("outpainting a product on a plain backdrop", () => {
  // A black horse on white zoomed out 1.5x: the coarsest patches are wider than the white around
  // the horse, so every source brings horse along. Before, 19% of the new area was grey (luma
  // under 245) and 5% dark (under 200): hooves and tails copied, faded into ghosts.
  it.each([300, 400])(
    "extends the white backdrop plain, with no copied ghosts (%i px)",
    async (w) => {
      const { out, mask } = await zoomOut("skimage_horse.png", w, 1.5, 0);
      const y = luma(out, 3);
      let added = 0;
      let grey = 0;
      let dark = 0;
      for (let p = 0; p < mask.length; p++) {
        if (mask[p] === 0) continue;
        added++;
        if (y[p]! < 245) grey++;
        if (y[p]! < 200) dark++;
      }
      expect(grey / added).toBeLessThan(0.005);
      expect(dark / added).toBeLessThan(0.001);
    },
  );
});

describe("an outpaint's frame edge", () => {
  it("meets the photo without a smeared line along the edge", async () => {
    const { y, width, cut } = await rebuiltTopThird("kde_Path.jpg", 480, 0);
    const busy = (row: number) => {
      let sum = 0;
      for (let x = 1; x < width; x++)
        sum += Math.abs(y[row * width + x]! - y[row * width + x - 1]!);
      return sum / (width - 1);
    };
    let deeper = 0;
    for (let d = 8; d <= 20; d++) deeper += busy(cut - d) / 13;
    // Faded into a Telea band, the three rows beyond the edge were 0.41–0.58 as busy as the
    // fill further out: a blurred line along the frame. Now 1.2, as busy as the photo's own.
    for (const d of [1, 2, 3]) expect(busy(cut - d) / deeper).toBeGreaterThan(0.8);
  });
});

/**
 * A photo zoomed out `factor` times through the engine: the result, the new area's mask, the
 * canvas's width and where the photo sits in it.
 */
async function zoomOut(file: string, width: number, factor: number, seed: number) {
  const img = await benchPhoto(file, width);
  return centredIn(img, Math.round(img.width * factor), Math.round(img.height * factor), seed);
}

/** A photo centred in a larger frame and outpainted to fill it. */
function centredIn(
  img: { pixels: Uint8Array; width: number; height: number },
  w: number,
  h: number,
  seed: number,
) {
  const left = Math.floor((w - img.width) / 2);
  const top = Math.floor((h - img.height) / 2);
  const pixels = new Uint8Array(w * h * 3);
  const mask = new Uint8Array(w * h).fill(1);
  for (let y = 0; y < img.height; y++) {
    const row = (y + top) * w + left;
    pixels.set(img.pixels.subarray(y * img.width * 3, (y + 1) * img.width * 3), row * 3);
    mask.fill(0, row, row + img.width);
  }
  let sources: Int32Array = new Int32Array(0);
  const out = inpaintExemplar(pixels, w, h, 3, mask, { seed, onSources: (s) => (sources = s) });
  return { out, mask, width: w, photo: img, left, top, sources };
}

describe("a zoom-out's frame", () => {
  // Patches met the photo's edge with a step: across the edge the rows differed 3–5 times as
  // much as two rows of the photo do (zoomed-out cat and bird at 1000 px, 12.7 against 0.9
  // grey levels on the cat's top edge): the frame read as a drawn line. Faded in from the
  // photo's mirror, the step is the photo's own.
  it.each([
    ["skimage_chelsea.png", 0],
    ["lomiri_Kleiber_by_Lukas_Baubkus.jpg", 1],
  ])("does not show around %s (seed %i)", async (file, seed) => {
    const { out, width: w, photo: img, left, top } = await zoomOut(file, 400, 2, seed);
    const y = luma(out, 3);
    /** mean luma difference between rows a and b over the photo's columns */
    const rows = (a: number, b: number) => {
      let sum = 0;
      for (let x = left; x < left + img.width; x++) sum += Math.abs(y[a * w + x]! - y[b * w + x]!);
      return sum / img.width;
    };
    const bottom = top + img.height - 1;
    const across = (rows(top - 1, top) + rows(bottom, bottom + 1)) / 2;
    const within = (rows(top, top + 1) + rows(bottom - 1, bottom)) / 2;
    expect(across).toBeLessThan(1.5 * within + 0.5);
  });
});

describe("a zoom-out's sky beside the frame", () => {
  // The hilltop sunset zoomed out 1.5x at 480 px: its horizon meets the right frame 0.41 of the
  // way down, under a glow. The calm continuation was blurred wider with distance, so the dark
  // ground crept up into the sky beside the frame: a grey curtain the height of the sky. Over
  // the rows 0.25–0.39 of the way down, the new columns 5–20% of the photo's width beyond the
  // frame were 14–36 grey levels darker than the photo's last 5% (25 on average); where the
  // edge's colour runs back across the photo, it now carries on (0–7, 3 on average).
  it.each([0, 1])("carries the photo's glow on (seed %i)", async (seed) => {
    const zoomed = await zoomOut("lomiri_sunset_by_Aitzol_Berasategi.jpg", 480, 1.5, seed);
    const { out, width: w, photo: img, left, top } = zoomed;
    const y = luma(out, 3);
    const right = left + img.width;
    const mean = (y0: number, y1: number, x0: number, x1: number) => {
      let sum = 0;
      for (let row = y0; row < y1; row++) for (let x = x0; x < x1; x++) sum += y[row * w + x]!;
      return sum / ((y1 - y0) * (x1 - x0));
    };
    const at = (share: number) => Math.round(share * img.width);
    let darker = 0;
    let bands = 0;
    for (let f = 0.25; f < 0.39; f += 0.02) {
      const y0 = top + Math.round(f * img.height);
      const y1 = top + Math.round((f + 0.02) * img.height);
      darker +=
        mean(y0, y1, right - at(0.05), right) - mean(y0, y1, right + at(0.05), right + at(0.2));
      bands++;
    }
    expect(darker / bands).toBeLessThan(8);
  });

  // At 800 px the glow carried on beside the left frame, the sky above it widened, darker, and
  // the two met in a straight line: over the rows down to just above the horizon, the columns
  // 5–20% of the photo's width beyond the frame stepped by 10–13 grey levels between rows two
  // apart, where the photo's own last 5% steps by 1.3 at most (2 now).
  it.each([0, 1])("grades into the glow without a straight line (seed %i)", async (seed) => {
    const {
      out,
      width: w,
      photo: img,
      left,
      top,
    } = await zoomOut("lomiri_sunset_by_Aitzol_Berasategi.jpg", 800, 1.5, seed);
    const y = luma(out, 3);
    const at = (share: number) => Math.round(share * img.width);
    const steepestStep = (x0: number, x1: number) => {
      const row = (r: number) => {
        let sum = 0;
        for (let x = x0; x < x1; x++) sum += y[r * w + x]!;
        return sum / (x1 - x0);
      };
      let steepest = 0;
      for (let r = 1; r < top + Math.round(0.48 * img.height); r++) {
        steepest = Math.max(steepest, Math.abs(row(r + 1) - row(r - 1)));
      }
      return steepest;
    };
    const photo = steepestStep(left, left + at(0.05));
    expect(photo).toBeLessThan(2);
    expect(steepestStep(left - at(0.2), left - at(0.05))).toBeLessThan(2 * photo + 1);
  });
});

describe("a zoom-out's corner", () => {
  // Beside the photo's top-left corner the structure continuation met no kept pixel above the
  // photo's top row and kept the unfilled hole's black there, untrusted; read plainly between
  // its cells, that black darkened the trusted row below, and the hilltop sunset zoomed out 1.5x
  // (the app's sample) showed a dark dash in its sky along the photo's top edge: 16 grey levels
  // below the sky around it at 800 px on seeds 0 and 1, 5 now.
  it.each([0, 1])("draws no dark line along the photo's top edge (seed %i)", async (seed) => {
    const {
      out,
      width: w,
      top,
      left,
    } = await zoomOut("lomiri_sunset_by_Aitzol_Berasategi.jpg", 800, 1.5, seed);
    const y = luma(out, 3);
    let darkest = 0;
    for (let x = 0; x < left; x++) {
      const column: number[] = [];
      for (let row = top - 12; row <= top + 12; row++) column.push(y[row * w + x]!);
      const median = [...column].sort((a, b) => a - b)[12]!;
      for (let row = top - 3; row <= top + 3; row++) {
        darkest = Math.max(darkest, median - y[row * w + x]!);
      }
    }
    expect(darkest).toBeLessThan(9);
  });
});

describe("a zoom-out's ground beside the frame", () => {
  // The hilltop sunset's sundial stands on the bottom edge, 600 px from the left frame at 800
  // px; the new area's sources as a whole reach it, and zoomed out 1.5x, 74–88% of the ground
  // beside the left frame (the columns 5–20% of the photo's width out, the rows 0.5–0.95 of its
  // height down) was copied from the photo's right half: a grey stone wall. Zoomed out 2x, with
  // sources costing more beyond the new area's depth, still 60–65%: that depth is half the
  // photo's width. Now the dark hill and the grass at the left edge carry on (1.5x: none from
  // the right half; 2x: 15–18%).
  it.each([
    [1.5, 0, 0.05],
    [1.5, 1, 0.05],
    [2, 0, 0.3],
  ])(
    "is copied from beside it, not from across the photo (%fx, seed %i)",
    async (factor, seed, most) => {
      const {
        width: w,
        photo: img,
        left,
        top,
        sources,
      } = await zoomOut("lomiri_sunset_by_Aitzol_Berasategi.jpg", 800, factor, seed);
      let far = 0;
      let copied = 0;
      for (
        let y = top + Math.round(0.5 * img.height);
        y < top + Math.round(0.95 * img.height);
        y++
      ) {
        for (
          let x = left - Math.round(0.2 * img.width);
          x < left - Math.round(0.05 * img.width);
          x++
        ) {
          const from = sources[y * w + x]!;
          if (from < 0) continue;
          copied++;
          if (from % w > left + img.width / 2) far++;
        }
      }
      expect(copied).toBeGreaterThan(0);
      expect(far / copied).toBeLessThan(most);
    },
  );
});

describe("a zoom-out's stony ground", () => {
  // The cheapest source for a row of new stones was the same stone, again and again: zoomed out
  // 1.5x at 800 px, the hilltop sunset's new ground was a lattice of one stone: 20% and 14% of the
  // nearby pairs of detailed new pixels copied from one place (repeatedShare) on seeds 0 and 1.
  // A source already copied a few pixels away now costs more where the fill is not trusted:
  // 11% and 8%.
  it.each([0, 1])("does not repeat one stone along its rows (seed %i)", async (seed) => {
    const { out, mask, width, sources } = await zoomOut(
      "lomiri_sunset_by_Aitzol_Berasategi.jpg",
      800,
      1.5,
      seed,
    );
    const height = mask.length / width;
    const share = repeatedShare(sources, mask, width, height, visibleDetail(out, width, height));
    expect(share).toBeLessThan(0.12);
  });
});

describe("a square's trusted ground", () => {
  // Where the unguided fill is trusted its stones were copied again and again all the same: the
  // hilltop sunset made square at 800 px repeated one detailed source for 6% and 9% of the
  // nearby pairs of new pixels (repeatedShare) on seeds 0 and 1. Repeats now count at half
  // weight where the fill is trusted: 3% and 4%.
  it.each([0, 1])("does not repeat one stone along its rows (seed %i)", async (seed) => {
    const img = await benchPhoto("lomiri_sunset_by_Aitzol_Berasategi.jpg", 800);
    const { out, mask, width, sources } = centredIn(img, img.width, img.width, seed);
    const height = mask.length / width;
    const share = repeatedShare(sources, mask, width, height, visibleDetail(out, width, height));
    expect(share).toBeLessThan(0.055);
  });
});

describe("a Left outpaint beside a post the frame cut", () => {
  // The hilltop sunset's left edge cuts a marker post. Its colour runs a post's width back into
  // the photo, and past that its new pixels carried only the edge's widening blur, sky and
  // ground mixed into grey, which the search filled with a misty valley's flat grey: a pale
  // lake beside the post (41–45% of this band grey haze on seeds 0–2). What lies behind the
  // post, the dark hill and the stony ground, carries on instead.
  it.each([0, 1])("carries the ground on beside it, not a grey haze (seed %i)", async (seed) => {
    const img = await benchPhoto("lomiri_sunset_by_Aitzol_Berasategi.jpg", 800);
    const left = 416; // the app's Left outpaint of an 800 px wide photo
    const w = img.width + left;
    const pixels = new Uint8Array(w * img.height * 3);
    const mask = new Uint8Array(w * img.height).fill(1);
    for (let y = 0; y < img.height; y++) {
      pixels.set(
        img.pixels.subarray(y * img.width * 3, (y + 1) * img.width * 3),
        (y * w + left) * 3,
      );
      mask.fill(0, y * w + left, (y + 1) * w);
    }
    const out = inpaintExemplar(pixels, w, img.height, 3, mask, { seed });
    const rows = [Math.round(0.6 * img.height), Math.round(0.78 * img.height)] as const;
    expect(greyShare(out, w, [left - Math.round(0.3 * img.width), left], rows)).toBeLessThan(0.2);
  });
});

describe("the sample's post masked and outpainted to the left", () => {
  // What a new user runs first: the sample opens with its post masked, and the mask goes along
  // into Extend, so Left outpaint fills the post and the new strip together. With no straight
  // structure found, the new ground was copied from the misty valley and the hill tips higher
  // up: a pale lake and a row of repeated tips, 62% of it from more than a tenth of the height
  // away on seeds 0 and 1. The hills continued keep the ground on the ground's rows.
  const fills = new Map<number, ReturnType<typeof postLeft>>();
  const filled = (seed: number) => {
    if (!fills.has(seed)) fills.set(seed, postLeft(seed));
    return fills.get(seed)!;
  };
  /** The sample at 1200 px, its post masked, through the app's Left outpaint (624 px). */
  async function postLeft(seed: number) {
    const img = await benchPhoto("lomiri_sunset_by_Aitzol_Berasategi.jpg", 1200);
    const post = await sharp(join(import.meta.dirname, "../../../public/sample/sunset-mask.png"))
      .resize(img.width, img.height)
      .greyscale()
      .raw()
      .toBuffer();
    const left = 624; // the app's Left outpaint of a 1200 px wide photo
    const w = img.width + left;
    const { height } = img;
    const pixels = new Uint8Array(w * height * 3);
    const mask = new Uint8Array(w * height).fill(1);
    for (let y = 0; y < height; y++) {
      pixels.set(
        img.pixels.subarray(y * img.width * 3, (y + 1) * img.width * 3),
        (y * w + left) * 3,
      );
      for (let x = 0; x < img.width; x++)
        mask[y * w + left + x] = post[y * img.width + x]! > 127 ? 1 : 0;
    }
    let from: Int32Array = new Int32Array(0);
    const out = inpaintExemplar(pixels, w, height, 3, mask, { seed, onSources: (f) => (from = f) });
    return { out, from, w, height, left };
  }

  it.each([0, 1])("copies the new ground from its own height (seed %i)", async (seed) => {
    const { from, w, height, left } = await filled(seed);
    let ground = 0;
    let shifted = 0;
    for (let y = Math.round(0.55 * height); y < Math.round(0.95 * height); y++) {
      for (let x = 0; x < left; x++) {
        const source = from[y * w + x]!;
        if (source < 0) continue;
        ground++;
        if (Math.abs(Math.floor(source / w) - y) > 0.1 * height) shifted++;
      }
    }
    expect(ground).toBeGreaterThan(0.9 * left * 0.4 * height);
    expect(shifted / ground).toBeLessThan(0.5);
  });

  // Far from the photo the guide widened down the edge too, blending the sky, the hills and
  // the ground beside the frame into one grey, which the search matched with the misty valley:
  // a pale lake on the far half of the new ground, 53% and 62% of it grey on seeds 0 and 1.
  // Widened half as much down the columns (GUIDE_COLUMN_WIDENING): 30% and 34%.
  it.each([0, 1])("carries the ground out, not a grey lake (seed %i)", async (seed) => {
    const { out, w, height, left } = await filled(seed);
    const rows = [Math.round(0.55 * height), Math.round(0.85 * height)] as const;
    expect(greyShare(out, w, [0, left / 2], rows)).toBeLessThan(0.42);
  });
});

describe("a large outpaint's finest level", () => {
  // Its field is carried up with no search, so each coarser match became a 2×2 square: in a
  // cat zoomed out 2x from 400 px, the differences across every other column were 1.28 times
  // those across the rest (2.3 times in a 1 MP zoom-out's 4-pixel blocks). Read through a
  // wandering shift, the copied regions' edges follow no grid (1.03 at 1 MP).
  it("lays the new area out in no grid of blocks", async () => {
    const { out, mask, width: w } = await zoomOut("skimage_chelsea.png", 400, 2, 0);
    const y = luma(out, 3);
    const phase = [0, 0];
    const count = [0, 0];
    for (let p = 0; p < mask.length - 1; p++) {
      if (!mask[p] || !mask[p + 1] || (p + 1) % w === 0) continue;
      phase[p % 2]! += Math.abs(y[p + 1]! - y[p]!);
      count[p % 2]!++;
    }
    const [even, odd] = [phase[0]! / count[0]!, phase[1]! / count[1]!];
    expect(Math.max(even, odd) / Math.min(even, odd)).toBeLessThan(1.15);
  });
});

/** How many pixels of the new area pass `test` (r, g, b). */
function countNew(
  { out, mask }: Awaited<ReturnType<typeof zoomOut>>,
  test: (r: number, g: number, b: number) => boolean,
): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] && test(out[i * 3]!, out[i * 3 + 1]!, out[i * 3 + 2]!)) n++;
  }
  return n;
}

describe("outpainting far from the photo copies no thing out of it", () => {
  // The motorcycle's red fairing and tank, unlike anything else in the photo, were copied onto
  // the new wall beside the shelf: 407 and 388 strongly red pixels in the new area on seeds 0
  // and 2; with the rarest sources left out, 18 and 25.
  it.each([0, 2])("no part of the motorcycle in a garage zoomed out 2x (seed %i)", async (seed) => {
    const zoomed = await zoomOut("skimage_motorcycle_left.png", 480, 2, seed);
    expect(countNew(zoomed, (r, g, b) => r > 140 && g < 70 && b < 70)).toBeLessThan(100);
  });

  // The cat grew a third eye on its forehead: 103–250 pixels of its olive iris colour in the
  // new area on seeds 1–3 (the fur has none); now none.
  it.each([1, 2])("no third eye on a cat zoomed out 2x (seed %i)", async (seed) => {
    const zoomed = await zoomOut("skimage_chelsea.png", 480, 2, seed);
    expect(countNew(zoomed, (r, g, b) => g > 0.78 * r && b < 0.55 * g && r > 90)).toBeLessThan(20);
  });
});

/** Mean |∂x| + |∂y| of luma `y` (`width` wide) over the 16×16 block at (x0, y0). */
function blockDetail(y: ArrayLike<number>, width: number, x0: number, y0: number): number {
  let sum = 0;
  for (let yy = y0; yy < y0 + 16; yy++) {
    for (let xx = x0; xx < x0 + 16; xx++) {
      const p = yy * width + xx;
      sum += Math.abs(y[p + 1]! - y[p]!) + Math.abs(y[p + width]! - y[p]!);
    }
  }
  return sum / 256;
}

/**
 * A zoom-out's share of new 16×16 blocks busier (mean |∂x| + |∂y| of luma) than twice the
 * photo's typical block along its edge, plus 2 grey levels.
 */
async function busyNewBlocks(file: string, width: number, seed: number): Promise<number> {
  const img = await benchPhoto(file, width);
  const { out, mask } = await zoomOut(file, width, 2, seed);
  const w = Math.round(img.width * 2);
  const h = mask.length / w;
  const left = Math.floor((w - img.width) / 2);
  const top = Math.floor((h - img.height) / 2);
  const y = luma(out, 3);
  const detail = (x0: number, y0: number) => blockDetail(y, w, x0, y0);
  const edge: number[] = [];
  for (let x = left; x + 16 <= left + img.width; x += 16) {
    edge.push(detail(x, top), detail(x, top + img.height - 16));
  }
  for (let yy = top; yy + 16 <= top + img.height; yy += 16) {
    edge.push(detail(left, yy), detail(left + img.width - 16, yy));
  }
  edge.sort((a, b) => a - b);
  const typical = edge[Math.floor(edge.length / 2)]!;
  let blocks = 0;
  let busy = 0;
  for (let by = 0; by + 17 <= h; by += 16) {
    for (let bx = 0; bx + 17 <= w; bx += 16) {
      const outside = bx + 16 <= left || bx >= left + img.width;
      if (!outside && by + 16 > top && by < top + img.height) continue;
      blocks++;
      if (detail(bx, by) > 2 * typical + 2) busy++;
    }
  }
  return busy / blocks;
}

describe("outpainting far from the photo brings no detail its edge does not have", () => {
  // Matched on coarse levels, where a lattice tower or a badge's lettering averages to a calm
  // mid-tone, sources brought their full-resolution detail along: a launch pad zoomed out 2x
  // grew a mesh of lattice over its new ground (7.7% and 8.1% of the new blocks on seeds 0 and
  // 1 far busier than the photo's edge), an astronaut a wall of badges (13%). Held back where
  // the unguided fill is not trusted (source-detail.ts): 1.4–1.8% and 6.1%.
  it.each([
    ["skimage_rocket.jpg", 0, 0.04],
    ["skimage_rocket.jpg", 1, 0.04],
    ["skimage_astronaut.png", 0, 0.1],
  ])("%s (seed %i)", async (file, seed, bound) => {
    expect(await busyNewBlocks(file, 384, seed)).toBeLessThan(bound);
  });
});

/**
 * The share of a rebuilt top third's 16×16 blocks (all but the 24 rows nearest the cut) busier
 * than the typical block along the cut.
 */
function busySkyShare(y: ArrayLike<number>, width: number, cut: number): number {
  const detail = (x0: number, y0: number) => blockDetail(y, width, x0, y0);
  const edge: number[] = [];
  for (let x = 0; x + 17 <= width; x += 16) edge.push(detail(x, cut));
  edge.sort((a, b) => a - b);
  const typical = edge[edge.length >> 1]!;
  let blocks = 0;
  let busy = 0;
  for (let by = 0; by + 16 <= cut - 24; by += 16) {
    for (let bx = 0; bx + 17 <= width; bx += 16) {
      blocks++;
      if (detail(bx, by) > typical) busy++;
    }
  }
  return busy / blocks;
}

describe("a sky cut off above a lake", () => {
  // The guide asked for the treeline's detail across the whole new sky, and the search found it
  // in the lake below: a block of water with its mooring posts, and rows of shore. On seeds 1
  // and 2, 24% and 23% of the sky's blocks (all but the 24 rows nearest the cut) were busier
  // than the treeline's typical block; with the guide calmed where the unguided fill is not
  // clearly trusted, 7% and 8%; with the expected detail calmed too, none.
  it.each([1, 2])("holds no copied lake in the new sky (seed %i)", async (seed) => {
    const { y, width, cut } = await rebuiltTopThird("kde_EveningGlow.jpg", 480, seed);
    expect(busySkyShare(y, width, cut)).toBeLessThan(0.1);
  });

  // At 640 px the guide alone was not enough: the detail a target may expect was still the
  // treeline's out to the frame, and the new sky filled with its foliage. 24% of the sky's
  // blocks were busier than the treeline's typical block on seeds 0 and 1; with the expected
  // detail calmed with distance too (source-detail.ts, calmUntrustedDetail), 7% and 4%.
  it.each([0, 1])("holds no foliage in the new sky at 640 px (seed %i)", async (seed) => {
    const { y, width, cut } = await rebuiltTopThird("kde_EveningGlow.jpg", 640, seed);
    expect(busySkyShare(y, width, cut)).toBeLessThan(0.1);
  });
});

describe("a sky outpainted up to the canvas's top border", () => {
  // The rows within a patch's radius of the canvas's border are never a patch's centre: at
  // every level their vote came from the edge of a few patches alone, and what a coarse level
  // put there the next level matched and carried on. The lakeside's new sky above its treeline
  // had dark blocks 60–90 px wide and 10–15 px tall along its top border, copied from the
  // treeline (every seed tried). Measured as the largest step between the mean luma of two
  // neighbouring lines along a strip of the border in the new area (borderSteps): along the
  // top, 19.5 and 22.5 grey levels on seeds 0 and 1 (the texture 40–64 rows in steps by up to
  // 12–15); with the rim mirrored after every vote but the coarsest level's (frame-rim.ts,
  // runPlan), 11.3 and 10.4, and 13.6 and 12.5 with the sides' strips counted too.
  it.each([0, 1])("holds no blocks along it (seed %i)", async (seed) => {
    const { y, width, height, cut } = await rebuiltTopThird("kde_EveningGlow.jpg", 960, seed);
    const mask = new Uint8Array(width * height).fill(1, 0, cut * width);
    expect(Math.max(...borderSteps(y, width, height, mask))).toBeLessThan(15);
  });
});

describe("a graded sky outpainted", () => {
  // Patches from different heights of a dusk sky met in terraces: contours of 3–5 grey levels
  // across the new top third, where the sky only grades. After a light blur (so grain does not
  // count), 3.2–3.5% of the new area stepped by over 1.5 grey levels a pixel on seeds 0–2, and
  // none of the photo's sky below the cut. Stitched in the gradient domain, no contours are left.
  it.each([0, 1])("grades on without contours (seed %i)", async (seed) => {
    const { y, width, height, cut } = await rebuiltTopThird("kde_summer_1am.jpg", 480, seed);
    const smooth = lightBlur(y, width, height);
    const stepping = (from: number, to: number) => {
      let n = 0;
      let steep = 0;
      for (let y = from; y < to; y++) {
        for (let x = 1; x < width - 1; x++) {
          const p = y * width + x;
          const dx = smooth[p + 1]! - smooth[p - 1]!;
          const dy = smooth[p + width]! - smooth[p - width]!;
          n++;
          if (Math.hypot(dx, dy) / 2 > 1.5) steep++;
        }
      }
      return steep / n;
    };
    expect(stepping(cut + 2, cut + 40)).toBe(0);
    expect(stepping(2, cut - 2)).toBeLessThan(0.005);
  });
});

/** Luma under two 3×3 box blurs: grain does not count, shading and edges do. */
function lightBlur(values: ArrayLike<number>, width: number, height: number): Float32Array {
  const plane = Float32Array.from(values);
  boxBlur(plane, width, height, 1);
  boxBlur(plane, width, height, 1);
  return plane;
}

describe("a sky outpainted above the sun", () => {
  // A sunset cut off just above the sun and outpainted upwards ("Top outpaint"): the search
  // copied the sun's glow into the new sky as a pale block with straight sides, and the stitch
  // kept its 30–40 grey-level sides as structure. At 1000 px, 0.19% and 0.16% of the new sky
  // (all but the 16 rows nearest the photo) stepped by over 2 grey levels a pixel across after
  // a light blur on seeds 0 and 1; where the unguided fill is not trusted the stitch now takes
  // such steps for seams, 0.02%. The steps left are the edges of a few copied cloud wisps, no
  // block: since the votes mirror the canvas's rim (frame-rim.ts) seed 1 copies three, 0.098%
  // (0.053% before), while over seeds 0–5 the share moved 0.045% → 0.055% on average.
  it.each([0, 1])("has no straight-sided block of glow (seed %i)", async (seed) => {
    const img = await benchPhoto("lomiri_sunset_by_Aitzol_Berasategi.jpg", 1000);
    const { width } = img;
    const crop = Math.round(img.height * 0.4);
    const kept = img.height - crop;
    const top = Math.round(kept / 2);
    const height = kept + top;
    const pixels = new Uint8Array(width * height * 3);
    pixels.set(img.pixels.subarray(crop * width * 3), top * width * 3);
    const mask = new Uint8Array(width * height).fill(1, 0, top * width);
    const out = inpaintExemplar(pixels, width, height, 3, mask, { seed });
    const smooth = lightBlur(luma(out, 3), width, height);
    let n = 0;
    let steep = 0;
    for (let y = 2; y < top - 16; y++) {
      for (let x = 2; x < width - 2; x++) {
        const p = y * width + x;
        n++;
        if (Math.abs(smooth[p + 1]! - smooth[p - 1]!) / 2 > 2) steep++;
      }
    }
    expect(steep / n).toBeLessThan(0.0012);
  });
});
