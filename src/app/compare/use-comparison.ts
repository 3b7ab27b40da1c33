import { blobKey, type RunRecord } from "../history/history-db";
import { useBlobUrl } from "../history/history-queries";
import type { CompareSide } from "../store/compare-slice";
import { useAppStore } from "../store/store";
import type { SliderSide } from "./CompareSlider";
import { useOriginalUrl } from "./original-image";
import { useDividerStart } from "./use-divider-start";

export const sideLabel = (side: CompareSide) =>
  side === "original" ? "Original" : `Variant ${side + 1}`;

/** Indices of the run's variants that have a result to show. */
export const readyVariants = (run: RunRecord) =>
  run.variants.filter((v) => v.state === "ready").map((v) => v.index);

/**
 * What the slider shows for a run: the chosen A and B, falling back to the first finished
 * variant while the chosen one is not ready, and where the divider starts; null while nothing is.
 */
export function useComparison(run: RunRecord, bOverride?: number) {
  const chosenA = useAppStore((s) => s.compareA);
  const chosenB = useAppStore((s) => s.compareB);
  const showOutline = useAppStore((s) => s.showMaskOutline);
  const ready = readyVariants(run);
  const wantedB = bOverride ?? chosenB;
  const b = ready.includes(wantedB) ? wantedB : ready[0];
  const a: CompareSide = chosenA !== "original" && ready.includes(chosenA) ? chosenA : "original";
  const source = useOriginalUrl(run);
  const aUrl = useBlobUrl(a === "original" ? null : blobKey(run.id, "result", a));
  const bUrl = useBlobUrl(b === undefined ? null : blobKey(run.id, "result", b));
  const outline = useBlobUrl(showOutline ? blobKey(run.id, "outline") : null);
  const start = useDividerStart(run);
  const aSrc = a === "original" ? source : aUrl;
  if (b === undefined || !aSrc || !bUrl || start === undefined) return null;
  const sideA: SliderSide = { src: aSrc, label: `A · ${sideLabel(a)}` };
  const sideB: SliderSide = { src: bUrl, label: `B · ${sideLabel(b)}` };
  return { a, b, sideA, sideB, start, overlay: showOutline ? (outline ?? null) : null };
}
