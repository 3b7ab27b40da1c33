import type { SharedLink } from "./share-db";

/**
 * The run's link that already shows exactly `variants` and still works at `now` (the newest
 * such), so sharing an unchanged run again gives the link already sent around, not another.
 */
export function reusableLink(
  links: readonly SharedLink[],
  variants: readonly number[],
  now: number,
): SharedLink | undefined {
  const same = (shown: readonly number[] | undefined) =>
    shown?.length === variants.length && shown.every((v, i) => v === variants[i]);
  return links.findLast((l) => l.revokedAt === null && l.expiresAt > now && same(l.variants));
}
