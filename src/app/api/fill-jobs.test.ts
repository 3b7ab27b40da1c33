import { describe, expect, it } from "vitest";
import { pollInterval } from "./fill-jobs";

describe("pollInterval", () => {
  it("polls quickly while a job is young, then backs off to a ceiling", () => {
    expect(pollInterval(0)).toBe(400);
    expect(pollInterval(9)).toBe(400);
    expect(pollInterval(12)).toBeGreaterThan(600);
    expect(pollInterval(100)).toBe(3000);
    for (let n = 1; n < 60; n++)
      expect(pollInterval(n)).toBeGreaterThanOrEqual(pollInterval(n - 1));
  });
});
