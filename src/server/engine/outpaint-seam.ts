import { type EdgeGrain, edgeGrain } from "./edge-grain";
import type { FillLevel } from "./fill-level";
import { eachNewPixel, nearestKept } from "./nearest-fill";

/**
 * The band along an outpaint's frame edge, as a fraction of the crop's longer side (and at
 * least MIN_SEAM pixels), over which the fill fades in from the photo's own mirror image.
 */
const SEAM_SHARE = 0.01;
const MIN_SEAM = 4;
/**
 * Texture along the edge at least this coherent (structure tensor, 0–1) is reflected along its
 * own grain rather than mirrored (see grainReflection).
 */
const GRAIN_COHERENCE = 0.3;
/** …and only where its grain crosses the edge at least this steeply (|cos| to the normal) */
const MIN_CROSSING = 0.35;
/** How many cells around its own a cell's grain is read over (about one band). */
const GRAIN_REACH = 3;

/**
 * Hides the frame of an outpaint. Patches meet the photo's edge with a step: the pixel each
 * first row takes comes from whichever overlapping patch matched best, mostly one lying wholly
 * in the new area that never saw the edge, so the photo's border reads as a drawn line (on a
 * 1 MP cat zoomed out 1.5x the step across it was 12.7 grey levels, between two rows of the
 * photo 0.9). Within the band, each new pixel is blended with the kept pixel mirrored across its
 * nearest edge point (or reflected along the texture's grain, see grainReflection): at the edge
 * the mirror is the photo's own texture, continuous by construction, and it hands over to the
 * fill with a raised cosine. Unlike the smooth band of a
 * removal (a Telea fill), the mirror keeps texture, so the band does not read as a smeared line
 * along a straight frame. Kept pixels are never written.
 */
export function fadeInFromMirror(level: FillLevel): void {
  const { width, height, bands, colour, hole } = level;
  const band = Math.max(MIN_SEAM, Math.round(SEAM_SHARE * Math.max(width, height)));
  // read over about one band, on a grid a third of it across
  const grain = edgeGrain(level, Math.max(1, Math.floor(band / 3)), GRAIN_REACH);
  const visit = (p: number, px: number, py: number, q: number, qx: number, qy: number) => {
    const distance = Math.hypot(px - qx, py - qy);
    if (distance >= band) return;
    const [mx, my] = grainReflection(grain, hole, width, height, px, py, qx, qy, band);
    // At a corner of the photo the mirror can leave it; the edge pixel itself stands in.
    const inside = mx >= 0 && my >= 0 && mx < width && my < height && hole[my * width + mx] === 0;
    const m = inside ? my * width + mx : q;
    const weight =
      distance <= 1 ? 1 : 0.5 * (1 + Math.cos((Math.PI * (distance - 1)) / (band - 1)));
    for (let c = 0; c < bands; c++) {
      const i = p * bands + c;
      colour[i] = weight * colour[m * bands + c]! + (1 - weight) * colour[i]!;
    }
  };
  eachNewPixel(hole, width, nearestKept(hole, width, height, band), visit);
}

/**
 * The mirror reverses a slanted grain: wood running "\\" inside the photo ran "/" in the band,
 * and the frame showed as a column of chevrons (a coffee table zoomed out 1.5x). Where the
 * texture near the edge has one clear grain, a new pixel is instead reflected through the point
 * where its grain line meets the photo: a point reflection keeps every line's direction, so the
 * grain runs straight on across the frame. A grain nearly parallel to the edge never meets it
 * nearby; there, and where it leaves the photo, the plain mirror stands.
 */
function grainReflection(
  grain: EdgeGrain,
  hole: Uint8Array,
  width: number,
  height: number,
  px: number,
  py: number,
  qx: number,
  qy: number,
  band: number,
): [number, number] {
  const mirror: [number, number] = [2 * qx - px, 2 * qy - py];
  const c = Math.floor(qy / grain.cell) * grain.columns + Math.floor(qx / grain.cell);
  if (grain.coherence[c]! < GRAIN_COHERENCE) return mirror;
  let gx = grain.dx[c]!;
  let gy = grain.dy[c]!;
  const nx = qx - px;
  const ny = qy - py;
  const toward = (gx * nx + gy * ny) / Math.hypot(nx, ny);
  if (Math.abs(toward) < MIN_CROSSING) return mirror;
  if (toward < 0) {
    gx = -gx;
    gy = -gy;
  }
  // Walk along the grain to the first kept pixel, in half-pixel steps.
  const limit = (2 * band) / Math.abs(toward);
  for (let t = 0.5; t <= limit; t += 0.5) {
    const x = Math.round(px + t * gx);
    const y = Math.round(py + t * gy);
    if (x < 0 || y < 0 || x >= width || y >= height) return mirror;
    if (hole[y * width + x] === 0) return [2 * x - px, 2 * y - py];
  }
  return mirror;
}
