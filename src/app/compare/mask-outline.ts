/**
 * The border of a mask: masked pixels with an unmasked 4-neighbour (or on the image edge),
 * widened to `width` pixels inward so it stays visible when the image is shown smaller.
 * Returns 255 on the outline, 0 elsewhere.
 */
export function maskOutline(mask: Uint8Array, width: number, height: number, lineWidth = 2) {
  const out = new Uint8Array(width * height);
  let frontier: number[] = [];
  const inside = (x: number, y: number) =>
    x >= 0 && y >= 0 && x < width && y < height && mask[y * width + x]! >= 128;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!inside(x, y)) continue;
      if (!inside(x - 1, y) || !inside(x + 1, y) || !inside(x, y - 1) || !inside(x, y + 1)) {
        out[y * width + x] = 255;
        frontier.push(y * width + x);
      }
    }
  }
  for (let pass = 1; pass < lineWidth; pass++) {
    const next: number[] = [];
    for (const i of frontier) {
      const x = i % width;
      const y = (i - x) / width;
      for (const [nx, ny] of [
        [x - 1, y],
        [x + 1, y],
        [x, y - 1],
        [x, y + 1],
      ] as const) {
        const j = ny * width + nx;
        if (inside(nx, ny) && out[j] === 0) {
          out[j] = 255;
          next.push(j);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** The outline as RGBA: a bright line with a dark edge-free fill, transparent elsewhere. */
export function outlineRgba(outline: Uint8Array, rgb: [number, number, number]) {
  const rgba = new Uint8ClampedArray(outline.length * 4);
  for (let i = 0; i < outline.length; i++) {
    if (outline[i] === 0) continue;
    rgba.set([rgb[0], rgb[1], rgb[2], 255], i * 4);
  }
  return rgba;
}
