import { checkerboardStyle } from "../view/checkerboard";

interface TileProps {
  /** In the side column: the column's width and a taller image. */
  column: boolean;
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

/** One picture of a run with its label and the buttons that make it A or B. */
export function Tile({
  column,
  label,
  status,
  detail,
  src,
  isA,
  isB,
  onA,
  onB,
  onRetry,
}: TileProps) {
  const imageBox = column ? "h-40" : "h-24";
  return (
    <figure
      data-testid="run-tile"
      className={`${column ? "w-full" : "w-44"} shrink-0 space-y-1 rounded-md border border-neutral-700 bg-neutral-800 p-1.5 data-[b=true]:border-accent`}
      data-b={isB}
    >
      {src ? (
        <button
          type="button"
          className={`block w-full ${imageBox}`}
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
          className={`grid place-content-center gap-1 text-center text-xs text-neutral-400 ${imageBox}`}
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
        <span data-testid="tile-label" className="line-clamp-2 flex-1 break-words" title={label}>
          {label}
        </span>
        <PickButton side="A" label={label} pressed={isA} onClick={onA} />
        {isB !== null && <PickButton side="B" label={label} pressed={isB} onClick={onB} />}
      </figcaption>
    </figure>
  );
}

/** Makes a tile the slider's A or B side; disabled while the tile has no image. */
function PickButton(props: {
  side: "A" | "B";
  label: string;
  pressed: boolean;
  onClick: (() => void) | undefined;
}) {
  return (
    <button
      type="button"
      className="rounded bg-neutral-700 px-2 py-0.5 text-xs font-semibold disabled:opacity-30 aria-pressed:bg-accent aria-pressed:text-white"
      aria-pressed={props.pressed}
      disabled={!props.onClick}
      onClick={props.onClick}
      aria-label={`${props.label} as ${props.side}`}
    >
      {props.side}
    </button>
  );
}
