import { beforeEach, describe, expect, it } from "vitest";
import type { MaskOp } from "../editor/mask-op";
import { useAppStore } from "./store";

const image = { url: "blob:a", name: "a.png", width: 400, height: 300 };
const rect = (x: number): MaskOp => ({
  kind: "rect",
  mode: "add",
  x,
  y: 10,
  width: 20,
  height: 20,
});

describe("paint layers", () => {
  beforeEach(() => useAppStore.getState().openDocument(image));

  it("paints, undoes and redoes only the layer chosen, each with its own history", () => {
    const s = () => useAppStore.getState();
    s().commitMaskOp(rect(1));
    s().setPaintLayer("exclude");
    s().commitMaskOp(rect(2));
    s().commitMaskOp(rect(3));
    expect(s().maskOps).toEqual([rect(1)]);
    expect(s().excludeOps).toEqual([rect(2), rect(3)]);

    s().undo();
    expect(s().excludeOps).toEqual([rect(2)]);
    expect(s().excludeRedoOps).toEqual([rect(3)]);
    expect(s().maskOps).toEqual([rect(1)]);
    expect(s().redoOps).toEqual([]);

    // Back on the mask: undo takes the mask's last step, and the exclusion's redo is kept.
    s().setPaintLayer("mask");
    s().undo();
    expect(s().maskOps).toEqual([]);
    expect(s().redoOps).toEqual([rect(1)]);
    expect(s().excludeRedoOps).toEqual([rect(3)]);

    // A new step discards only its own layer's redo.
    s().commitMaskOp(rect(4));
    expect(s().redoOps).toEqual([]);
    expect(s().excludeRedoOps).toEqual([rect(3)]);
    s().setPaintLayer("exclude");
    s().redo();
    expect(s().excludeOps).toEqual([rect(2), rect(3)]);
  });

  it("starts a newly opened image with both layers empty, painting the mask", () => {
    const s = () => useAppStore.getState();
    s().setPaintLayer("exclude");
    s().commitMaskOp(rect(2));
    s().openDocument({ ...image, url: "blob:b" });
    expect(s().excludeOps).toEqual([]);
    expect(s().excludeRedoOps).toEqual([]);
    expect(s().paintLayer).toBe("mask");
  });

  it("scales the exclusion with the mask when working on a smaller copy", () => {
    const s = () => useAppStore.getState();
    s().setPaintLayer("exclude");
    s().commitMaskOp({ kind: "rect", mode: "add", x: 200, y: 100, width: 40, height: 20 });
    s().workOnCopy({ ...image, url: "blob:copy", width: 200, height: 150 });
    expect(s().excludeOps).toEqual([
      { kind: "rect", mode: "add", x: 100, y: 50, width: 20, height: 10 },
    ]);
  });
});
