import { describe, expect, it } from "vitest";
import { providerReads } from "./provider-reads";

describe("providerReads", () => {
  it("a prompt-driven provider reads every setting and needs no explanation", () => {
    const { reads, why } = providerReads({ label: "BFL", readsPrompt: true });
    expect([...reads].sort()).toEqual(["guidance", "prompt", "safety", "steps", "upsampling"]);
    expect(why).toBeNull();
  });

  it("a pixel-based fill reads none of them, and says so in one line", () => {
    const { reads, why } = providerReads({ label: "Local fill engine", readsPrompt: false });
    expect(reads.size).toBe(0);
    expect(why).toBe(
      "Local fill engine fills from nearby pixels and does not read the prompt, steps, guidance, safety or upsampling.",
    );
  });
});
