import type { PanZoom } from "../editor/use-pan-zoom";
import { zoomPercent } from "./view-transform";
import { ZoomBar } from "./ZoomBar";

/** The zoom bar over a Konva stage (editor, frame), kept clear of the pointer surface below it. */
export function StageZoomBar({ panZoom }: { panZoom: PanZoom }) {
  return (
    // Pointer events stop here: a click on a zoom button must not start a stroke or a drag.
    <div
      className="absolute bottom-3 left-3"
      onPointerDown={(event) => event.stopPropagation()}
      onPointerUp={(event) => event.stopPropagation()}
    >
      <ZoomBar
        percent={zoomPercent(panZoom.view)}
        zoomBy={panZoom.zoomBy}
        fit={panZoom.fit}
        actual={panZoom.actual}
      />
    </div>
  );
}
