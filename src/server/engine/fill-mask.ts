/**
 * Masks as the engine wants them: one byte per pixel, 1 = fill, 0 = keep.
 * Kept as pure functions so they are tested without sharp or workers.
 */

/** A grey mask (one sample per pixel): white repaints, black keeps; anti-aliased grey splits at 128. */
export function maskFromGray(gray: Uint8Array): Uint8Array {
  const mask = new Uint8Array(gray.length);
  for (let i = 0; i < gray.length; i++) mask[i] = gray[i]! >= 128 ? 1 : 0;
  return mask;
}

/**
 * BFL's alpha form: transparent pixels are repainted. Any transparency counts, because a
 * half-erased edge pixel has no trustworthy colour to keep.
 */
export function maskFromAlpha(rgba: Uint8Array): Uint8Array {
  const mask = new Uint8Array(rgba.length / 4);
  for (let i = 0; i < mask.length; i++) mask[i] = rgba[i * 4 + 3]! < 255 ? 1 : 0;
  return mask;
}
