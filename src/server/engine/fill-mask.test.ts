import { describe, expect, it } from "vitest";
import { maskFromAlpha, maskFromGray } from "./fill-mask";

describe("fill masks", () => {
  it("thresholds a grey mask at 128: white repaints, black keeps", () => {
    expect([...maskFromGray(new Uint8Array([0, 127, 128, 255]))]).toEqual([0, 0, 1, 1]);
  });

  it("repaints every pixel that is not fully opaque", () => {
    const rgba = new Uint8Array([9, 9, 9, 255, 9, 9, 9, 0, 9, 9, 9, 254]);
    expect([...maskFromAlpha(rgba)]).toEqual([0, 1, 1]);
  });
});
