import { useLayoutEffect, useMemo, useRef } from "react";
import { useMaskManager } from "../export/mask-manager-context";
import { drawSelection, previewStep } from "../select/selection-preview";
import type { DocumentImage } from "../store/document-slice";
import { useAppStore } from "../store/store";
import { useTask } from "../workspace/use-task";
import { dilationRing, ringPixels } from "./dilation-ring";

/**
 * Amber at 65% (ABGR, little-endian): apart from the mask's tint and the smart tools' blue, with
 * the photo still readable under it.
 */
const RING_TINT = 0xa624bffb;

/**
 * Remove's dilation shown on the stage before sending: the band `dilate_pixels` adds around the
 * painted mask, as a canvas placed by CSS transform like the smart tools' preview. A preview
 * only: the mask itself is unchanged, the proxy grows it.
 */
export function DilationRing({
  image,
  view,
}: {
  image: DocumentImage;
  view: { scale: number; x: number; y: number };
}) {
  const { task } = useTask();
  const pixels = useAppStore((s) => s.dilatePixels);
  const maskOps = useAppStore((s) => s.maskOps);
  const masks = useMaskManager();
  const canvas = useRef<HTMLCanvasElement>(null);
  const removing = task.id === "erase";
  const ring = useMemo(() => {
    if (!removing) return null;
    const { url, width, height } = image;
    return dilationRing(
      { data: masks.display.mask(url, width, height, maskOps), width, height },
      pixels,
    );
  }, [removing, image, maskOps, pixels, masks]);

  useLayoutEffect(() => {
    if (canvas.current && ring) drawSelection(canvas.current, ring, RING_TINT);
  }, [ring]);

  if (!ring) return null;
  const { box } = ring;
  const left = view.x + box.x * view.scale;
  const top = view.y + box.y * view.scale;
  return (
    <canvas
      ref={canvas}
      data-testid="dilation-ring"
      data-box={`${box.x},${box.y},${box.width},${box.height}`}
      data-pixels={ringPixels(ring)}
      className="pointer-events-none absolute top-0 left-0 origin-top-left [image-rendering:pixelated]"
      style={{
        transform: `translate(${left}px, ${top}px) scale(${view.scale * previewStep(box)})`,
      }}
    />
  );
}
