import type { ProviderInfo } from "../../contract";

const megapixels = (pixels: number) => `${(pixels / 1e6).toFixed(1)} MP`;

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
  return `This image is ${image.width}×${image.height} (${megapixels(pixels)}); ${provider.label} takes at most ${megapixels(provider.maxImagePixels)}. Pick another provider or open a smaller image.`;
}
