/**
 * What is typical of a set of values, measured so that a minority far from the rest (an object
 * touching a hole's border among its surface's pixels) does not move it: the median, and three
 * robust standard deviations (1.4826 × the median absolute deviation) around it.
 */
export interface RobustSpread {
  median: number;
  /** how far from the median a value may lie and still be typical */
  tolerance: number;
}

/** The median of `values` and three robust deviations, never less than `floor`. */
export function robustSpread(values: ArrayLike<number>, floor: number): RobustSpread {
  if (values.length === 0) return { median: 0, tolerance: Number.POSITIVE_INFINITY };
  const sorted = Float64Array.from(values).sort();
  const median = sorted[sorted.length >> 1]!;
  const deviations = Float64Array.from(sorted, (v) => Math.abs(v - median)).sort();
  const mad = deviations[deviations.length >> 1]!;
  return { median, tolerance: Math.max(floor, 3 * 1.4826 * mad) };
}
