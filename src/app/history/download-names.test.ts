import { describe, expect, it } from "vitest";
import { resultFileName, sheetFileName, slug } from "./download-names";

describe("download names", () => {
  it("slugs prompts safely", () => {
    expect(slug("  A café, on the MOON!  ")).toBe("a-cafe-on-the-moon");
    expect(slug("x".repeat(60))).toHaveLength(40);
    expect(slug("!!!")).toBe("");
  });

  it("names a result by job, image, prompt, variant and seed", () => {
    expect(
      resultFileName({
        jobId: "1a2b3c4d-5e6f-0000-0000-000000000000",
        sourceName: "my photo.jpeg",
        prompt: "a clear visor",
        variant: 1,
        seed: 42,
        extension: "png",
      }),
    ).toBe("fillpaint-1a2b3c4d-my_photo-a-clear-visor-v2-seed42.png");
  });

  it("names a comparison sheet by image, prompt and time", () => {
    expect(sheetFileName("cat.png", "", Date.UTC(2026, 0, 2, 3, 4))).toBe(
      "fillpaint-compare-cat-fill-2026-01-02-03-04.png",
    );
  });
});
