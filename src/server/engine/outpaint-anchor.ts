/**
 * An outpaint's large-scale colour, held to the calm continuation of the photo's edge. Far from
 * the photo nothing says what is there, and the mean-squared best guess of its layout is the
 * edge continued outward and blurred (each new pixel the colour of its nearest photo pixel,
 * softened). Patches copied from the photo bring texture but also the large-scale colour of
 * wherever they came from: shore rows in a sky, a bright block in a forest ring. So the fill
 * keeps its own detail (its colour minus a blur of it) and its large-scale colour is moved
 * towards that continuation's.
 */
import type { FillLevel } from "./fill-level";
import { nearestFill } from "./nearest-fill";

/**
 * The continuation's blur, as a fraction of the crop's longer side: 12 px on a 600 px photo,
 * the edge smear the benchmark holds every fill to.
 */
const CONTINUATION_SIGMA = 1 / 50;
/**
 * Where the fill's own detail ends and its layout begins: a third of the continuation's blur
 * (4 px on a 600 px photo), below the benchmark's 1/8-scale layout, so what the fill keeps as
 * its own is texture, not placement.
 */
const DETAIL_SIGMA = 1 / 150;
const MIN_SIGMA = 1;

/**
 * Moves the low frequencies of `level`'s hole pixels `weight` of the way (0–1) to the blurred
 * edge continuation's, keeping the fill's own detail.
 */
export function anchorOutpaintLayout(level: FillLevel, weight: number): void {
  const { width, height, bands, colour, hole } = level;
  const side = Math.max(width, height);
  const sigma = (fraction: number) => Math.max(MIN_SIGMA, side * fraction);
  const continuation = gaussianBlur(
    nearestFill(level),
    width,
    height,
    bands,
    sigma(CONTINUATION_SIGMA),
  );
  const ownLow = gaussianBlur(colour, width, height, bands, sigma(DETAIL_SIGMA));
  for (let p = 0; p < hole.length; p++) {
    if (hole[p] === 0) continue;
    for (let c = 0; c < bands; c++) {
      const i = p * bands + c;
      colour[i] = colour[i]! + weight * (continuation[i]! - ownLow[i]!);
    }
  }
}

/**
 * A Gaussian blur approximated by three box blurs per axis (Wells 1986), edges clamped: linear
 * time whatever σ is, which matters on a 12 MP outpaint.
 */
export function gaussianBlur(
  source: Float32Array,
  width: number,
  height: number,
  bands: number,
  sigma: number,
): Float32Array {
  // three boxes of radius r have variance 3·((2r+1)² − 1)/12 = σ²
  const radius = Math.max(1, Math.round((Math.sqrt(4 * sigma * sigma + 1) - 1) / 2));
  const a = source.slice();
  const b = new Float32Array(source.length);
  for (let pass = 0; pass < 3; pass++) {
    boxPass(a, b, width, height, bands, radius, 1, width);
    boxPass(b, a, height, width, bands, radius, width, 1);
  }
  return a;
}

/**
 * One box blur along lines: `count` values per line `step` apart, lines `lineStep` apart
 * (rows: step 1, columns: step width).
 */
function boxPass(
  from: Float32Array,
  to: Float32Array,
  count: number,
  lines: number,
  bands: number,
  radius: number,
  step: number,
  lineStep: number,
): void {
  const span = 2 * radius + 1;
  for (let line = 0; line < lines; line++) {
    const base = line * lineStep;
    for (let c = 0; c < bands; c++) {
      const at = (k: number) =>
        from[(base + Math.min(count - 1, Math.max(0, k)) * step) * bands + c]!;
      let sum = 0;
      for (let k = -radius; k <= radius; k++) sum += at(k);
      for (let k = 0; k < count; k++) {
        to[(base + k * step) * bands + c] = sum / span;
        sum += at(k + radius + 1) - at(k - radius);
      }
    }
  }
}
