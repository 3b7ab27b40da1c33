import { describe, expect, it } from "vitest";
import { applyHistoryDelta, historyDelta } from "./history-delta";

const a = { n: "a" };
const b = { n: "b" };
const c = { n: "c" };
const d = { n: "d" };

describe("historyDelta", () => {
  it("keeps the shared start and adds what follows it", () => {
    expect(historyDelta([a, b], [a, b, c])).toEqual({ keep: 2, add: [c] });
    // An undo, then a new step: the undone one is gone, the new one follows the shared part.
    expect(historyDelta([a, b, c], [a, b, d])).toEqual({ keep: 2, add: [d] });
    expect(historyDelta([a, b, c], [a])).toEqual({ keep: 1, add: [] });
  });

  it("compares by identity: an equal copy is a new item (a folded history starts over)", () => {
    expect(historyDelta([a, b], [{ n: "a" }, b])).toEqual({ keep: 0, add: [{ n: "a" }, b] });
  });

  it("applies back to the current list, and refuses a saved list shorter than it kept", () => {
    for (const [saved, current] of [
      [
        [a, b],
        [a, b, c],
      ],
      [
        [a, b, c],
        [a, d],
      ],
      [[], [c]],
      [[a], []],
    ]) {
      expect(applyHistoryDelta(saved!, historyDelta(saved!, current!))).toEqual(current);
    }
    expect(applyHistoryDelta([a], { keep: 2, add: [c] })).toBeNull();
  });
});
