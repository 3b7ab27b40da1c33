/**
 * A mask's holes, grouped into fills of their own. The exemplar fill lays one pyramid over the
 * bounding box of the whole mask, with a context around it: two holes far apart (the sample's
 * post masked at its left frame, and a Right outpaint's new columns at the other end) made one
 * fill as wide as the canvas, whose coarsest level was twice as coarse as the new area's own,
 * and whose layout took the post's hole into the outpaint's. Holes whose contexts do not meet
 * are independent: each is filled on its own, and its context holds no other hole.
 */
import { findRoot, unionSets } from "../../union-find";
import { type Box, maskBounds } from "./mask-geometry";

/**
 * Beyond this many groups the mask is filled as one: a wand selection of a thousand specks
 * would otherwise cost a thousand pyramids.
 */
export const MAX_GROUPS = 8;

/**
 * The mask's 8-connected holes, merged while their contexts overlap (`context` grows a hole's
 * bounds into the box its fill reads), each group as a mask of its own. One group (the whole
 * mask, unchanged) when there is only one, or more than MAX_GROUPS.
 */
export function holeGroups(
  mask: Uint8Array,
  width: number,
  height: number,
  context: (bounds: Box) => Box,
): Uint8Array[] {
  // Labelled on the mask's bounding box only: a 3% hole in a 12 MP photo needs no 12 MP plane.
  const area = maskBounds(mask, width, height);
  if (!area) return [mask];
  const bw = area.x1 - area.x0;
  const label = new Int32Array(bw * (area.y1 - area.y0)).fill(-1);
  const at = (x: number, y: number) => (y - area.y0) * bw + x - area.x0;
  const bounds: Box[] = [];
  const queue = new Int32Array(label.length);
  for (let sy = area.y0; sy < area.y1; sy++) {
    for (let sx = area.x0; sx < area.x1; sx++) {
      if (mask[sy * width + sx] === 0 || label[at(sx, sy)]! >= 0) continue;
      const id = bounds.length;
      if (id >= 4 * MAX_GROUPS) return [mask];
      const box = { x0: sx, y0: sy, x1: sx + 1, y1: sy + 1 };
      let head = 0;
      let tail = 0;
      queue[tail++] = sy * width + sx;
      label[at(sx, sy)] = id;
      while (head < tail) {
        const p = queue[head++]!;
        const x = p % width;
        const y = (p - x) / width;
        if (x < box.x0) box.x0 = x;
        if (y < box.y0) box.y0 = y;
        if (x + 1 > box.x1) box.x1 = x + 1;
        if (y + 1 > box.y1) box.y1 = y + 1;
        for (let ny = Math.max(area.y0, y - 1); ny <= Math.min(area.y1 - 1, y + 1); ny++) {
          for (let nx = Math.max(area.x0, x - 1); nx <= Math.min(area.x1 - 1, x + 1); nx++) {
            if (mask[ny * width + nx] === 0 || label[at(nx, ny)]! >= 0) continue;
            label[at(nx, ny)] = id;
            queue[tail++] = ny * width + nx;
          }
        }
      }
      bounds.push(box);
    }
  }
  if (bounds.length <= 1) return [mask];
  const parent = Int32Array.from(bounds, (_, i) => i);
  // Merged until no two groups' contexts overlap: a merged group's context is its union's.
  for (let changed = true; changed; ) {
    changed = false;
    const roots = [...new Set(bounds.map((_, i) => findRoot(parent, i)))];
    const united = new Map(roots.map((r) => [r, unionBox(bounds, parent, r)]));
    for (let a = 0; a < roots.length && !changed; a++) {
      for (let b = a + 1; b < roots.length && !changed; b++) {
        if (overlap(context(united.get(roots[a]!)!), context(united.get(roots[b]!)!))) {
          unionSets(parent, roots[a]!, roots[b]!);
          changed = true;
        }
      }
    }
  }
  const roots = [...new Set(bounds.map((_, i) => findRoot(parent, i)))];
  if (roots.length === 1 || roots.length > MAX_GROUPS) return [mask];
  const index = new Map(roots.map((r, i) => [r, i]));
  const groups = roots.map(() => new Uint8Array(mask.length));
  for (let y = area.y0; y < area.y1; y++) {
    for (let x = area.x0; x < area.x1; x++) {
      const l = label[at(x, y)]!;
      if (l >= 0) groups[index.get(findRoot(parent, l))!]![y * width + x] = 1;
    }
  }
  return groups;
}

function unionBox(bounds: Box[], parent: Int32Array, root: number): Box {
  const box = { x0: Number.POSITIVE_INFINITY, y0: Number.POSITIVE_INFINITY, x1: 0, y1: 0 };
  bounds.forEach((b, i) => {
    if (findRoot(parent, i) !== root) return;
    box.x0 = Math.min(box.x0, b.x0);
    box.y0 = Math.min(box.y0, b.y0);
    box.x1 = Math.max(box.x1, b.x1);
    box.y1 = Math.max(box.y1, b.y1);
  });
  return box;
}

function overlap(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}
