import { describe, expect, it } from "vitest";
import { MASK_COVERS_EVERYTHING } from "../../mask-coverage";
import { describeStatus, describeSubmitError } from "./describe-status";

describe("describeStatus", () => {
  it("shows progress as a percentage while pending", () => {
    expect(describeStatus("Pending", 0.456, null).text).toBe("Pending… 46%");
    expect(describeStatus("Pending", null, null).text).toBe("Pending…");
  });

  it("explains failures with the server's reason and says whether to retry", () => {
    expect(describeStatus("Error", null, { message: "the worker ran out of memory" })).toEqual({
      text: "Error: the worker ran out of memory. Retry, or change the mask.",
      retryable: true,
    });
    // The engine's refusal of a mask over everything cannot be fixed by a retry.
    expect(describeStatus("Error", null, { message: MASK_COVERS_EVERYTHING })).toMatchObject({
      retryable: false,
    });
    expect(describeStatus("Failed", null, null).text).toBe("Failed: the job failed.");
    expect(describeStatus("Content Moderated", null, null)).toMatchObject({ retryable: true });
    expect(describeStatus("Content Moderated", null, null).text).toMatch(/withheld/);
    expect(describeStatus("Request Moderated", null, null)).toMatchObject({ retryable: false });
    expect(describeStatus("Task not found", null, null).text).toMatch(/restarted/);
  });
});

describe("describeSubmitError", () => {
  it("names credits, rate limits and lost connections", () => {
    expect(describeSubmitError(402, "x").text).toMatch(/^Out of credits/);
    expect(describeSubmitError(429, "x").text).toMatch(/^Too many requests/);
    expect(describeSubmitError(0, "x").text).toMatch(/^Cannot reach the Fillpaint server/);
    expect(describeSubmitError(422, "mask: wrong size")).toEqual({
      text: "The request was refused: mask: wrong size",
      retryable: false,
    });
  });
});
