/** What one run costs in storage. */
export interface RunFootprint {
  id: string;
  createdAt: number;
  /** Source, mask, outline and results. */
  imageBytes: number;
  thumbnailBytes: number;
}

export type PruneStep = { runId: string; drop: "images" | "run" };

/**
 * Frees space oldest first, never touching protected runs (the one on screen, the ones still
 * running): first the full-size images of old runs (their thumbnail and record stay, so the
 * history still shows them), then, if that is not enough, old runs entirely.
 */
export function planPrune(
  runs: readonly RunFootprint[],
  budgetBytes: number,
  protectedIds: ReadonlySet<string>,
): PruneStep[] {
  let total = runs.reduce((sum, r) => sum + r.imageBytes + r.thumbnailBytes, 0);
  if (total <= budgetBytes) return [];
  const oldestFirst = [...runs]
    .filter((r) => !protectedIds.has(r.id))
    .sort((a, b) => a.createdAt - b.createdAt);
  const steps: PruneStep[] = [];
  const imagesDropped = new Set<string>();
  for (const run of oldestFirst) {
    if (total <= budgetBytes) return steps;
    if (run.imageBytes === 0) continue;
    steps.push({ runId: run.id, drop: "images" });
    imagesDropped.add(run.id);
    total -= run.imageBytes;
  }
  for (const run of oldestFirst) {
    if (total <= budgetBytes) break;
    const step: PruneStep = { runId: run.id, drop: "run" };
    const earlier = steps.findIndex((s) => s.runId === run.id);
    if (earlier >= 0) steps[earlier] = step;
    else steps.push(step);
    total -= run.thumbnailBytes + (imagesDropped.has(run.id) ? 0 : run.imageBytes);
  }
  return steps;
}
