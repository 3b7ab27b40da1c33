import { useRef } from "react";
import { useElementSize } from "../editor/use-element-size";
import { useRun } from "../history/history-queries";
import { ShareBar } from "../share/ShareBar";
import { useAppStore } from "../store/store";
import { fitView } from "../view/view-transform";
import { CompareSlider } from "./CompareSlider";
import { compareLayout, SIDE_COLUMN, TOOLBAR } from "./compare-layout";
import { pendingMessage } from "./pending-message";
import { RunActions } from "./RunActions";
import { RunGrid } from "./RunGrid";
import { useComparison } from "./use-comparison";
import { useMaskKeysInCompare } from "./use-mask-keys-in-compare";

/**
 * The run on show: the A/B slider at the largest size that fits, with its actions and all
 * variants under it, or beside it when that shows the image clearly larger (`compareLayout`).
 */
export function CompareView({ runId }: { runId: string }) {
  const run = useRun(runId);
  const area = useRef<HTMLDivElement>(null);
  const areaSize = useElementSize(area);
  const frame = useRef<HTMLDivElement>(null);
  const viewport = useElementSize(frame);
  useMaskKeysInCompare();
  if (run === null) return <p className="m-auto text-neutral-400">This run was deleted.</p>;
  const beside = run ? compareLayout(run.source, areaSize) === "beside" : false;
  return (
    // w-0: the wide run grid scrolls instead of widening the page past the side panel.
    <div
      ref={area}
      data-testid="compare-view"
      data-layout={beside ? "beside" : "below"}
      className={`flex min-h-0 w-0 min-w-0 flex-1 gap-3 p-4 ${beside ? "flex-row" : "flex-col"}`}
    >
      <div ref={frame} className="grid min-h-0 min-w-0 flex-1 place-items-center">
        {run && viewport.width > 0 && <RunSlider run={run} viewport={viewport} />}
      </div>
      {run && (
        <div
          className={beside ? "flex shrink-0 flex-col gap-3 overflow-y-auto" : "contents"}
          style={beside ? { width: SIDE_COLUMN } : undefined}
        >
          <RunActions run={run} />
          <ShareBar run={run} />
          <RunGrid run={run} column={beside} />
        </div>
      )}
    </div>
  );
}

function RunSlider({
  run,
  viewport,
}: {
  run: NonNullable<ReturnType<typeof useRun>>;
  viewport: { width: number; height: number };
}) {
  const comparison = useComparison(run);
  const showOutline = useAppStore((s) => s.showMaskOutline);
  if (run.imagesPruned) {
    return (
      <p className="text-neutral-400">
        The full-size images of this run were pruned to save space.
      </p>
    );
  }
  if (!comparison) return <p className="text-neutral-400">{pendingMessage(run.variants)}</p>;
  // As large as fits (small images too), leaving room for the zoom toolbar under the slider.
  const { scale } = fitView(
    run.source,
    { width: viewport.width, height: viewport.height - TOOLBAR },
    0,
  );
  return (
    <CompareSlider
      key={`${run.id}:${comparison.a}:${comparison.b}:${showOutline}`}
      a={comparison.sideA}
      b={comparison.sideB}
      overlay={comparison.overlay}
      start={comparison.start}
      content={run.source}
      width={Math.floor(run.source.width * scale)}
      height={Math.floor(run.source.height * scale)}
    />
  );
}
