/** Where the image sits in the viewport: scale and top-left offset in screen pixels. */
export interface ViewFit {
  scale: number;
  x: number;
  y: number;
}

/** Fits the image inside the viewport with a margin, centred, never enlarged past 100%. */
export function fitView(
  image: { width: number; height: number },
  viewport: { width: number; height: number },
  margin = 24,
): ViewFit {
  const availableW = Math.max(1, viewport.width - margin * 2);
  const availableH = Math.max(1, viewport.height - margin * 2);
  const scale = Math.min(1, availableW / image.width, availableH / image.height);
  return {
    scale,
    x: Math.round((viewport.width - image.width * scale) / 2),
    y: Math.round((viewport.height - image.height * scale) / 2),
  };
}
