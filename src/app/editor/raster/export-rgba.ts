/**
 * The two mask forms BFL accepts, as RGBA ready for a PNG encoder: a separate opaque grey mask
 * (white = repaint), or the image itself with the mask in its alpha (transparent = repaint).
 */
export function maskToRgba(mask: Uint8Array): Uint8ClampedArray<ArrayBuffer> {
  const rgba = new Uint8ClampedArray(mask.length * 4);
  const out = new Uint32Array(rgba.buffer);
  // Little-endian 0xAABBGGRR: opaque grey v in one write.
  for (let i = 0; i < mask.length; i++) out[i] = 0xff000000 | (mask[i]! * 0x010101);
  return rgba;
}

/** Writes 255 − mask into the image's alpha in place, so painted pixels become transparent. */
export function applyMaskAsAlpha(imageRgba: Uint8ClampedArray, mask: Uint8Array): void {
  for (let i = 0, j = 3; i < mask.length; i++, j += 4) imageRgba[j] = 255 - mask[i]!;
}
