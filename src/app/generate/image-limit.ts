import type { ProviderInfo } from "../../contract";

const megapixels = (pixels: number) => `${(pixels / 1e6).toFixed(1)} MP`;

/** "20 MP", "12.5 MP": the limit as a button says it, never rounded up past it. */
export const limitLabel = (maxPixels: number) => `${Math.floor(maxPixels / 1e5) / 10} MP`;

/**
 * Why the provider would refuse this image for its size, in the proxy's own words, or null when
 * it fits. Known from `/api/config` the moment the image opens, so the user is told before a
 * long upload ends in the proxy's 422 (which stays as the guard).
 */
export function imageTooLarge(
  image: { width: number; height: number },
  provider: Pick<ProviderInfo, "label" | "maxImagePixels">,
): string | null {
  const pixels = image.width * image.height;
  if (pixels <= provider.maxImagePixels) return null;
  return `This image is ${image.width}×${image.height} (${megapixels(pixels)}); ${provider.label} takes at most ${megapixels(provider.maxImagePixels)}. Work on a ${limitLabel(provider.maxImagePixels)} copy, pick another provider or open a smaller image.`;
}

/**
 * The largest size with the image's proportions that holds at most `maxPixels` (the image's own
 * size when it fits): the copy a too-large photo is worked on at. Each side is rounded down, and
 * shrunk a pixel more should rounding still leave it over.
 */
export function sizeWithin(
  image: { width: number; height: number },
  maxPixels: number,
): { width: number; height: number } {
  if (image.width * image.height <= maxPixels) return { width: image.width, height: image.height };
  const scale = Math.sqrt(maxPixels / (image.width * image.height));
  let width = Math.max(1, Math.floor(image.width * scale));
  let height = Math.max(1, Math.floor(image.height * scale));
  while (width * height > maxPixels) {
    if (width >= height) width -= 1;
    else height -= 1;
  }
  return { width, height };
}
