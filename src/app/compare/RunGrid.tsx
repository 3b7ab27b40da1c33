import { useRetryVariant } from "../generate/use-retry-variant";
import { blobKey, type RunRecord, type VariantRecord } from "../history/history-db";
import { useBlobUrl } from "../history/history-queries";
import { variantLabel } from "../history/run-downloads";
import { useAppStore } from "../store/store";
import { checkerboardStyle } from "../view/checkerboard";
import { useOriginalUrl } from "./original-image";
import { readyVariants } from "./use-comparison";

/** All variants of a run side by side; pick A and B for the slider (A may be the original). */
export function RunGrid({ run }: { run: RunRecord }) {
  const ready = readyVariants(run);
  const compareA = useAppStore((s) => s.compareA);
  const compareB = useAppStore((s) => s.compareB);
  const setCompareA = useAppStore((s) => s.setCompareA);
  const a = compareA !== "original" && ready.includes(compareA) ? compareA : "original";
  const b = ready.includes(compareB) ? compareB : ready[0];
  return (
    <div data-testid="run-grid" className="flex gap-3 overflow-x-auto pb-1">
      <Tile
        label="Original"
        src={useOriginalUrl(run)}
        isA={a === "original"}
        isB={null}
        onA={() => setCompareA("original")}
      />
      {run.variants.map((variant) => (
        <VariantTile
          key={variant.index}
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

interface TileProps {
  label: string;
  status?: string;
  /** The full message of a failed variant, on hover. */
  detail?: string;
  src: string | undefined;
  isA: boolean;
  /** null: this tile cannot be B (the original is only ever compared against). */
  isB: boolean | null;
  onA?: () => void;
  onB?: () => void;
  onRetry?: () => void;
}

function Tile({ label, status, detail, src, isA, isB, onA, onB, onRetry }: TileProps) {
  const pick =
    "rounded px-2 py-0.5 text-xs font-semibold disabled:opacity-30 aria-pressed:bg-accent aria-pressed:text-white bg-neutral-700";
  return (
    <figure
      data-testid="run-tile"
      className="w-40 shrink-0 space-y-1 rounded-md border border-neutral-700 bg-neutral-800 p-1.5 data-[b=true]:border-accent"
      data-b={isB}
    >
      {src ? (
        <button
          type="button"
          className="block h-24 w-full"
          onClick={onB}
          disabled={!onB}
          title={onB ? "Show as B" : undefined}
        >
          {/* Sized to the image itself, so the checkerboard shows only through its pixels. */}
          <img
            src={src}
            alt={label}
            className="mx-auto max-h-full max-w-full"
            style={checkerboardStyle}
          />
        </button>
      ) : (
        <div
          className="grid h-24 place-content-center gap-1 text-center text-xs text-neutral-400"
          title={detail}
        >
          <span>{status ?? "…"}</span>
          {onRetry && (
            <button
              type="button"
              data-testid="tile-retry"
              onClick={onRetry}
              className="rounded bg-neutral-700 px-2 py-0.5 text-white hover:bg-neutral-600"
            >
              Retry
            </button>
          )}
        </div>
      )}
      <figcaption className="flex items-center gap-1 text-xs text-neutral-300">
        <span className="flex-1 truncate" title={label}>
          {label}
        </span>
        <button
          type="button"
          className={pick}
          aria-pressed={isA}
          disabled={!onA}
          onClick={onA}
          aria-label={`${label} as A`}
        >
          A
        </button>
        {isB !== null && (
          <button
            type="button"
            className={pick}
            aria-pressed={isB}
            disabled={!onB}
            onClick={onB}
            aria-label={`${label} as B`}
          >
            B
          </button>
        )}
      </figcaption>
    </figure>
  );
}
