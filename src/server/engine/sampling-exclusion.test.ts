import { describe, expect, it } from "vitest";
import { contextBox } from "./exemplar-fill";
import type { FillLevel } from "./fill-level";
import { distanceToUnmasked, keptPixels } from "./mask-geometry";
import { PATCH_RADIUS, patchSites } from "./patch-match";
import { boxPastExcluded, layoutView, reachPastExcluded } from "./sampling-exclusion";

const W = 64;
const H = 32;

/** A level whose right 16 columns are the hole and columns 32–47 excluded. */
function level(): FillLevel {
  const hole = new Uint8Array(W * H);
  const avoid = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    hole.fill(1, y * W + 48, y * W + 64);
    avoid.fill(1, y * W + 32, y * W + 48);
  }
  return { width: W, height: H, bands: 1, colour: new Float32Array(W * H), hole, avoid };
}

describe("sources beside an exclusion", () => {
  it("bars sources whose patch touches an excluded pixel, without making them targets", () => {
    const sites = patchSites(level());
    const at = (x: number, y: number) => y * W + x;
    expect(sites.sourceOk[at(32 - PATCH_RADIUS - 1, 10)]).toBe(1);
    expect(sites.sourceOk[at(32 - PATCH_RADIUS, 10)]).toBe(0);
    expect(sites.sourceOk[at(40, 10)]).toBe(0);
    const targets = new Set(sites.targets);
    expect(targets.has(at(40, 10))).toBe(false);
    expect(targets.has(at(48 - PATCH_RADIUS, 10))).toBe(true);
    expect(targets.has(at(60, 10))).toBe(true);
    for (const s of sites.sources) expect(s % W < 32 - PATCH_RADIUS).toBe(true);
  });

  it("reaches past the excluded columns to as many usable pixels as it would have had", () => {
    const { hole, avoid } = level();
    const distance = distanceToUnmasked(keptPixels(hole), W, H);
    // 10 columns within reach; the 16 excluded next to the hole give none, so 26 are needed
    const reach = reachPastExcluded(distance, hole, avoid!, 10);
    expect(reach).toBeGreaterThanOrEqual(26);
    expect(reach).toBeLessThanOrEqual(27);
    expect(reachPastExcluded(distance, hole, new Uint8Array(W * H), 10)).toBe(10);
    expect(
      reachPastExcluded(
        distance,
        hole,
        hole.map((h) => 1 - h),
        10,
      ),
    ).toBe(Infinity);
  });

  it("grows the context box until it holds as many usable pixels", () => {
    const { hole, avoid } = level();
    const bounds = { x0: 48, y0: 0, x1: 64, y1: H };
    const plain = contextBox(bounds, W, H, 0.4);
    const grown = boxPastExcluded((f) => contextBox(bounds, W, H, 0.4 * f), hole, avoid!, W);
    expect(grown.x0).toBeLessThan(plain.x0);
    const usable = (box: typeof grown) => (box.x1 - box.x0 - 16) * H - 16 * H;
    expect(usable(grown)).toBeGreaterThanOrEqual((plain.x1 - plain.x0 - 16) * H);
    // nothing excluded: the usual box
    const none = new Uint8Array(W * H);
    expect(boxPastExcluded((f) => contextBox(bounds, W, H, 0.4 * f), hole, none, W)).toEqual(plain);
  });

  it("shows an outpaint's layout the excluded pixels as unknown, and leaves the level be", () => {
    const original = level();
    const view = layoutView(original);
    expect(view.hole[40]).toBe(1);
    expect(view.hole[50]).toBe(1);
    expect(view.hole[10]).toBe(0);
    expect(original.hole[40]).toBe(0);
    const plain = { ...original, avoid: undefined };
    expect(layoutView(plain)).toBe(plain);
  });
});
