import { describe, expect, it } from "vitest";
import { describeStatus, describeSubmitError } from "./describe-status";

describe("describeStatus", () => {
  it("shows progress as a percentage while pending", () => {
    expect(describeStatus("Pending", 0.456, null).text).toBe("Pending… 46%");
    expect(describeStatus("Pending", null, null).text).toBe("Pending…");
  });

  it("explains failures with the server's reason and says whether to retry", () => {
    expect(describeStatus("Error", null, { message: "the mask covers the whole image" })).toEqual({
      text: "Error: the mask covers the whole image. Retry, or change the mask.",
      retryable: true,
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
