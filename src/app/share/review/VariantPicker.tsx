import type { ShareView } from "../../../contract";
import { sideLabel } from "../../compare/use-comparison";
import { checkerboardStyle } from "../../view/checkerboard";

export type Side = "original" | number;

const chip =
  "rounded px-2 py-0.5 text-xs font-semibold aria-pressed:bg-accent aria-pressed:text-black bg-neutral-700 text-neutral-200";

/** The before and every variant as tiles; each can go on side A, the variants on side B. */
export function VariantPicker(props: {
  view: ShareView;
  a: Side;
  b: number;
  onA: (side: Side) => void;
  onB: (index: number) => void;
  /** In the side column beside a portrait: the tiles wrap instead of scrolling sideways. */
  column: boolean;
}) {
  const tiles: { side: Side; src: string }[] = [
    { side: "original", src: props.view.before },
    ...props.view.variants.map((v) => ({ side: v.index, src: v.url })),
  ];
  return (
    <div
      data-testid="review-grid"
      className={`flex gap-3 pb-1 ${props.column ? "flex-wrap" : "overflow-x-auto"}`}
    >
      {tiles.map(({ side, src }) => (
        <figure key={String(side)} data-testid="review-tile" className="shrink-0 space-y-1">
          <img
            src={src}
            alt={sideLabel(side)}
            className="h-24 w-auto rounded"
            style={checkerboardStyle}
          />
          <figcaption className="flex items-center gap-1 text-xs text-neutral-300">
            <span className="mr-auto">{sideLabel(side)}</span>
            <button
              type="button"
              className={chip}
              aria-pressed={props.a === side}
              aria-label={`${sideLabel(side)} as A`}
              onClick={() => props.onA(side)}
            >
              A
            </button>
            {side !== "original" && (
              <button
                type="button"
                className={chip}
                aria-pressed={props.b === side}
                aria-label={`${sideLabel(side)} as B`}
                onClick={() => props.onB(side)}
              >
                B
              </button>
            )}
          </figcaption>
        </figure>
      ))}
    </div>
  );
}
