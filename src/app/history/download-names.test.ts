import { describe, expect, it } from "vitest";
import { animationFileName, resultFileName, sheetFileName, slug } from "./download-names";
import type { RunTask } from "./run-task";

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
        task: { kind: "inpaint" },
        variant: 1,
        seed: 42,
        extension: "png",
      }),
    ).toBe("fillpaint-1a2b3c4d-my_photo-a-clear-visor-v2-seed42.png");
  });

  it("names a run without a prompt by the task picked, as history captions do, never 'fill'", () => {
    const placement = { x: 0, y: 0, width: 10, height: 10 };
    const tasks: [RunTask | undefined, string][] = [
      [{ kind: "erase" }, "remove"],
      [{ kind: "inpaint" }, "replace"],
      [{ kind: "outpaint", preset: "Make square", placement }, "extend"],
      // Runs stored before tasks were recorded were all Replace.
      [undefined, "replace"],
    ];
    for (const [task, word] of tasks) {
      const result = resultFileName({
        jobId: "1a2b3c4d-5e6f",
        sourceName: "skimage_rocket.png",
        prompt: "  ",
        task,
        variant: 0,
        seed: 7,
        extension: "png",
      });
      expect(result).toBe(`fillpaint-1a2b3c4d-skimage_rocket-${word}-v1-seed7.png`);
      const sheet = sheetFileName({
        source: { name: "cat.png" },
        prompt: "",
        task,
        createdAt: Date.UTC(2026, 0, 2, 3, 4),
      });
      expect(sheet).toBe(`fillpaint-compare-cat-${word}-2026-01-02-03-04.png`);
    }
  });

  it("names a wipe animation like the run's other files: image, prompt or task, variant", () => {
    const run = { source: { name: "cat.png" }, prompt: "A red hat" };
    expect(animationFileName(run, 1, "gif")).toBe("fillpaint-wipe-cat-a-red-hat-v2.gif");
    expect(animationFileName({ ...run, prompt: "", task: { kind: "erase" } }, 0, "webm")).toBe(
      "fillpaint-wipe-cat-remove-v1.webm",
    );
  });

  it("names a comparison sheet by image, prompt and time", () => {
    const run = { source: { name: "cat.png" }, prompt: "A red hat", createdAt: 0 };
    expect(sheetFileName({ ...run, task: { kind: "erase" } })).toBe(
      "fillpaint-compare-cat-a-red-hat-1970-01-01-00-00.png",
    );
  });
});
