import { blobKey, type RunRecord } from "../history/history-db";
import { readBlob } from "../history/runs-repo";
import { dividerStart, outpaintColumns } from "./divider-start";
import { once, startOverMask, useStart } from "./use-mask-divider-start";

/** Where a run's divider starts (`dividerStart`): over the new area, or the mask's columns. */
async function measureStart(run: RunRecord): Promise<number> {
  const { width } = run.source;
  if (run.task?.kind === "outpaint")
    return dividerStart(width, outpaintColumns(width, run.task.placement));
  const mask = await readBlob(blobKey(run.id, "mask"));
  return mask ? startOverMask(mask, run.source) : 50;
}

/**
 * The divider's first position for a run (percent), worked out once per run: the app's slider
 * and the HTML export start it at the same place.
 */
export const runDividerStart = (run: RunRecord) => once(run.id, () => measureStart(run));

/** `runDividerStart` for the run's slider. */
export const useDividerStart = (run: RunRecord) => useStart(run.id, () => measureStart(run));
