import type Konva from "konva";
import { useLayoutEffect, useRef } from "react";
import { Circle, Group, Image as KonvaImage, Layer, Line, Rect, Stage } from "react-konva";
import type { DocumentImage } from "../store/document-slice";
import { useAppStore } from "../store/store";
import { fitView } from "./fit-view";
import { useBrushStroke } from "./use-brush-stroke";
import { useElementSize } from "./use-element-size";
import { useHtmlImage } from "./use-html-image";

const MASK_TINT = "#e5484d";
const MASK_OPACITY = 0.55;

/** The image with its mask painted over it; strokes are stored in image pixels. */
export function MaskStage({ image }: { image: DocumentImage }) {
  const frame = useRef<HTMLDivElement>(null);
  const viewport = useElementSize(frame);
  const bitmap = useHtmlImage(image.url);
  const strokes = useAppStore((s) => s.strokes);
  const refs = {
    content: useRef<Konva.Group>(null),
    live: useRef<Konva.Line>(null),
    cursor: useRef<Konva.Circle>(null),
  };
  const handlers = useBrushStroke(refs);
  const fit = fitView(image, viewport);

  // Once a committed stroke has rendered, the buffer line that drew it is emptied.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the committed strokes change
  useLayoutEffect(() => {
    refs.live.current?.setAttrs({ points: [], visible: false });
    refs.live.current?.getLayer()?.batchDraw();
  }, [strokes]);

  const groupProps = { x: fit.x, y: fit.y, scaleX: fit.scale, scaleY: fit.scale };
  const bounds = { x: 0, y: 0, width: image.width, height: image.height };
  return (
    <div ref={frame} data-testid="stage" className="h-full w-full cursor-none touch-none">
      {viewport.width > 0 && (
        <Stage width={viewport.width} height={viewport.height} {...handlers}>
          <Layer listening={false}>
            <Group {...groupProps}>{bitmap && <KonvaImage image={bitmap} {...bounds} />}</Group>
          </Layer>
          {/* Strokes are white, then one tint rect keeps only their shape: overlaps never darken. */}
          <Layer listening={false} opacity={MASK_OPACITY}>
            <Group {...groupProps} clip={bounds}>
              {strokes.map((stroke, index) => (
                <Line
                  // biome-ignore lint/suspicious/noArrayIndexKey: strokes only append or pop
                  key={index}
                  points={stroke.points}
                  strokeWidth={stroke.size}
                  stroke="#fff"
                  lineCap="round"
                  lineJoin="round"
                />
              ))}
              <Rect {...bounds} fill={MASK_TINT} globalCompositeOperation="source-in" />
            </Group>
          </Layer>
          <Layer listening={false} opacity={MASK_OPACITY}>
            <Group ref={refs.content} {...groupProps} clip={bounds}>
              <Line
                ref={refs.live}
                stroke="#fff"
                lineCap="round"
                lineJoin="round"
                visible={false}
              />
              <Rect {...bounds} fill={MASK_TINT} globalCompositeOperation="source-in" />
            </Group>
          </Layer>
          <Layer listening={false}>
            <Group {...groupProps}>
              <Circle
                ref={refs.cursor}
                stroke="#fff"
                strokeWidth={1.5 / fit.scale}
                shadowColor="#000"
                shadowBlur={2}
                visible={false}
              />
            </Group>
          </Layer>
        </Stage>
      )}
    </div>
  );
}
