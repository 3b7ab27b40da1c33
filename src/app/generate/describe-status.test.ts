import { describe, expect, it } from "vitest";
import { PROXY_RESTARTED } from "../../job-failures";
import { MASK_COVERS_EVERYTHING } from "../../mask-coverage";
import { describeStatus, describeSubmitError } from "./describe-status";

describe("describeStatus", () => {
  it("shows progress as a percentage while pending", () => {
    expect(describeStatus("Pending", 0.456, null).text).toBe("Pending… 46%");
    expect(describeStatus("Pending", null, null).text).toBe("Pending…");
  });

  it("explains failures with the server's reason and says whether to retry", () => {
    expect(describeStatus("Error", null, { message: "the worker ran out of memory" })).toEqual({
      text: "The worker ran out of memory. Retry, or change the mask.",
      retryable: true,
    });
    // The engine's refusal of a mask over everything cannot be fixed by a retry.
    expect(describeStatus("Error", null, { message: MASK_COVERS_EVERYTHING })).toMatchObject({
      retryable: false,
    });
    expect(describeStatus("Failed", null, null).text).toBe("Failed: the job failed.");
    expect(describeStatus("Failed", null, { message: "upstream said no." }).text).toBe(
      "Failed: upstream said no.",
    );
    expect(describeStatus("Content Moderated", null, null)).toMatchObject({ retryable: true });
    expect(describeStatus("Content Moderated", null, null).text).toMatch(/withheld/);
    expect(describeStatus("Request Moderated", null, null)).toMatchObject({ retryable: false });
    expect(describeStatus("Task not found", null, null).text).toMatch(/restarted/);
  });
});

describe("a failed job's message", () => {
  const failure = (message: string | null) =>
    describeStatus("Error", null, message === null ? null : { message }).text;

  it("reads as one clean sentence pair after a restart: one full stop, no label, one advice", () => {
    expect(failure(PROXY_RESTARTED)).toBe(
      "The proxy restarted while this fill was running. Retry to run it again.",
    );
    expect(describeStatus("Error", null, { message: PROXY_RESTARTED }).retryable).toBe(true);
  });

  it("never doubles a full stop nor shows a raw 'Error:' label, whatever the reason's form", () => {
    const reasons = [
      null,
      "the worker ran out of memory",
      "The upstream timed out.",
      "Error: upstream returned 500.",
      "The proxy restarted while this local fill was running; local fills are not resumed. Submit it again.",
      "Is the model loaded?",
      MASK_COVERS_EVERYTHING,
    ];
    for (const reason of reasons) {
      const text = failure(reason);
      expect(text).not.toMatch(/\.\./);
      expect(text).not.toMatch(/^Error:/);
      expect(text).toMatch(/^[A-Z]/);
    }
    expect(failure("Error: upstream returned 500.")).toBe(
      "Upstream returned 500. Retry, or change the mask.",
    );
    expect(failure(null)).toBe("The fill failed. Retry, or change the mask.");
    expect(failure(MASK_COVERS_EVERYTHING)).toBe(
      "The mask covers the whole image: there is nothing to fill from. Leave part of the image unpainted.",
    );
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
