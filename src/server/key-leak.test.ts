import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BFL_KEY = "sk-bfl-build-canary-3e9d";
const APIFRAME_KEY = "af-build-canary-41aa";

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe("the built SPA", () => {
  it("contains no API key even when the keys are in the build's environment", async () => {
    const outDir = mkdtempSync(join(tmpdir(), "fillpaint-spa-"));
    const saved = { bfl: process.env.BFL_API_KEY, apiframe: process.env.APIFRAME_API_KEY };
    process.env.BFL_API_KEY = BFL_KEY;
    process.env.APIFRAME_API_KEY = APIFRAME_KEY;
    try {
      await build({ root: ROOT, logLevel: "silent", build: { outDir, emptyOutDir: true } });
    } finally {
      process.env.BFL_API_KEY = saved.bfl;
      process.env.APIFRAME_API_KEY = saved.apiframe;
      if (saved.bfl === undefined) delete process.env.BFL_API_KEY;
      if (saved.apiframe === undefined) delete process.env.APIFRAME_API_KEY;
    }
    const files = filesUnder(outDir);
    expect(files.some((f) => f.endsWith(".js"))).toBe(true);
    for (const file of files) {
      const text = readFileSync(file).toString("latin1");
      expect(text, file).not.toContain(BFL_KEY);
      expect(text, file).not.toContain(APIFRAME_KEY);
    }
  }, 120_000);
});
