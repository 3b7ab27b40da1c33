/**
 * Imported masks as 0/255: a black/white or grey image splits at 128; an image with real
 * transparency uses its alpha instead (transparent = repaint), the form BFL accepts.
 */
export function maskFromRgba(rgba: Uint8ClampedArray | Uint8Array): Uint8Array {
  const mask = new Uint8Array(rgba.length / 4);
  const useAlpha = hasTransparency(rgba);
  for (let i = 0, j = 0; i < mask.length; i++, j += 4) {
    if (useAlpha) mask[i] = rgba[j + 3]! < 128 ? 255 : 0;
    else {
      // Integer Rec. 601 weights summing to 256, so pure greys map to themselves.
      const luma = (77 * rgba[j]! + 150 * rgba[j + 1]! + 29 * rgba[j + 2]!) >> 8;
      mask[i] = luma >= 128 ? 255 : 0;
    }
  }
  return mask;
}

/** True when any pixel is less than fully opaque. */
export function hasTransparency(rgba: Uint8ClampedArray | Uint8Array): boolean {
  for (let j = 3; j < rgba.length; j += 4) if (rgba[j]! < 255) return true;
  return false;
}
