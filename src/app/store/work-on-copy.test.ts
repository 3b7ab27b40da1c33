import { describe, expect, it } from "vitest";
import { useAppStore } from "./store";

const original = { url: "blob:original", name: "camera.jpg", width: 6000, height: 4000 };
const copy = { url: "blob:copy", name: "camera.jpg", width: 3000, height: 2000 };

describe("workOnCopy", () => {
  it("swaps in the copy with the mask history scaled step by step, the rest kept", () => {
    const store = useAppStore.getState();
    store.openDocument(original);
    store.setPrompt("a plain wall");
    store.commitMaskOp({ kind: "rect", mode: "add", x: 600, y: 400, width: 200, height: 100 });
    store.commitMaskOp({ kind: "stroke", mode: "cut", points: [0, 0, 6000, 4000], size: 160 });
    useAppStore.getState().undo();
    const before = useAppStore.getState();

    useAppStore.getState().workOnCopy(copy);
    const after = useAppStore.getState();
    expect(after.image).toBe(copy);
    expect(after.maskOps).toEqual([
      { kind: "rect", mode: "add", x: 300, y: 200, width: 100, height: 50 },
    ]);
    expect(after.redoOps).toEqual([
      { kind: "stroke", mode: "cut", points: [0, 0, 3000, 2000], size: 80 },
    ]);
    expect(after.brushSize).toBe(Math.round(before.brushSize / 2));
    expect(after.prompt).toBe("a plain wall");

    // The undone step comes back at the copy's scale.
    after.redo();
    expect(useAppStore.getState().maskOps).toHaveLength(2);

    // And the original can be put back as it was.
    useAppStore.getState().restoreDocument({
      image: original,
      maskOps: before.maskOps,
      redoOps: before.redoOps,
      excludeOps: before.excludeOps,
      excludeRedoOps: before.excludeRedoOps,
      outpaint: before.outpaint,
      outpaintOverlap: before.outpaintOverlap,
    });
    expect(useAppStore.getState().image).toBe(original);
    expect(useAppStore.getState().maskOps).toEqual(before.maskOps);
  });
});
