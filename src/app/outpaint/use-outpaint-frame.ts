import { useMemo } from "react";
import { useAppStore } from "../store/store";
import { DEFAULT_LIMITS, type FittedFrame, fitFrame } from "./outpaint-geometry";

/** The rounded, limited frame for the current outpaint request; null when inpainting. */
export function useOutpaintFrame(): FittedFrame | null {
  const image = useAppStore((s) => s.image);
  const outpaint = useAppStore((s) => s.outpaint);
  return useMemo(
    () => (image && outpaint ? fitFrame(image, outpaint.padding, DEFAULT_LIMITS) : null),
    [image, outpaint],
  );
}
