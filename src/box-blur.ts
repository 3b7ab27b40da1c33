/**
 * One separable box blur of a single-channel plane, in place: rows into `scratch`, columns back
 * (down the columns by `radiusY`, when it differs). Running sums make the cost independent of
 * the radius; edges clamp to the border pixel, so a plane touching the border stays solid
 * there.
 */
export function boxBlur(
  plane: Float32Array,
  width: number,
  height: number,
  radius: number,
  scratch: Float32Array = new Float32Array(plane.length),
  radiusY = radius,
): void {
  blurPass(plane, scratch, height, width, 1, width, radius); // rows
  blurPass(scratch, plane, width, height, width, 1, radiusY); // columns
}

/**
 * One running-sum pass over `lines` lines of `length` samples each: samples `step` apart along a
 * line, lines `lineStep` apart. Edges repeat the end sample.
 */
function blurPass(
  src: Float32Array,
  dst: Float32Array,
  lines: number,
  length: number,
  step: number,
  lineStep: number,
  r: number,
): void {
  const span = 2 * r + 1;
  for (let line = 0; line < lines; line++) {
    const base = line * lineStep;
    let sum = 0;
    for (let k = -r; k <= r; k++) sum += src[base + clamp(k, length) * step]!;
    for (let i = 0; i < length; i++) {
      dst[base + i * step] = sum / span;
      sum +=
        src[base + clamp(i + r + 1, length) * step]! - src[base + clamp(i - r, length) * step]!;
    }
  }
}

function clamp(i: number, n: number): number {
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}

/**
 * The weighted mean of `values` over the (2·radius+1)² box around each sample, Σ w·v / Σ w (0
 * where no weight falls in the box): with 0/1 weights, the mean over the samples that count
 * (kept pixels, patch sources). Edges clamp as boxBlur's do.
 */
export function weightedBoxMean(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
  width: number,
  height: number,
  radius: number,
): Float32Array {
  const sum = new Float32Array(width * height);
  const weight = Float32Array.from(weights);
  for (let i = 0; i < sum.length; i++) sum[i] = weight[i]! * values[i]!;
  const scratch = new Float32Array(sum.length);
  boxBlur(sum, width, height, radius, scratch);
  boxBlur(weight, width, height, radius, scratch);
  for (let i = 0; i < sum.length; i++) sum[i] = weight[i]! > 0 ? sum[i]! / weight[i]! : 0;
  return sum;
}
