import { Hand, Maximize, ZoomIn, ZoomOut } from "lucide-react";
import { type KeyboardEvent, useRef, useState } from "react";
import { Handle, HandleRoot, Item, Provider, Root } from "react-compare-slider/components";
import { useReactCompareSlider } from "react-compare-slider/hooks";
import { useZoomPan } from "./use-zoom-pan";
import type { ZoomPan } from "./zoom-pan";

export interface SliderSide {
  src: string;
  label: string;
}

interface Props {
  a: SliderSide;
  b: SliderSide;
  /** Transparent PNG drawn over both sides (the mask outline), or null. */
  overlay: string | null;
  width: number;
  height: number;
}

/**
 * react-compare-slider (drag, click, touch, arrow keys) plus Home/End, and one zoom/pan shared by
 * both sides so details line up while the divider moves.
 */
export function CompareSlider({ a, b, overlay, width, height }: Props) {
  const frame = useRef<HTMLDivElement>(null);
  const [panning, setPanning] = useState(false);
  const zoom = useZoomPan(frame, panning);
  const slider = useReactCompareSlider(panning ? { onlyHandleDraggable: true } : {});
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Home" && event.key !== "End") return;
    event.preventDefault();
    slider.setPosition(event.key === "Home" ? 0 : 100);
  };
  const tool = "rounded p-1 text-neutral-200 hover:bg-neutral-700 aria-pressed:bg-neutral-600";
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
          <Root className="h-full w-full">
            <Item item="itemOne">
              <Layer src={a.src} alt={a.label} overlay={overlay} view={zoom.view} />
            </Item>
            <Item item="itemTwo">
              <Layer
                src={b.src}
                alt={b.label}
                overlay={overlay}
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
      <div className="flex items-center gap-1 text-xs text-neutral-300">
        <button
          type="button"
          className={tool}
          onClick={() => zoom.zoomBy(1 / 1.5)}
          title="Zoom out"
        >
          <ZoomOut size={16} aria-label="Zoom out" />
        </button>
        <span data-testid="zoom-level" className="w-12 text-center">
          {Math.round(zoom.view.scale * 100)}%
        </span>
        <button type="button" className={tool} onClick={() => zoom.zoomBy(1.5)} title="Zoom in">
          <ZoomIn size={16} aria-label="Zoom in" />
        </button>
        <button type="button" className={tool} onClick={zoom.reset} title="Fit">
          <Maximize size={16} aria-label="Fit" />
        </button>
        <button
          type="button"
          className={tool}
          aria-pressed={panning}
          onClick={() => setPanning((p) => !p)}
          title="Pan: drag to move both sides; the divider moves by its handle only"
        >
          <Hand size={16} aria-label="Pan" />
        </button>
      </div>
    </div>
  );
}

function Layer(props: {
  src: string;
  alt: string;
  overlay: string | null;
  view: ZoomPan;
  testId?: string;
}) {
  const { scale, x, y } = props.view;
  return (
    <div className="h-full w-full overflow-hidden">
      <div
        className="relative h-full w-full origin-top-left"
        style={{ transform: `translate(${x}px, ${y}px) scale(${scale})` }}
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
