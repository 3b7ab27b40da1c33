import { describe, expect, it } from "vitest";
import { describeTask, promptOrNone, runTaskOf } from "./run-task";

describe("runTaskOf", () => {
  it("is an inpaint without a frame, or an erase when removing", () => {
    expect(runTaskOf({ image: { width: 600, height: 400 }, outpaint: null })).toEqual({
      kind: "inpaint",
    });
    expect(
      runTaskOf({ image: { width: 600, height: 400 }, outpaint: null, removing: true }),
    ).toEqual({ kind: "erase" });
  });

  it("keeps the preset and where the photo sits on the rounded canvas", () => {
    const task = runTaskOf({
      image: { width: 600, height: 400 },
      outpaint: { preset: "Right outpaint", padding: { top: 0, right: 300, bottom: 0, left: 0 } },
    });
    // 900×400 rounds up to 928×400: the extra width goes to the extended (right) side, the
    // height, not extended, stays the photo's.
    expect(task).toEqual({
      kind: "outpaint",
      preset: "Right outpaint",
      placement: { x: 0, y: 0, width: 600, height: 400 },
    });
  });
});

describe("describeTask and promptOrNone", () => {
  it("name the task and word a missing prompt one way", () => {
    expect(describeTask(undefined)).toBe("Replace");
    expect(describeTask({ kind: "inpaint" })).toBe("Replace");
    expect(describeTask({ kind: "erase" })).toBe("Remove");
    expect(
      describeTask({
        kind: "outpaint",
        preset: "Make square",
        placement: { x: 0, y: 0, width: 1, height: 1 },
      }),
    ).toBe("Extend · Make square");
    expect(
      describeTask({
        kind: "outpaint",
        preset: "Custom",
        placement: { x: 0, y: 0, width: 1, height: 1 },
      }),
    ).toBe("Extend · custom frame");
    expect(promptOrNone("  ")).toBe("No prompt");
    expect(promptOrNone("a red kite")).toBe("a red kite");
  });
});
