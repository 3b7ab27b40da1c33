import { useEffect, useState } from "react";
import { decodeRgba } from "../lib/decode-image";
import { dividerStart, paintedColumns } from "./divider-start";

/** A divider's position needs no more columns than this: the mask is read this wide at most. */
const READ_WIDTH = 512;

/**
 * Where the divider starts over a mask file (the run's mask, or a share's outline, which traces
 * the mask's border and so spans the same columns): the middle of its painted columns.
 */
export async function startOverMask(file: Blob, size: { width: number; height: number }) {
  const width = Math.min(READ_WIDTH, size.width);
  const height = Math.max(1, Math.round((size.height * width) / size.width));
  const { rgba } = await decodeRgba(file, { width, height });
  return dividerStart(width, paintedColumns(rgba, width, height));
}

const starts = new Map<string, Promise<number>>();

/** Worked out once per key; a mask that cannot be read leaves the divider in the middle. */
export function once(key: string, measure: () => Promise<number>): Promise<number> {
  let made = starts.get(key);
  if (!made) {
    made = measure().catch(() => 50);
    starts.set(key, made);
  }
  return made;
}

/** A promised start for a slider: undefined until known, so the slider never jumps there. */
export function useStart(key: string | null, measure: () => Promise<number>): number | undefined {
  const [start, setStart] = useState<{ key: string; percent: number }>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: what is measured follows from the key
  useEffect(() => {
    if (key === null) return;
    let live = true;
    void once(key, measure).then((percent) => {
      if (live) setStart({ key, percent });
    });
    return () => {
      live = false;
    };
  }, [key]);
  if (key === null) return 50;
  return start?.key === key ? start.percent : undefined;
}

/**
 * The start over a shared run, from its outline (a review page has no mask); 50 without one.
 */
export function useOutlineDividerStart(
  outlineUrl: string | null,
  size: { width: number; height: number },
): number | undefined {
  return useStart(outlineUrl, async () => {
    const response = await fetch(outlineUrl ?? "");
    if (!response.ok) return 50;
    return startOverMask(await response.blob(), size);
  });
}
