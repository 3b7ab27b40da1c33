import { useEffect, useState } from "react";
import { blobKey, type RunRecord } from "../history/history-db";
import { readBlob } from "../history/runs-repo";
import { decodeRgba } from "../lib/decode-image";
import { dividerStart, outpaintColumns, paintedColumns } from "./divider-start";

/** A divider's position needs no more columns than this: the mask is read this wide at most. */
const READ_WIDTH = 512;

const starts = new Map<string, Promise<number>>();

/** Where a run's divider starts (`dividerStart`): over the new area, or the mask's columns. */
async function measureStart(run: RunRecord): Promise<number> {
  const { width, height } = run.source;
  if (run.task?.kind === "outpaint")
    return dividerStart(width, outpaintColumns(width, run.task.placement));
  const mask = await readBlob(blobKey(run.id, "mask"));
  if (!mask) return 50;
  const read = { width: Math.min(READ_WIDTH, width), height: 0 };
  read.height = Math.max(1, Math.round((height * read.width) / width));
  const { rgba } = await decodeRgba(mask, read);
  return dividerStart(read.width, paintedColumns(rgba, read.width, read.height));
}

/**
 * The divider's first position for a run (percent), worked out once per run: the app's slider
 * and the HTML export start it at the same place.
 */
export function runDividerStart(run: RunRecord): Promise<number> {
  let made = starts.get(run.id);
  if (!made) {
    // A mask that cannot be read leaves the divider in the middle, as before.
    made = measureStart(run).catch(() => 50);
    starts.set(run.id, made);
  }
  return made;
}

/**
 * `runDividerStart` for a slider; undefined until known, so the slider is first drawn where it
 * crosses the change instead of jumping there.
 */
export function useDividerStart(run: RunRecord): number | undefined {
  const [start, setStart] = useState<{ runId: string; percent: number }>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a run's mask and task never change
  useEffect(() => {
    let live = true;
    void runDividerStart(run).then((percent) => {
      if (live) setStart({ runId: run.id, percent });
    });
    return () => {
      live = false;
    };
  }, [run.id]);
  return start?.runId === run.id ? start.percent : undefined;
}
