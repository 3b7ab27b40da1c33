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
  blurRows(plane, scratch, width, height, radius);
  blurColumns(scratch, plane, width, height, radiusY);
}

/**
 * Where a running sum of radius r over n samples adds and drops a sample at each step, edges
 * repeating the end sample: looked up once per pass, not clamped per sample.
 */
function runIndices(n: number, r: number): { add: Int32Array; drop: Int32Array } {
  const add = new Int32Array(n);
  const drop = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    add[i] = Math.min(n - 1, i + r + 1);
    drop[i] = Math.max(0, i - r);
  }
  return { add, drop };
}

function blurRows(src: Float32Array, dst: Float32Array, width: number, height: number, r: number) {
  const span = 2 * r + 1;
  const { add, drop } = runIndices(width, r);
  for (let y = 0; y < height; y++) {
    const base = y * width;
    let sum = 0;
    for (let k = -r; k <= r; k++) sum += src[base + Math.max(0, Math.min(width - 1, k))]!;
    for (let x = 0; x < width; x++) {
      dst[base + x] = sum / span;
      sum += src[base + add[x]!]! - src[base + drop[x]!]!;
    }
  }
}

/**
 * The columns' running sums kept side by side and stepped a row at a time, so the plane is
 * read in memory order: walking one column at a time strides a whole row per sample, which on
 * a 12 MP plane misses the cache at nearly every step.
 */
function blurColumns(
  src: Float32Array,
  dst: Float32Array,
  width: number,
  height: number,
  r: number,
) {
  const span = 2 * r + 1;
  const { add, drop } = runIndices(height, r);
  const sums = new Float64Array(width);
  for (let k = -r; k <= r; k++) {
    const row = Math.max(0, Math.min(height - 1, k)) * width;
    for (let x = 0; x < width; x++) sums[x]! += src[row + x]!;
  }
  for (let y = 0; y < height; y++) {
    const base = y * width;
    const added = add[y]! * width;
    const dropped = drop[y]! * width;
    for (let x = 0; x < width; x++) {
      dst[base + x] = sums[x]! / span;
      sums[x]! += src[added + x]! - src[dropped + x]!;
    }
  }
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
