import { Hand } from "lucide-react";
import { type KeyboardEvent, useRef, useState } from "react";
import { Handle, HandleRoot, Item, Provider, Root } from "react-compare-slider/components";
import { useReactCompareSlider } from "react-compare-slider/hooks";
import { checkerboardStyle } from "../view/checkerboard";
import { type Size, type ViewTransform, zoomPercent } from "../view/view-transform";
import { ZoomBar } from "../view/ZoomBar";
import { layerTransform, useZoomPan } from "./use-zoom-pan";

export interface SliderSide {
  src: string;
  label: string;
}

interface Props {
  a: SliderSide;
  b: SliderSide;
  /** Transparent PNG drawn over both sides (the mask outline), or null. */
  overlay: string | null;
  /** The run's image size: both sides are drawn at it, under one view (100% = actual pixels). */
  content: Size;
  width: number;
  height: number;
  /** Where the divider starts, in percent of the width (the middle when omitted). */
  start?: number;
}

/**
 * react-compare-slider (drag, click, touch, arrow keys) plus Home/End, and one zoom/pan shared by
 * both sides so details line up while the divider moves.
 */
export function CompareSlider({ a, b, overlay, content, width, height, start = 50 }: Props) {
  const frame = useRef<HTMLDivElement>(null);
  const [panning, setPanning] = useState(false);
  const zoom = useZoomPan(frame, content, { width, height }, panning);
  const slider = useReactCompareSlider({
    defaultPosition: start,
    ...(panning ? { onlyHandleDraggable: true } : {}),
  });
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Home" && event.key !== "End") return;
    event.preventDefault();
    slider.setPosition(event.key === "Home" ? 0 : 100);
  };
  return (
    <div className="flex flex-col items-center gap-2">
      <div
        ref={frame}
        data-testid="compare-slider"
        onPointerDown={zoom.onPointerDown}
        className={panning ? "relative cursor-grab" : "relative"}
        style={{ width, height }}
      >
        <Provider {...slider}>
          {/* Not clipped, so a divider that starts by the photo's edge shows its whole handle. */}
          <Root className="h-full w-full" style={{ overflow: "visible" }}>
            <Item item="itemOne">
              <Layer
                src={a.src}
                alt={a.label}
                overlay={overlay}
                content={content}
                view={zoom.view}
              />
            </Item>
            <Item item="itemTwo">
              <Layer
                src={b.src}
                alt={b.label}
                overlay={overlay}
                content={content}
                view={zoom.view}
                testId="result-image"
              />
            </Item>
            <HandleRoot onKeyDown={onKeyDown}>
              <Handle />
            </HandleRoot>
          </Root>
        </Provider>
        <Tag className="left-2">{a.label}</Tag>
        <Tag className="right-2">{b.label}</Tag>
      </div>
      <ZoomBar
        percent={zoomPercent(zoom.view)}
        zoomBy={zoom.zoomBy}
        fit={zoom.fit}
        actual={zoom.actual}
      >
        <button
          type="button"
          className="rounded p-1 text-neutral-200 hover:bg-neutral-700 aria-pressed:bg-neutral-600"
          aria-pressed={panning}
          onClick={() => setPanning((p) => !p)}
          title="Pan: drag to move both sides; the divider moves by its handle only"
        >
          <Hand size={16} aria-label="Pan" />
        </button>
      </ZoomBar>
    </div>
  );
}

function Layer(props: {
  src: string;
  alt: string;
  overlay: string | null;
  content: Size;
  view: ViewTransform;
  testId?: string;
}) {
  const { scale } = props.view;
  return (
    <div className="h-full w-full overflow-hidden">
      {/* Drawn at the image's own size; the checkerboard shows through transparent pixels. */}
      <div
        data-zoom-layer
        className="relative origin-top-left"
        style={{
          ...checkerboardStyle,
          width: props.content.width,
          height: props.content.height,
          transform: layerTransform(props.view),
        }}
      >
        <img
          data-testid={props.testId}
          src={props.src}
          alt={props.alt}
          draggable={false}
          className="block h-full w-full select-none"
          style={{ imageRendering: scale > 2 ? "pixelated" : "auto" }}
        />
        {props.overlay && (
          <img
            data-testid="mask-outline"
            src={props.overlay}
            alt=""
            draggable={false}
            className="pointer-events-none absolute inset-0 h-full w-full"
          />
        )}
      </div>
    </div>
  );
}

function Tag({ className, children }: { className: string; children: string }) {
  return (
    <span
      className={`pointer-events-none absolute top-2 z-10 rounded bg-black/60 px-2 py-0.5 text-xs text-white ${className}`}
    >
      {children}
    </span>
  );
}
