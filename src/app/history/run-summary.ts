import type { VariantRecord } from "./history-db";

/**
 * A run's variants in words for its history card, e.g. "2 ready · 1 running · 1 cancelled". A
 * cancelled variant is the user's choice, not a failure, so it is counted apart.
 */
export function summariseVariants(variants: readonly Pick<VariantRecord, "state">[]): string {
  const count = (...states: VariantRecord["state"][]) =>
    variants.filter((v) => states.includes(v.state)).length;
  const parts = [`${count("ready")} ready`];
  const running = count("pending", "submitting");
  const failed = count("failed");
  const cancelled = count("cancelled");
  if (running) parts.push(`${running} running`);
  if (failed) parts.push(`${failed} failed`);
  if (cancelled) parts.push(`${cancelled} cancelled`);
  return parts.join(" · ");
}
