import { describe, expect, it } from "vitest";
import { benchPhoto, blobMask } from "../testing/bench-photos";
import { inpaintExemplar } from "./exemplar-fill";
import { luma, streakShare } from "./fill-quality";

describe("a removal in textured ground", () => {
  it("keeps the grass's texture instead of combing it into furrows along the slope", async () => {
    // The benchmark's 1 MP case: a lasso-like 10% hole in a hillside of grass and snow
    // patches, under a treeline and a horizon that give the crop one strong orientation,
    // which the grass itself does not follow.
    const photo = await benchPhoto("lomiri_sunset_by_Aitzol_Berasategi.jpg", 1224);
    const { pixels, width, height } = photo;
    const mask = blobMask(photo, 0.32, 0.78, 0.1, 3);
    for (const seed of [0, 1]) {
      const out = inpaintExemplar(pixels, width, height, 3, mask, { seed });
      const share = streakShare(luma(out, 3), luma(pixels, 3), width, height, mask);
      expect(share, `seed ${seed}`).toBeLessThan(0.035);
    }
  });
});
