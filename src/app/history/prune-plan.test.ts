import { describe, expect, it } from "vitest";
import { planPrune, type RunFootprint } from "./prune-plan";

const run = (id: string, createdAt: number, imageBytes: number): RunFootprint => ({
  id,
  createdAt,
  imageBytes,
  thumbnailBytes: 10,
});

describe("planPrune", () => {
  const runs = [run("new", 3, 100), run("old", 1, 100), run("mid", 2, 100)];

  it("does nothing within the budget", () => {
    expect(planPrune(runs, 330, new Set())).toEqual([]);
  });

  it("drops the oldest full-size images first and keeps thumbnails", () => {
    expect(planPrune(runs, 230, new Set())).toEqual([{ runId: "old", drop: "images" }]);
    expect(planPrune(runs, 130, new Set())).toEqual([
      { runId: "old", drop: "images" },
      { runId: "mid", drop: "images" },
    ]);
  });

  it("never touches protected runs, and drops whole old runs only when images are not enough", () => {
    expect(planPrune(runs, 125, new Set(["new"]))).toEqual([
      { runId: "old", drop: "run" },
      { runId: "mid", drop: "images" },
    ]);
    expect(planPrune(runs, 0, new Set(["new"]))).toEqual([
      { runId: "old", drop: "run" },
      { runId: "mid", drop: "run" },
    ]);
  });
});
