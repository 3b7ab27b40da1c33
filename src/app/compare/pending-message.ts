import type { VariantRecord } from "../history/history-db";

/**
 * What the slider's place says while it has nothing to show. A finished variant's images come
 * from the browser's store a moment after its status reads Ready (longer on a busy machine);
 * saying "still running" then contradicted the status beside it.
 */
export function pendingMessage(variants: readonly Pick<VariantRecord, "state">[]): string {
  if (variants.some((v) => v.state === "ready")) return "Loading the result…";
  if (variants.some((v) => v.state === "pending" || v.state === "submitting")) {
    return "No result yet: the variants are still running.";
  }
  return "No result to compare: no variant finished.";
}
