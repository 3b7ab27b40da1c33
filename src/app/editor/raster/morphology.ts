import type { MaskRaster } from "./paint-shapes";

/**
 * Grows (positive) or shrinks (negative) the white area by a Euclidean distance, using an
 * exact distance transform (Felzenszwalb & Huttenlocher), so the cost is linear in the pixel
 * count whatever the radius and the edge stays round rather than square.
 */
export function growMask(raster: MaskRaster, pixels: number): Uint8Array {
  const { data, width, height } = raster;
  if (pixels === 0) return data.slice();
  const grow = pixels > 0;
  // Distance from each pixel to the nearest pixel of the other colour.
  const source = grow ? 255 : 0;
  const dist = squaredDistanceTo(data, width, height, source);
  const limit = pixels * pixels;
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) {
    if (grow) out[i] = data[i] === 255 || dist[i]! <= limit ? 255 : 0;
    else out[i] = data[i] === 255 && dist[i]! > limit ? 255 : 0;
  }
  return out;
}

/**
 * How far the pixel farthest from the white area lies from it: `growMask` by this many pixels
 * (or more) turns the whole raster white. Infinity when nothing is white.
 */
export function farthestFromMask(raster: MaskRaster): number {
  const dist = squaredDistanceTo(raster.data, raster.width, raster.height, 255);
  let farthest = 0;
  for (const d of dist) if (d > farthest) farthest = d;
  return farthest >= INF ? Number.POSITIVE_INFINITY : Math.sqrt(farthest);
}

const INF = 1e20;

/** Squared distance from every pixel to the nearest pixel whose value equals `target`. */
function squaredDistanceTo(
  data: Uint8Array,
  width: number,
  height: number,
  target: number,
): Float64Array {
  const grid = new Float64Array(width * height);
  for (let i = 0; i < grid.length; i++) grid[i] = data[i] === target ? 0 : INF;
  const size = Math.max(width, height);
  const f = new Float64Array(size);
  const d = new Float64Array(size);
  const v = new Int32Array(size);
  const z = new Float64Array(size + 1);
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) f[y] = grid[y * width + x]!;
    transform1d(f, height, d, v, z);
    for (let y = 0; y < height; y++) grid[y * width + x] = d[y]!;
  }
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) f[x] = grid[row + x]!;
    transform1d(f, width, d, v, z);
    for (let x = 0; x < width; x++) grid[row + x] = d[x]!;
  }
  return grid;
}

/** The 1-D lower envelope of parabolas from Felzenszwalb & Huttenlocher (2012). */
function transform1d(
  f: Float64Array,
  n: number,
  d: Float64Array,
  v: Int32Array,
  z: Float64Array,
): void {
  let k = 0;
  v[0] = 0;
  z[0] = -INF;
  z[1] = INF;
  for (let q = 1; q < n; q++) {
    let p = v[k]!;
    let s = (f[q]! + q * q - (f[p]! + p * p)) / (2 * q - 2 * p);
    while (s <= z[k]!) {
      k--;
      p = v[k]!;
      s = (f[q]! + q * q - (f[p]! + p * p)) / (2 * q - 2 * p);
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = INF;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while (z[k + 1]! < q) k++;
    const p = v[k]!;
    d[q] = (q - p) * (q - p) + f[p]!;
  }
}
