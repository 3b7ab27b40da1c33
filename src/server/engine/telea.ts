import { MASK_COVERS_EVERYTHING, maskCoversEverything } from "../../mask-coverage";

/**
 * Telea's fast-marching inpainting (A. Telea, "An Image Inpainting Technique Based on the Fast
 * Marching Method", 2004), the method behind OpenCV's INPAINT_TELEA. The hole is filled from its
 * boundary inward in order of distance T; each pixel is a weighted average of the known pixels
 * around it. A diffusion fill: fine for thin scratches and
 * small holes, smooth rather than textured in large ones.
 */

export interface TeleaOptions {
  /** neighbourhood radius in pixels (OpenCV's inpaintRadius); default 5 */
  radius?: number;
  /** called with a fraction in [0,1] as the hole gets filled, at most ~100 times in total */
  onProgress?: (fraction: number) => void;
  /**
   * Stop marching this far (in pixels) inside the hole; deeper pixels keep their input values.
   * The exemplar fill uses it to get a smooth band along the hole's edge for its seam.
   */
  maxDistance?: number;
}

const KNOWN = 0;
const BAND = 1;
const INSIDE = 2;
const FAR = 1e6;

/**
 * pixels: interleaved 8-bit samples, `channels` per pixel, row-major. mask: one byte per pixel,
 * non-zero = fill. Returns a new array of the same layout; pixels outside the mask are copied
 * bit for bit, and a filled pixel's alpha (channels = 4) becomes opaque.
 */
export function inpaintTelea(
  pixels: Uint8Array,
  width: number,
  height: number,
  channels: 1 | 3 | 4,
  mask: Uint8Array,
  options: TeleaOptions = {},
): Uint8Array {
  if (pixels.length !== width * height * channels) {
    throw new Error(
      `pixel buffer holds ${pixels.length} samples, expected ${width}×${height}×${channels}`,
    );
  }
  if (mask.length !== width * height) {
    throw new Error(`mask holds ${mask.length} pixels, expected ${width}×${height}`);
  }
  const out = pixels.slice();
  const flags = new Uint8Array(width * height);
  const T = new Float32Array(width * height);
  let holeSize = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] !== 0) {
      flags[i] = INSIDE;
      T[i] = FAR;
      holeSize++;
    }
  }
  if (holeSize === 0) return out;
  if (maskCoversEverything(mask)) throw new Error(MASK_COVERS_EVERYTHING);

  const heap = new MinHeap(T, holeSize + 4 * Math.ceil(Math.sqrt(holeSize)) + 16);
  seedBand(flags, width, height, heap);
  const fill = new PixelFiller(out, flags, T, width, height, channels, options.radius ?? 5);

  const step = Math.max(1, Math.ceil(holeSize / 100));
  let filled = 0;
  const maxDistance = options.maxDistance ?? Number.POSITIVE_INFINITY;
  while (heap.size > 0) {
    const p = heap.pop();
    if (T[p]! > maxDistance) break;
    flags[p] = KNOWN;
    const x = p % width;
    const y = (p - x) / width;
    for (let k = 0; k < 4; k++) {
      const nx = x + (k === 0 ? -1 : k === 1 ? 1 : 0);
      const ny = y + (k === 2 ? -1 : k === 3 ? 1 : 0);
      if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
      const n = ny * width + nx;
      if (flags[n] !== INSIDE) continue;
      T[n] = arrivalTime(flags, T, width, height, nx, ny);
      fill.inpaint(nx, ny);
      flags[n] = BAND;
      heap.push(n);
      filled++;
      if (filled % step === 0) options.onProgress?.(filled / holeSize);
    }
  }
  options.onProgress?.(1);
  return out;
}

/** The initial narrow band: known pixels 4-adjacent to the hole, at distance 0. */
function seedBand(flags: Uint8Array, width: number, height: number, heap: MinHeap): void {
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (flags[i] !== KNOWN) continue;
      const touches =
        (x > 0 && flags[i - 1] === INSIDE) ||
        (x < width - 1 && flags[i + 1] === INSIDE) ||
        (y > 0 && flags[i - width] === INSIDE) ||
        (y < height - 1 && flags[i + width] === INSIDE);
      if (touches) {
        flags[i] = BAND;
        heap.push(i);
      }
    }
  }
}

/** Solves |∇T| = 1 at (x, y) from its known 4-neighbours, the smallest of the four quadrants. */
function arrivalTime(
  flags: Uint8Array,
  T: Float32Array,
  width: number,
  height: number,
  x: number,
  y: number,
): number {
  const i = y * width + x;
  const left = x > 0 ? i - 1 : -1;
  const right = x < width - 1 ? i + 1 : -1;
  const up = y > 0 ? i - width : -1;
  const down = y < height - 1 ? i + width : -1;
  return Math.min(
    solve(flags, T, up, left),
    solve(flags, T, down, left),
    solve(flags, T, up, right),
    solve(flags, T, down, right),
  );
}

