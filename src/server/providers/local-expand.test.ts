import { describe, expect, it } from "vitest";
import { expandMask } from "./local-expand";

describe("expandMask", () => {
  it("marks exactly the added border", () => {
    const mask = expandMask(5, 4, { top: 1, bottom: 0, left: 2, right: 1 });
    // prettier-ignore
    expect([...mask]).toEqual([1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0, 0, 1]);
  });

  it("is all zero when nothing is added", () => {
    expect(expandMask(3, 2, { top: 0, bottom: 0, left: 0, right: 0 }).every((v) => v === 0)).toBe(
      true,
    );
  });
});
