/** A 3×3 Sobel gradient per pixel. */
export interface Gradient {
  width: number;
  height: number;
  x: Int16Array;
  y: Int16Array;
}

/**
 * The Sobel gradient of packed 8-bit pixels with `channels` channels; with several, each
 * pixel takes the gradient of the channel that changes most there (as OpenCV's Canny does for
 * colour). Beyond the border the border's pixels repeat.
 */
export function sobel(
  pixels: Uint8Array,
  width: number,
  height: number,
  channels: number,
): Gradient {
  const gradient = {
    width,
    height,
    x: new Int16Array(width * height),
    y: new Int16Array(width * height),
  };
  const stride = width * channels;
  for (let y = 0; y < height; y++) {
    const up = Math.max(0, y - 1) * stride;
    const row = y * stride;
    const down = Math.min(height - 1, y + 1) * stride;
    for (let x = 0; x < width; x++) {
      const left = Math.max(0, x - 1) * channels;
      const centre = x * channels;
      const right = Math.min(width - 1, x + 1) * channels;
      let gx = 0;
      let gy = 0;
      let best = -1;
      for (let c = 0; c < channels; c++) {
        const ul = pixels[up + left + c]!;
        const ur = pixels[up + right + c]!;
        const dl = pixels[down + left + c]!;
        const dr = pixels[down + right + c]!;
        const dx = ur + 2 * pixels[row + right + c]! + dr - ul - 2 * pixels[row + left + c]! - dl;
        const dy =
          dl + 2 * pixels[down + centre + c]! + dr - ul - 2 * pixels[up + centre + c]! - ur;
        const squared = dx * dx + dy * dy;
        if (squared > best) {
          best = squared;
          gx = dx;
          gy = dy;
        }
      }
      gradient.x[y * width + x] = gx;
      gradient.y[y * width + x] = gy;
    }
  }
  return gradient;
}