function solve(flags: Uint8Array, T: Float32Array, a: number, b: number): number {
  const aKnown = a >= 0 && flags[a] === KNOWN;
  const bKnown = b >= 0 && flags[b] === KNOWN;
  if (aKnown && bKnown) {
    const ta = T[a]!;
    const tb = T[b]!;
    const d = ta - tb;
    const r = Math.sqrt(Math.max(0, 2 - d * d));
    let s = (ta + tb - r) / 2;
    if (s >= ta && s >= tb) return s;
    s += r;
    if (s >= ta && s >= tb) return s;
    return FAR;
  }
  if (aKnown) return 1 + T[a]!;
  if (bKnown) return 1 + T[b]!;
  return FAR;
}

/**
 * Computes one hole pixel from the filled and known pixels within the radius, weighted by
 * direction (along the marching normal), distance and level-set closeness. Like OpenCV, it
 * leaves out the paper's first-order gradient term: extrapolating each neighbour along its own
 * gradient overshoots at edges and paints colour fringes into photos. Offsets are precomputed.
 */
class PixelFiller {
  private readonly dx: Int32Array;
  private readonly dy: Int32Array;
  private readonly sum: Float64Array;

  constructor(
    private readonly out: Uint8Array,
    private readonly flags: Uint8Array,
    private readonly T: Float32Array,
    private readonly width: number,
    private readonly height: number,
    private readonly channels: number,
    radius: number,
  ) {
    const dx: number[] = [];
    const dy: number[] = [];
    const r = Math.max(1, Math.round(radius));
    for (let y = -r; y <= r; y++) {
      for (let x = -r; x <= r; x++) {
        if ((x !== 0 || y !== 0) && x * x + y * y <= r * r) {
          dx.push(x);
          dy.push(y);
        }
      }
    }
    this.dx = Int32Array.from(dx);
    this.dy = Int32Array.from(dy);
    this.sum = new Float64Array(channels);
  }

  inpaint(x: number, y: number): void {
    const { out, flags, T, width, height, channels, sum } = this;
    const p = y * width + x;
    const colourChannels = channels === 4 ? 3 : channels;
    const [gx, gy] = this.gradT(x, y);
    const tp = T[p]!;
    sum.fill(0);
    let weightSum = 0;
    for (let k = 0; k < this.dx.length; k++) {
      const qx = x + this.dx[k]!;
      const qy = y + this.dy[k]!;
      if (qx < 0 || qy < 0 || qx >= width || qy >= height) continue;
      const q = qy * width + qx;
      if (flags[q] === INSIDE) continue;
      const rx = x - qx;
      const ry = y - qy;
      const lengthSq = rx * rx + ry * ry;
      const length = Math.sqrt(lengthSq);
      const direction = Math.max(1e-6, Math.abs(rx * gx + ry * gy) / length);
      const level = 1 / (1 + Math.abs(T[q]! - tp));
      const w = (direction * level) / lengthSq;
      const base = q * channels;
      for (let c = 0; c < colourChannels; c++) sum[c]! += w * out[base + c]!;
      weightSum += w;
    }
    const target = p * channels;
    for (let c = 0; c < colourChannels; c++) {
      const value = weightSum > 0 ? sum[c]! / weightSum : 0;
      out[target + c] = value < 0 ? 0 : value > 255 ? 255 : Math.round(value);
    }
    if (channels === 4) out[target + 3] = 255;
  }

  /** The marching direction at (x, y), from the arrival times of its non-hole neighbours. */
  private gradT(x: number, y: number): [number, number] {
    const { flags, T, width, height } = this;
    const p = y * width + x;
    const axis = (before: number, after: number, beforeOk: boolean, afterOk: boolean) => {
      const bOk = beforeOk && flags[before] !== INSIDE;
      const aOk = afterOk && flags[after] !== INSIDE;
      if (aOk && bOk) return (T[after]! - T[before]!) / 2;
      if (aOk) return T[after]! - T[p]!;
      if (bOk) return T[p]! - T[before]!;
      return 0;
    };
    return [
      axis(p - 1, p + 1, x > 0, x < width - 1),
      axis(p - width, p + width, y > 0, y < height - 1),
    ];
  }
}

/** A binary min-heap of pixel indices keyed by their arrival time T. */
class MinHeap {
  private items: Int32Array;
  size = 0;

  constructor(
    private readonly keys: Float32Array,
    capacity: number,
  ) {
    this.items = new Int32Array(Math.max(16, capacity));
  }

  push(index: number): void {
    if (this.size === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    const { items, keys } = this;
    let i = this.size++;
    const key = keys[index]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = items[parent]!;
      if (keys[above]! <= key) break;
      items[i] = above;
      i = parent;
    }
    items[i] = index;
  }

  pop(): number {
    const { items, keys } = this;
    const top = items[0]!;
    const last = items[--this.size]!;
    const key = keys[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      const right = child + 1;
      if (right < this.size && keys[items[right]!]! < keys[items[child]!]!) child = right;
      if (keys[items[child]!]! >= key) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = last;
    return top;
  }
}
