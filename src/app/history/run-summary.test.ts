import { describe, expect, it } from "vitest";
import { summariseVariants } from "./run-summary";

describe("summariseVariants", () => {
  it("counts cancelled variants apart from failed ones", () => {
    expect(
      summariseVariants([
        { state: "ready" },
        { state: "cancelled" },
        { state: "failed" },
        { state: "pending" },
        { state: "submitting" },
      ]),
    ).toBe("1 ready · 2 running · 1 failed · 1 cancelled");
  });

  it("leaves out the states no variant is in", () => {
    expect(summariseVariants([{ state: "ready" }, { state: "ready" }])).toBe("2 ready");
    expect(summariseVariants([{ state: "cancelled" }])).toBe("0 ready · 1 cancelled");
  });
});
