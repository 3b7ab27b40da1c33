/**
 * How often a fill copies one detailed source again nearby: the lattice of one stone, the bark
 * of one ridge, which no figure of the pixels alone tells from texture. The engine's tests and
 * `npm run bench:presets` measure it from the sources inpaintExemplar reports (onSources).
 */
import { boxBlur } from "../../box-blur";
import { luma } from "./fill-quality";

/** Pairs of new pixels this far apart (shares of the image's longer side) are compared… */
const REPEAT_SPAN = [0.02, 0.08] as const;
/** …and count as one source repeated when copied from within this share of each other. */
const REPEAT_NEAR = 0.01;

/** Luma detail (|∂x| + |∂y| averaged over 5×5) from which a repeated source shows. */
const VISIBLE_DETAIL = 6;

/** Per pixel, 1 where the image has detail enough that a repeat of it shows (VISIBLE_DETAIL). */
export function visibleDetail(pixels: Uint8Array, width: number, height: number): Uint8Array {
  const y = luma(pixels, 3);
  const detail = new Float32Array(width * height);
  for (let r = 0; r < height - 1; r++) {
    for (let x = 0; x < width - 1; x++) {
      const p = r * width + x;
      detail[p] = Math.abs(y[p + 1]! - y[p]!) + Math.abs(y[p + width]! - y[p]!);
    }
  }
  boxBlur(detail, width, height, 2);
  const visible = new Uint8Array(width * height);
  for (let p = 0; p < visible.length; p++) if (detail[p]! >= VISIBLE_DETAIL) visible[p] = 1;
  return visible;
}

/**
 * The share of pairs of new pixels on one row or one column, 2–8% of the image's longer side
 * apart, that were copied from within 1% of each other: one source repeated, which the eye sees
 * as a lattice of one stone or a bark of one ridge. A coherent copy puts two pixels' sources as
 * far apart as the pixels are, so it does not count. `sources`: per pixel, the pixel it was
 * copied from or −1 (inpaintExemplar's onSources); `mask`: 1 where the pixel is new. Given
 * `visible` (visibleDetail of the image copied from), only pairs copied from detail count: a
 * calm sky copied from one place again and again looks as it should.
 */
export function repeatedShare(
  sources: Int32Array,
  mask: Uint8Array,
  width: number,
  height: number,
  visible?: Uint8Array,
): number {
  const side = Math.max(width, height);
  const [shortest, longest] = REPEAT_SPAN.map((s) => Math.round(s * side));
  const near = REPEAT_NEAR * side;
  const step = Math.max(1, Math.round(shortest! / 6));
  let pairs = 0;
  let repeated = 0;
  const compare = (p: number, q: number) => {
    const [a, b] = [sources[p]!, sources[q]!];
    if (mask[p] === 0 || mask[q] === 0 || a < 0 || b < 0) return;
    if (visible && (visible[a] === 0 || visible[b] === 0)) return;
    pairs++;
    const dx = Math.abs((a % width) - (b % width));
    const dy = Math.abs(Math.floor(a / width) - Math.floor(b / width));
    if (dx <= near && dy <= near) repeated++;
  };
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      const p = y * width + x;
      for (let d = shortest!; d <= longest!; d += step) {
        if (x + d < width) compare(p, p + d);
        if (y + d < height) compare(p, p + d * width);
      }
    }
  }
  return pairs === 0 ? 0 : repeated / pairs;
}
