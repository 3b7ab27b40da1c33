import { describe, expect, it } from "vitest";
import { type BenchRun, compareBenchRuns } from "./bench-engine-compare";

const run = (cases: [string, number, number][], belowSmear: string[], texture: string[]) =>
  ({
    cases: cases.map(([name, engine, smear]) => ({
      case: name,
      engine: { layoutDb: engine, texture: 1 },
      smear: { layoutDb: smear, texture: 0.1 },
    })),
    casesLayoutBelowSmear: belowSmear,
    casesTextureOutOfRange: texture,
  }) satisfies BenchRun;

describe("compareBenchRuns", () => {
  const before = run(
    [
      ["forest-right-third", 20.79, 17.07],
      ["dusk-right-third", 21.73, 21.59],
      ["bird-top-third", 16.35, 18.97],
      ["horse-zoom-ring", 8.85, 8.6],
    ],
    ["bird-top-third"],
    ["horse-zoom-ring"],
  );
  const after = run(
    [
      ["forest-right-third", 19.27, 17.07],
      ["dusk-right-third", 21.5, 21.59],
      ["bird-top-third", 16.37, 18.97],
      ["cat-zoom-ring", 17.5, 17.4],
    ],
    ["bird-top-third", "dusk-right-third"],
    [],
  );

  it("lists the cases that moved, worst first, and leaves out the ones that barely did", () => {
    const { changed } = compareBenchRuns(before, after, 0.05);
    expect(changed.map((c) => c.case)).toEqual(["forest-right-third", "dusk-right-third"]);
    expect(changed[0]).toEqual({
      case: "forest-right-third",
      beforeDb: 20.79,
      afterDb: 19.27,
      changeDb: -1.52,
      smearDb: 17.07,
    });
  });

  it("says which cases crossed a target either way, over the cases both runs have", () => {
    const comparison = compareBenchRuns(before, after, 0.05);
    expect(comparison.belowSmear).toEqual({
      before: 1,
      after: 2,
      newly: ["dusk-right-third"],
      noLonger: [],
    });
    // the horse is in the first run only: it neither left the list nor counts in it
    expect(comparison.textureOutOfRange).toEqual({ before: 0, after: 0, newly: [], noLonger: [] });
    expect(comparison.unmatched).toEqual(["horse-zoom-ring", "cat-zoom-ring"]);
    expect(comparison.cases).toBe(3);
    expect(comparison.meanLayoutDb.before).toBeCloseTo((20.79 + 21.73 + 16.35) / 3, 3);
    expect(comparison.meanLayoutDb.change).toBeCloseTo((-1.52 - 0.23 + 0.02) / 3, 3);
  });

  it("compares the mean seams figure when both runs have it, and says null when one does not", () => {
    const withSeams = (r: BenchRun, seams: number[]): BenchRun => ({
      ...r,
      cases: r.cases.map((c, i) => ({ ...c, engine: { ...c.engine, seams: seams[i]! } })),
    });
    const comparison = compareBenchRuns(
      withSeams(before, [0.2, 0.1, 0.0, 0.5]),
      withSeams(after, [0.1, 0.1, 0.05, 0.9]),
      0.05,
    );
    // over the three cases both runs have: (0.2 + 0.1 + 0) / 3 → (0.1 + 0.1 + 0.05) / 3
    expect(comparison.meanSeams).toEqual({ before: 0.1, after: 0.083, change: -0.017 });
    expect(compareBenchRuns(before, withSeams(after, [0, 0, 0, 0]), 0.05).meanSeams).toBeNull();
  });
});
