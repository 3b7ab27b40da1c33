import { describe, expect, it } from "vitest";
import type { MaskOp } from "../editor/mask-op";
import { byteRuns, bytesFromRuns, journalFromJson, journalToJson } from "./journal-json";

describe("journal JSON", () => {
  it("writes bytes as runs of equal values", () => {
    expect(byteRuns(new Uint8Array([0, 0, 0, 255, 255, 7]))).toEqual([0, 3, 255, 2, 7, 1]);
    expect(byteRuns(new Uint8Array(0))).toEqual([]);
    expect([...bytesFromRuns([0, 3, 255, 2, 7, 1])]).toEqual([0, 0, 0, 255, 255, 7]);
  });

  it("round-trips mask operations, pixels included", () => {
    const data = new Uint8Array(64 * 64);
    data.fill(255, 640, 2000);
    data[3000] = 128;
    const ops: MaskOp[] = [
      { kind: "stroke", mode: "add", points: [1, 2, 30.5, 40], size: 12 },
      { kind: "selection", mode: "cut", box: { x: 3, y: 4, width: 64, height: 64 }, data },
      { kind: "bitmap", data: new Uint8Array([0, 255, 255]) },
      { kind: "invert" },
    ];
    const back = journalFromJson(journalToJson({ ops })) as { ops: MaskOp[] };
    expect(back.ops).toEqual(ops);
    expect(back.ops[1]).toMatchObject({ data: expect.any(Uint8Array) });
  });

  it("keeps a 12 MP mask of a few shapes within a few kilobytes", () => {
    const width = 4000;
    const mask = new Uint8Array(width * 3000);
    for (let y = 1000; y < 2000; y++) mask.fill(255, y * width + 1500, y * width + 2500);
    expect(journalToJson({ kind: "bitmap", data: mask }).length).toBeLessThan(20_000);
  });
});
