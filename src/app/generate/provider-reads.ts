import type { ProviderInfo } from "../../contract";

/** The form's settings that a provider may or may not read. */
export type ProviderSetting = "prompt" | "steps" | "guidance" | "safety" | "upsampling";

export interface ProviderReads {
  reads: ReadonlySet<ProviderSetting>;
  /** One line saying why the settings it ignores are hidden; null when it reads them all. */
  why: string | null;
}

const ALL: ProviderSetting[] = ["prompt", "steps", "guidance", "safety", "upsampling"];

/**
 * What the selected provider reads, from what `/api/config` says about it. A provider that does
 * not read the prompt fills from the surrounding pixels (the local engine): it has no sampler,
 * so steps, guidance, safety and upsampling mean nothing to it either. Seed, format and variants
 * every provider reads.
 */
export function providerReads(
  provider: Pick<ProviderInfo, "label" | "readsPrompt">,
): ProviderReads {
  if (provider.readsPrompt) return { reads: new Set(ALL), why: null };
  return {
    reads: new Set(),
    why: `${provider.label} fills from nearby pixels and does not read the prompt, steps, guidance, safety or upsampling.`,
  };
}
