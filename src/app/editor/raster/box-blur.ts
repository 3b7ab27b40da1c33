/**
 * One separable box blur of a single-channel plane, in place: rows into `scratch`, columns back.
 * Running sums make the cost independent of the radius; edges clamp to the border pixel, so a
 * plane touching the border stays solid there.
 */
export function boxBlur(
  plane: Float32Array,
  width: number,
  height: number,
  radius: number,
  scratch: Float32Array = new Float32Array(plane.length),
): void {
  blurRows(plane, scratch, width, height, radius);
  blurColumns(scratch, plane, width, height, radius);
}

function blurRows(
  src: Float32Array,
  dst: Float32Array,
  width: number,
  height: number,
  r: number,
): void {
  const span = 2 * r + 1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let sum = 0;
    for (let k = -r; k <= r; k++) sum += src[row + clamp(k, width)]!;
    for (let x = 0; x < width; x++) {
      dst[row + x] = sum / span;
      sum += src[row + clamp(x + r + 1, width)]! - src[row + clamp(x - r, width)]!;
    }
  }
}

function blurColumns(
  src: Float32Array,
  dst: Float32Array,
  width: number,
  height: number,
  r: number,
): void {
  const span = 2 * r + 1;
  for (let x = 0; x < width; x++) {
    let sum = 0;
    for (let k = -r; k <= r; k++) sum += src[clamp(k, height) * width + x]!;
    for (let y = 0; y < height; y++) {
      dst[y * width + x] = sum / span;
      sum += src[clamp(y + r + 1, height) * width + x]! - src[clamp(y - r, height) * width + x]!;
    }
  }
}

function clamp(i: number, n: number): number {
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}
