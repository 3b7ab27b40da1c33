import { describe, expect, it } from "vitest";
import { exclusionForRequest } from "./export-exclusion";

/** A 4×2 exclusion with its right half white. */
const exclusion = { data: Uint8Array.from([0, 0, 255, 255, 0, 0, 255, 255]), width: 4, height: 2 };

describe("exclusionForRequest", () => {
  it("sends the image's own exclusion when the file itself is sent", () => {
    expect(exclusionForRequest(exclusion, null)).toBe(exclusion);
  });

  it("places it where the photo sits on a padded frame, the new area not excluded", () => {
    const frame = { width: 8, height: 4, image: { x: 2, y: 1, width: 4, height: 2 } };
    const placed = exclusionForRequest(exclusion, frame);
    expect([placed.width, placed.height]).toEqual([8, 4]);
    const rows = Array.from({ length: 4 }, (_, y) =>
      Array.from(placed.data.subarray(y * 8, y * 8 + 8), (v) => (v ? 1 : 0)).join(""),
    );
    expect(rows).toEqual(["00000000", "00001100", "00001100", "00000000"]);
  });

  it("resamples it when the photo is drawn scaled on the frame", () => {
    const frame = { width: 10, height: 2, image: { x: 0, y: 0, width: 8, height: 2 } };
    const placed = exclusionForRequest({ ...exclusion, height: 2 }, frame);
    expect(Array.from(placed.data.subarray(0, 10), (v) => (v ? 1 : 0)).join("")).toBe("0000111100");
  });
});
