import { describe, expect, it } from "vitest";
import { maskCoversEverything } from "./mask-coverage";

describe("maskCoversEverything", () => {
  it("is true only when no pixel is kept, for 0/1 and 0/255 masks alike", () => {
    expect(maskCoversEverything(new Uint8Array([255, 255, 1]))).toBe(true);
    expect(maskCoversEverything(new Uint8Array([255, 0, 255]))).toBe(false);
    expect(maskCoversEverything(new Uint8Array([0]))).toBe(false);
  });
});
