import {
  type ParamRange,
  type ProviderInfo,
  type TaskId,
  type ToolOutputFormat,
  toolSafetyRange,
} from "../../contract";

export const MAX_VARIANTS = 4;
/** BFL takes any integer seed; we stay within 32 bits so every client can repeat it. */
export const MAX_SEED = 2 ** 32 - 1;

/**
 * The form as typed: numbers stay text until validated, so a half-typed value is shown as
 * typed and explained instead of being silently replaced.
 */
export interface FormValues {
  steps: string;
  guidance: string;
  safetyTolerance: string;
  outputFormat: ToolOutputFormat;
  promptUpsampling: boolean;
  seedLocked: boolean;
  seed: string;
  variants: number;
}

/** The validated parameters of a run, as sent (seed per variant is chosen separately). */
export interface RunParams {
  steps: number;
  guidance: number;
  safety_tolerance: number;
  output_format: ToolOutputFormat;
  prompt_upsampling: boolean;
  /** The first seed when locked; null when each variant draws a random one. */
  seed: number | null;
  variants: number;
}

export type FieldErrors = Partial<Record<keyof FormValues | "prompt", string>>;

export function defaultFormValues(provider: ProviderInfo): FormValues {
  const { steps, guidance, safety_tolerance } = provider.ranges;
  return {
    steps: String(steps.default),
    guidance: String(guidance.default),
    safetyTolerance: String(safety_tolerance.default),
    outputFormat: provider.outputFormats.includes("png") ? "png" : provider.outputFormats[0]!,
    promptUpsampling: false,
    seedLocked: false,
    seed: "",
    variants: 1,
  };
}

/**
 * What a task's endpoint accepts on this provider: BFL's tools (erase, outpainting) take a
 * narrower safety scale than fill and also write webp; a task the provider maps onto its fill
 * keeps fill's.
 */
export function taskLimits(
  provider: ProviderInfo,
  task: TaskId,
): { safety: ParamRange; formats: readonly ToolOutputFormat[] } {
  const tool = task !== "fill" && (provider.nativeTasks ?? []).includes(task);
  if (!tool) return { safety: provider.ranges.safety_tolerance, formats: provider.outputFormats };
  return { safety: toolSafetyRange(provider), formats: [...provider.outputFormats, "webp"] };
}

type Parsed = { ok: true; params: RunParams } | { ok: false; errors: FieldErrors };

/**
 * Checks the form against the provider's ranges for the task and says what is wrong, field by
 * field. Remove reads no prompt, so it asks for none.
 */
export function parseForm(
  values: FormValues,
  prompt: string,
  provider: ProviderInfo,
  task: TaskId = "fill",
): Parsed {
  const errors: FieldErrors = {};
  const { ranges } = provider;
  const limits = taskLimits(provider, task);
  const number = (
    field: keyof FormValues,
    text: string,
    range: { min: number; max: number },
    integer: boolean,
  ): number => {
    const value = Number(text.trim());
    if (text.trim() === "" || !Number.isFinite(value)) {
      errors[field] = "Enter a number.";
    } else if (integer && !Number.isInteger(value)) {
      errors[field] = "Use a whole number.";
    } else if (value < range.min || value > range.max) {
      errors[field] = `Use a value from ${range.min} to ${range.max}.`;
    }
    return value;
  };
  const steps = number("steps", values.steps, ranges.steps, true);
  const guidance = number("guidance", values.guidance, ranges.guidance, false);
  const safety = number("safetyTolerance", values.safetyTolerance, limits.safety, true);
  const seed = values.seedLocked
    ? number("seed", values.seed, { min: 0, max: MAX_SEED - (values.variants - 1) }, true)
    : null;
  if (!limits.formats.includes(values.outputFormat)) {
    errors.outputFormat = `This task writes ${limits.formats.join(" or ")} here.`;
  }
  if (!Number.isInteger(values.variants) || values.variants < 1 || values.variants > MAX_VARIANTS) {
    errors.variants = `Choose 1 to ${MAX_VARIANTS} variants.`;
  }
  if (task !== "erase" && prompt.trim().length < provider.minPromptLength) {
    errors.prompt = `${provider.label} needs a prompt describing what should appear.`;
  }
  if (task !== "erase" && prompt.length > provider.maxPromptLength) {
    errors.prompt = `The prompt is ${prompt.length} characters; the limit is ${provider.maxPromptLength}.`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    params: {
      steps,
      guidance,
      safety_tolerance: safety,
      output_format: values.outputFormat,
      prompt_upsampling: values.promptUpsampling,
      seed,
      variants: values.variants,
    },
  };
}

/**
 * One seed per variant, all different: consecutive from a locked seed (so a run can be repeated
 * exactly), otherwise drawn at random.
 */
export function variantSeeds(params: RunParams, random: () => number = Math.random): number[] {
  if (params.seed !== null) {
    const first = params.seed;
    return Array.from({ length: params.variants }, (_, i) => first + i);
  }
  const seeds = new Set<number>();
  while (seeds.size < params.variants) seeds.add(Math.floor(random() * MAX_SEED));
  return [...seeds];
}
