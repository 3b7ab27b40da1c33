/**
 * A mask's holes, grouped into fills of their own. The exemplar fill lays one pyramid over the
 * bounding box of the whole mask, with a context around it: two holes far apart (the sample's
 * post masked at its left frame, and a Right outpaint's new columns at the other end) made one
 * fill as wide as the canvas, whose coarsest level was twice as coarse as the new area's own,
 * and whose layout took the post's hole into the outpaint's. Holes whose contexts do not meet
 * are independent: each is filled on its own, and its context holds no other hole.
 */
import { findRoot, unionSets } from "../../union-find";
import type { Box } from "./mask-geometry";

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
  const label = new Int32Array(mask.length).fill(-1);
  const bounds: Box[] = [];
  const queue = new Int32Array(mask.length);
  for (let start = 0; start < mask.length; start++) {
    if (mask[start] === 0 || label[start]! >= 0) continue;
    const id = bounds.length;
    if (id >= 4 * MAX_GROUPS) return [mask];
    const box = { x0: width, y0: height, x1: 0, y1: 0 };
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    label[start] = id;
    while (head < tail) {
      const p = queue[head++]!;
      const x = p % width;
      const y = (p - x) / width;
      if (x < box.x0) box.x0 = x;
      if (y < box.y0) box.y0 = y;
      if (x + 1 > box.x1) box.x1 = x + 1;
      if (y + 1 > box.y1) box.y1 = y + 1;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const n = ny * width + nx;
          if (mask[n] === 0 || label[n]! >= 0) continue;
          label[n] = id;
          queue[tail++] = n;
        }
      }
    }
    bounds.push(box);
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
  for (let p = 0; p < mask.length; p++) {
    if (label[p]! >= 0) groups[index.get(findRoot(parent, label[p]!))!]![p] = 1;
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
