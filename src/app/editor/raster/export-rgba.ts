/**
 * BFL's single-file mask form: the image itself with the mask in its alpha (transparent =
 * repaint). The separate black/white form is written by encodeGrayPng.
 */
/** Writes 255 − mask into the image's alpha in place, so painted pixels become transparent. */
export function applyMaskAsAlpha(imageRgba: Uint8ClampedArray, mask: Uint8Array): void {
  for (let i = 0, j = 3; i < mask.length; i++, j += 4) imageRgba[j] = 255 - mask[i]!;
}
