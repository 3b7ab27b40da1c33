/**
 * Disjoint sets over the indices of an Int32Array (`parent[i] === i` for a root), as the SPA's
 * speck removal and the engine's region stitching both label connected regions with them.
 * The smaller root always wins a union, so every set's root is its smallest member: a pass
 * in index order meets each root before the rest of its set.
 */

/** The root of `i`'s set, compressing the path on the way. */
export function findRoot(parent: Int32Array, i: number): number {
  let root = i;
  while (parent[root] !== root) root = parent[root]!;
  while (parent[i] !== root) {
    const next = parent[i]!;
    parent[i] = root;
    i = next;
  }
  return root;
}

/** Merges the sets of `a` and `b` under the smaller of their roots. */
export function unionSets(parent: Int32Array, a: number, b: number): void {
  const ra = findRoot(parent, a);
  const rb = findRoot(parent, b);
  if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
}
