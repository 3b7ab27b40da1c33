/**
 * mulberry32: a tiny 32-bit PRNG. The engine's randomness must come from the job's seed, so the
 * same image, mask and seed always give the same fill (Math.random would not).
 */
export type Random = () => number;

/** Returns a generator of floats in [0, 1) determined entirely by `seed`. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Value noise: a smooth random field in [-1, 1] that changes over about `cell` pixels, the same
 * for the same (x, y, key); different keys give unrelated fields.
 */
export function valueNoise(x: number, y: number, key: number, cell: number): number {
  const gx = x / cell;
  const gy = y / cell;
  const x0 = Math.floor(gx);
  const y0 = Math.floor(gy);
  const sx = smoothstep(gx - x0);
  const sy = smoothstep(gy - y0);
  const a = latticeValue(x0, y0, key);
  const b = latticeValue(x0 + 1, y0, key);
  const c = latticeValue(x0, y0 + 1, key);
  const d = latticeValue(x0 + 1, y0 + 1, key);
  const top = a + (b - a) * sx;
  const bottom = c + (d - c) * sx;
  return 2 * (top + (bottom - top) * sy) - 1;
}

function smoothstep(t: number): number {
  return t * t * (3 - 2 * t);
}

/** A hash of a lattice point to [0, 1). */
function latticeValue(x: number, y: number, key: number): number {
  let h = (Math.imul(x, 374761393) + Math.imul(y, 668265263) + Math.imul(key, 0x9e3779b1)) | 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}
