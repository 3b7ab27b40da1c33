import { describe, expect, it } from "vitest";
import { FILL_RANGES, type ProviderInfo } from "../../contract";
import { defaultFormValues, parseForm, taskLimits, variantSeeds } from "./fill-params";

const provider: ProviderInfo = {
  id: "bfl",
  label: "BFL",
  readsPrompt: true,
  ranges: FILL_RANGES,
  outputFormats: ["jpeg", "png"],
  supportsExpand: true,
  outpaintPresets: [],
  minPromptLength: 0,
  unavailableReason: null,
  maxPromptLength: 20,
  maxImagePixels: 1_000_000,
};

describe("taskLimits and the task's form", () => {
  const tools = {
    ...provider,
    tasks: ["erase", "fill", "outpaint"],
    nativeTasks: ["erase", "fill", "outpaint"],
  } satisfies ProviderInfo;
  const mapped = { ...tools, nativeTasks: ["fill"] } satisfies ProviderInfo;

  it("gives BFL's tools their narrower safety scale and webp; fill and mapped tasks keep fill's", () => {
    expect(taskLimits(tools, "erase")).toEqual({
      safety: { min: 0, max: 5, default: 2 },
      formats: ["jpeg", "png", "webp"],
    });
    expect(taskLimits(tools, "fill")).toEqual({
      safety: FILL_RANGES.safety_tolerance,
      formats: ["jpeg", "png"],
    });
    expect(taskLimits(mapped, "erase").formats).toEqual(["jpeg", "png"]);
  });

  it("refuses safety 6 and webp where the task cannot take them, and asks Remove for no prompt", () => {
    const values = {
      ...defaultFormValues(tools),
      safetyTolerance: "6",
      outputFormat: "webp" as const,
    };
    expect(parseForm(values, "a cat", tools, "erase")).toEqual({
      ok: false,
      errors: { safetyTolerance: "Use a value from 0 to 5." },
    });
    expect(parseForm(values, "a cat", tools, "fill")).toEqual({
      ok: false,
      errors: { outputFormat: "This task writes jpeg or png here." },
    });
    const strict = { ...tools, label: "apiframe", minPromptLength: 1 };
    expect(parseForm(defaultFormValues(strict), "", strict, "erase").ok).toBe(true);
    expect(parseForm(defaultFormValues(strict), "", strict, "fill").ok).toBe(false);
  });
});

describe("parseForm", () => {
  it("asks for a prompt where the provider needs one", () => {
    const strict = { ...provider, label: "apiframe", minPromptLength: 1 };
    const parsed = parseForm(defaultFormValues(strict), "  ", strict);
    expect(parsed).toEqual({
      ok: false,
      errors: { prompt: "apiframe needs a prompt describing what should appear." },
    });
  });

  it("accepts the provider's defaults", () => {
    const parsed = parseForm(defaultFormValues(provider), "a cat", provider);
    expect(parsed).toEqual({
      ok: true,
      params: {
        steps: 50,
        guidance: 60,
        safety_tolerance: 2,
        output_format: "png",
        prompt_upsampling: false,
        seed: null,
        variants: 1,
      },
    });
  });

  it("explains each out-of-range or malformed value", () => {
    const parsed = parseForm(
      {
        ...defaultFormValues(provider),
        steps: "51",
        guidance: "abc",
        safetyTolerance: "2.5",
        seedLocked: true,
        seed: "",
        variants: 5,
      },
      "x".repeat(21),
      provider,
    );
    expect(parsed).toEqual({
      ok: false,
      errors: {
        steps: "Use a value from 15 to 50.",
        guidance: "Enter a number.",
        safetyTolerance: "Use a whole number.",
        seed: "Enter a number.",
        variants: "Choose 1 to 4 variants.",
        prompt: "The prompt is 21 characters; the limit is 20.",
      },
    });
  });
});

describe("variantSeeds", () => {
  const params = {
    steps: 50,
    guidance: 60,
    safety_tolerance: 2,
    output_format: "png" as const,
    prompt_upsampling: false,
    variants: 3,
  };

  it("counts up from a locked seed", () => {
    expect(variantSeeds({ ...params, seed: 41 })).toEqual([41, 42, 43]);
  });

  it("draws distinct random seeds", () => {
    const draws = [0.5, 0.5, 0.25, 0.75];
    const seeds = variantSeeds({ ...params, seed: null }, () => draws.shift() ?? 0);
    expect(seeds).toHaveLength(3);
    expect(new Set(seeds).size).toBe(3);
  });
});
