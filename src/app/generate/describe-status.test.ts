import { describe, expect, it } from "vitest";
import { describeStatus } from "./describe-status";

describe("describeStatus", () => {
  it("shows progress as a percentage while pending", () => {
    expect(describeStatus("Pending", 0.456, null)).toBe("Pending… 46%");
    expect(describeStatus("Pending", null, null)).toBe("Pending…");
  });

  it("explains failures with the server's reason", () => {
    expect(describeStatus("Error", null, { message: "the mask covers the whole image" })).toBe(
      "Error: the mask covers the whole image",
    );
    expect(describeStatus("Failed", null, null)).toBe("Failed: the job failed");
    expect(describeStatus("Content Moderated", null, null)).toMatch(/withheld/);
  });
});
