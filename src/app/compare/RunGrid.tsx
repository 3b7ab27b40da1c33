import { useRetryVariant } from "../generate/use-retry-variant";
import { blobKey, type RunRecord, type VariantRecord } from "../history/history-db";
import { useBlobUrl } from "../history/history-queries";
import { variantLabel } from "../history/run-downloads";
import { useAppStore } from "../store/store";
import { useOriginalUrl } from "./original-image";
import { Tile } from "./RunTile";
import { readyVariants } from "./use-comparison";

/**
 * All variants of a run side by side (or one under another in the comparison's side column,
 * larger); pick A and B for the slider (A may be the original).
 */
export function RunGrid({ run, column = false }: { run: RunRecord; column?: boolean }) {
  const ready = readyVariants(run);
  const compareA = useAppStore((s) => s.compareA);
  const compareB = useAppStore((s) => s.compareB);
  const setCompareA = useAppStore((s) => s.setCompareA);
  const a = compareA !== "original" && ready.includes(compareA) ? compareA : "original";
  const b = ready.includes(compareB) ? compareB : ready[0];
  return (
    <div
      data-testid="run-grid"
      data-column={column}
      className="flex gap-3 overflow-x-auto pb-1 data-[column=true]:flex-col"
    >
      <Tile
        column={column}
        label="Original"
        src={useOriginalUrl(run)}
        isA={a === "original"}
        isB={null}
        onA={() => setCompareA("original")}
      />
      {run.variants.map((variant) => (
        <VariantTile
          key={variant.index}
          column={column}
          run={run}
          variant={variant}
          isA={a === variant.index}
          isB={b === variant.index}
        />
      ))}
    </div>
  );
}

function VariantTile(props: {
  column: boolean;
  run: RunRecord;
  variant: VariantRecord;
  isA: boolean;
  isB: boolean;
}) {
  const { run, variant } = props;
  const setCompareA = useAppStore((s) => s.setCompareA);
  const setCompareB = useAppStore((s) => s.setCompareB);
  const retry = useRetryVariant();
  const ready = variant.state === "ready";
  const src = useBlobUrl(ready ? blobKey(run.id, "result", variant.index) : null);
  return (
    <Tile
      column={props.column}
      label={variantLabel(variant)}
      status={ready ? undefined : variant.status}
      src={src}
      isA={props.isA}
      isB={props.isB}
      onA={ready ? () => setCompareA(variant.index) : undefined}
      onB={ready ? () => setCompareB(variant.index) : undefined}
      detail={variant.message ?? undefined}
      onRetry={
        variant.retryable && (variant.state === "failed" || variant.state === "cancelled")
          ? () => retry(run, variant.index)
          : undefined
      }
    />
  );
}
