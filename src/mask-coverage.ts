/**
 * Whether a mask (one byte per pixel, non-zero = fill) leaves no pixel to fill from. The SPA
 * refuses such a request before sending it, and the engine refuses it too; both say the same
 * sentence, and neither offers a retry, since the same mask can never succeed.
 */
export function maskCoversEverything(mask: ArrayLike<number>): boolean {
  for (let i = 0; i < mask.length; i++) if (mask[i] === 0) return false;
  return true;
}

export const MASK_COVERS_EVERYTHING =
  "the mask covers the whole image: there is nothing to fill from";
