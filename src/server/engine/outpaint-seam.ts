import type { FillLevel } from "./fill-level";

/**
 * The band along an outpaint's frame edge, as a fraction of the crop's longer side (and at
 * least MIN_SEAM pixels), over which the fill fades in from the photo's own mirror image.
 */
const SEAM_SHARE = 0.01;
const MIN_SEAM = 4;

/**
 * Hides the frame of an outpaint. Patches meet the photo's edge with a step: the pixel each
 * first row takes comes from whichever overlapping patch matched best, mostly one lying wholly
 * in the new area that never saw the edge, so the photo's border reads as a drawn line (on a
 * 1 MP cat zoomed out 1.5x the step across it was 12.7 grey levels, between two rows of the
 * photo 0.9). Within the band, each new pixel is blended with the kept pixel mirrored across its
 * nearest edge point: at the edge the mirror is the photo's own texture, continuous by
 * construction, and it hands over to the fill with a raised cosine. Unlike the smooth band of a
 * removal (a Telea fill), the mirror keeps texture, so the band does not read as a smeared line
 * along a straight frame. Kept pixels are never written.
 */
export function fadeInFromMirror(level: FillLevel): void {
  const { width, height, bands, colour, hole } = level;
  const band = Math.max(MIN_SEAM, Math.round(SEAM_SHARE * Math.max(width, height)));
  const { pixels, nearest } = edgeBand(hole, width, height, band);
  for (let n = 0; n < pixels.length; n++) {
    const p = pixels[n]!;
    const q = nearest[n]!;
    const px = p % width;
    const py = (p - px) / width;
    const qx = q % width;
    const qy = (q - qx) / width;
    const distance = Math.hypot(px - qx, py - qy);
    if (distance >= band) continue;
    const mx = 2 * qx - px;
    const my = 2 * qy - py;
    // At a corner of the photo the mirror can leave it; the edge pixel itself stands in.
    const inside = mx >= 0 && my >= 0 && mx < width && my < height && hole[my * width + mx] === 0;
    const m = inside ? my * width + mx : q;
    const weight =
      distance <= 1 ? 1 : 0.5 * (1 + Math.cos((Math.PI * (distance - 1)) / (band - 1)));
    for (let c = 0; c < bands; c++) {
      const i = p * bands + c;
      colour[i] = weight * colour[m * bands + c]! + (1 - weight) * colour[i]!;
    }
  }
}

/** Hole pixels within a band along the kept ones, each with its nearest kept pixel. */
export interface EdgeBand {
  pixels: Int32Array;
  nearest: Int32Array;
}

/** 8-neighbour offsets, the four straight ones first */
const DX = [1, -1, 0, 0, 1, -1, 1, -1];
const DY = [0, 0, 1, -1, 1, 1, -1, -1];

/**
 * The hole pixels up to `depth` steps from a kept pixel, found ring by ring outward from the
 * kept pixels (a brushfire), each carrying the nearest kept pixel of the ring pixel that found
 * it. Straight neighbours are tried before diagonal ones, so along a straight edge the nearest
 * point is exact; at a corner it can be a pixel off, which a fade does not see. The work and
 * memory follow the band, not the image: a 20 MP zoom-out's full distance transform took
 * seconds and hundreds of megabytes.
 */
export function edgeBand(hole: Uint8Array, width: number, height: number, depth: number): EdgeBand {
  const seen = new Uint8Array(width * height);
  const pixels: number[] = [];
  const nearest: number[] = [];
  let ring: number[] = [];
  let ringNearest: number[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (hole[p] === 0) continue;
      const left = x > 0 ? p - 1 : p;
      const right = x < width - 1 ? p + 1 : p;
      const up = y > 0 ? -width : 0;
      const down = y < height - 1 ? width : 0;
      // Nearly every hole pixel is deep inside: ruled out with eight reads and no loop.
      if (
        hole[left]! &
        hole[right]! &
        hole[left + up]! &
        hole[p + up]! &
        hole[right + up]! &
        hole[left + down]! &
        hole[p + down]! &
        hole[right + down]!
      ) {
        continue;
      }
      // the nearest kept 8-neighbour, a straight one before a diagonal one
      let best = -1;
      for (let k = 0; k < 8 && best < 0; k++) {
        const nx = x + DX[k]!;
        const ny = y + DY[k]!;
        if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
        if (hole[ny * width + nx] === 0) best = ny * width + nx;
      }
      if (best < 0) continue;
      seen[p] = 1;
      ring.push(p);
      ringNearest.push(best);
    }
  }
  for (let step = 1; ring.length > 0; step++) {
    for (let n = 0; n < ring.length; n++) {
      pixels.push(ring[n]!);
      nearest.push(ringNearest[n]!);
    }
    if (step >= depth) break;
    const next: number[] = [];
    const nextNearest: number[] = [];
    for (const [from, to] of [
      [0, 4],
      [4, 8],
    ] as const) {
      for (let n = 0; n < ring.length; n++) {
        const p = ring[n]!;
        const x = p % width;
        const y = (p - x) / width;
        for (let k = from; k < to; k++) {
          const nx = x + DX[k]!;
          const ny = y + DY[k]!;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const q = ny * width + nx;
          if (hole[q] === 0 || seen[q] === 1) continue;
          seen[q] = 1;
          next.push(q);
          nextNearest.push(ringNearest[n]!);
        }
      }
    }
    ring = next;
    ringNearest = nextNearest;
  }
  return { pixels: Int32Array.from(pixels), nearest: Int32Array.from(nearest) };
}
