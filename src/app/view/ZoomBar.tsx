import { Maximize, ZoomIn, ZoomOut } from "lucide-react";
import type { ReactNode } from "react";

const tool =
  "rounded px-1 py-1 text-neutral-200 hover:bg-neutral-700 aria-pressed:bg-neutral-600 text-xs";

/**
 * The zoom readout and buttons, the same under the editor, the frame and Compare. "100%" is
 * actual pixels in all three.
 */
export function ZoomBar(props: {
  percent: string;
  zoomBy: (factor: number) => void;
  fit: () => void;
  actual: () => void;
  /** More tools after the zoom buttons (Compare's pan toggle). */
  children?: ReactNode;
  className?: string;
}) {
  return (
    <div
      data-testid="zoom-bar"
      className={`flex items-center gap-1 rounded-md bg-neutral-900/85 px-1 text-xs text-neutral-300 ${props.className ?? ""}`}
    >
      <button
        type="button"
        className={tool}
        onClick={() => props.zoomBy(1 / 1.5)}
        title="Zoom out (-)"
      >
        <ZoomOut size={16} aria-label="Zoom out" />
      </button>
      <span data-testid="zoom-level" className="w-12 text-center tabular-nums">
        {props.percent}
      </span>
      <button type="button" className={tool} onClick={() => props.zoomBy(1.5)} title="Zoom in (+)">
        <ZoomIn size={16} aria-label="Zoom in" />
      </button>
      <button type="button" className={tool} onClick={props.fit} title="Fit (0)">
        <Maximize size={16} aria-label="Fit" />
      </button>
      <button
        type="button"
        className={`${tool} font-semibold`}
        onClick={props.actual}
        title="Actual pixels (1)"
        aria-label="Actual size"
      >
        1:1
      </button>
      {props.children}
    </div>
  );
}
