import type Konva from "konva";
import { useRef } from "react";
import { Group, Image as KonvaImage, Layer, Rect, Stage } from "react-konva";
import { fitView } from "../editor/fit-view";
import { useElementSize } from "../editor/use-element-size";
import { useHtmlImage } from "../editor/use-html-image";
import type { DocumentImage } from "../store/document-slice";
import { useAppStore } from "../store/store";
import { dragPadding, type FrameHandle } from "./frame-drag";
import type { FittedFrame, Padding } from "./outpaint-geometry";

interface Drag {
  handle: FrameHandle;
  pointer: { x: number; y: number };
  padding: Padding;
}

const CURSORS: Record<FrameHandle, string> = {
  left: "ew-resize",
  right: "ew-resize",
  top: "ns-resize",
  bottom: "ns-resize",
  image: "move",
};

/**
 * The new canvas: the image inside its frame, the area to be generated shaded. Edges and the
 * image can be dragged; the store keeps the requested padding and the frame is derived from it.
 */
export function OutpaintStage({ image, fitted }: { image: DocumentImage; fitted: FittedFrame }) {
  const container = useRef<HTMLDivElement>(null);
  const viewport = useElementSize(container);
  const bitmap = useHtmlImage(image.url);
  const setPadding = useAppStore((s) => s.setOutpaintPadding);
  const drag = useRef<Drag | null>(null);
  const { frame } = fitted;
  const view = fitView(frame, viewport);

  const begin = (handle: FrameHandle) => (event: Konva.KonvaEventObject<PointerEvent>) => {
    const pointer = event.target.getStage()?.getPointerPosition();
    const padding = useAppStore.getState().outpaint?.padding;
    if (!pointer || !padding) return;
    drag.current = { handle, pointer, padding };
  };
  const move = (event: Konva.KonvaEventObject<PointerEvent>) => {
    const pointer = event.target.getStage()?.getPointerPosition();
    if (!drag.current || !pointer) return;
    // Screen pixels → frame pixels → the image's own pixels, in which the padding is kept.
    const toImage = 1 / (view.scale * fitted.scale);
    const dx = (pointer.x - drag.current.pointer.x) * toImage;
    const dy = (pointer.y - drag.current.pointer.y) * toImage;
    setPadding(dragPadding(drag.current.handle, drag.current.padding, dx, dy));
  };
  const end = () => {
    drag.current = null;
  };
  const hover = (cursor: string) => () => {
    if (container.current && !drag.current) container.current.style.cursor = cursor;
  };

  const grip = 12 / view.scale;
  const length = 56 / view.scale;
  const handles: { handle: FrameHandle; x: number; y: number; w: number; h: number }[] = [
    { handle: "left", x: -grip / 2, y: frame.height / 2 - length / 2, w: grip, h: length },
    {
      handle: "right",
      x: frame.width - grip / 2,
      y: frame.height / 2 - length / 2,
      w: grip,
      h: length,
    },
    { handle: "top", x: frame.width / 2 - length / 2, y: -grip / 2, w: length, h: grip },
    {
      handle: "bottom",
      x: frame.width / 2 - length / 2,
      y: frame.height - grip / 2,
      w: length,
      h: grip,
    },
  ];
  return (
    <div ref={container} data-testid="outpaint-stage" className="h-full w-full touch-none">
      {viewport.width > 0 && (
        <Stage
          width={viewport.width}
          height={viewport.height}
          onPointerMove={move}
          onPointerUp={end}
          onPointerLeave={end}
        >
          <Layer>
            <Group x={view.x} y={view.y} scaleX={view.scale} scaleY={view.scale}>
              <Rect width={frame.width} height={frame.height} fill="#e5484d" opacity={0.28} />
              {bitmap && (
                <KonvaImage
                  image={bitmap}
                  {...frame.image}
                  onPointerDown={begin("image")}
                  onPointerEnter={hover(CURSORS.image)}
                  onPointerLeave={hover("default")}
                />
              )}
              <Rect
                width={frame.width}
                height={frame.height}
                stroke="#fbd5d6"
                strokeWidth={1.5 / view.scale}
                dash={[6 / view.scale, 4 / view.scale]}
                listening={false}
              />
              {handles.map(({ handle, x, y, w, h }) => (
                <Rect
                  key={handle}
                  name={`handle-${handle}`}
                  x={x}
                  y={y}
                  width={w}
                  height={h}
                  cornerRadius={grip / 2}
                  fill="#fff"
                  stroke="#1c1c1f"
                  strokeWidth={1 / view.scale}
                  hitStrokeWidth={16 / view.scale}
                  onPointerDown={begin(handle)}
                  onPointerEnter={hover(CURSORS[handle])}
                  onPointerLeave={hover("default")}
                />
              ))}
            </Group>
          </Layer>
        </Stage>
      )}
    </div>
  );
}
