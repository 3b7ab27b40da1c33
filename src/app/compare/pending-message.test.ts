import { describe, expect, it } from "vitest";
import { pendingMessage } from "./pending-message";

describe("pendingMessage", () => {
  it("says the result is loading once a variant is ready, not that it is still running", () => {
    expect(pendingMessage([{ state: "pending" }, { state: "ready" }])).toBe("Loading the result…");
  });

  it("says the variants are running while none is ready", () => {
    expect(pendingMessage([{ state: "submitting" }, { state: "failed" }])).toBe(
      "No result yet: the variants are still running.",
    );
  });

  it("says nothing finished when every variant failed or was cancelled", () => {
    expect(pendingMessage([{ state: "failed" }, { state: "cancelled" }])).toBe(
      "No result to compare: no variant finished.",
    );
  });
});
