/**
 * A list as the steps that turn an earlier version of it into the current one: keep the first
 * `keep` items, then append `add`. Mask histories only push and pop, and their items are never
 * copied, so the part shared with the saved version is found by identity and a journal entry
 * holds only the newest operations, never the whole history (whose bitmaps can be megabytes).
 */
export interface HistoryDelta<T> {
  keep: number;
  add: T[];
}

export function historyDelta<T>(saved: readonly T[], current: readonly T[]): HistoryDelta<T> {
  let keep = 0;
  while (keep < saved.length && keep < current.length && saved[keep] === current[keep]) keep++;
  return { keep, add: current.slice(keep) };
}

/** The current list again, or null when `saved` is shorter than the delta expects. */
export function applyHistoryDelta<T>(saved: readonly T[], delta: HistoryDelta<T>): T[] | null {
  if (delta.keep > saved.length) return null;
  return [...saved.slice(0, delta.keep), ...delta.add];
}
