import type Konva from "konva";
import { useLayoutEffect, useRef } from "react";
import { Group, Image as KonvaImage, Layer, Rect, Stage } from "react-konva";
import { releaseControlFocus } from "../editor/focus-target";
import { EXCLUDE_TINT } from "../editor/mask-display";
import { useEditorShortcuts } from "../editor/use-editor-shortcuts";
import { useElementSize } from "../editor/use-element-size";
import { useHtmlImage } from "../editor/use-html-image";
import { usePanZoom } from "../editor/use-pan-zoom";
import { useMaskManager } from "../export/mask-manager-context";
import type { DocumentImage } from "../store/document-slice";
import { useAppStore } from "../store/store";
import { Checkerboard } from "../view/Checkerboard";
import { PREPARING, StageBusy } from "../view/StageBusy";
import { StageZoomBar } from "../view/StageZoomBar";
import { dragPadding, type FrameHandle } from "./frame-drag";
import { frameHandles } from "./frame-handles";
import type { FittedFrame, Padding } from "./outpaint-geometry";
import { useOutpaintFrame } from "./use-outpaint-frame";

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
const HANDLES = new Set<string>(Object.keys(CURSORS));

/**
 * The outpaint stage for the frame in the store. The frame is read here rather than in the app
 * shell, so dragging its edges re-renders this stage (and the panel showing its size) only.
 */
export function OutpaintView({ image }: { image: DocumentImage }) {
  const fitted = useOutpaintFrame();
  return fitted ? <OutpaintStage image={image} fitted={fitted} /> : null;
}

/**
 * The new canvas: the image inside its frame, the area to be generated shaded, the mask painted
 * in Edit (it goes along into the request, so what is shown is what is repainted), and a busy
 * state while the photo decodes. Edges and the
 * image can be dragged; the store keeps the requested padding and the frame is derived from it.
 * Zoom and pan are the editor's (wheel, pinch, keys, Space or middle-button drag), applied to
 * the frame instead of the image.
 */
function OutpaintStage({ image, fitted }: { image: DocumentImage; fitted: FittedFrame }) {
  const container = useRef<HTMLDivElement>(null);
  const stage = useRef<Konva.Stage>(null);
  const masks = useMaskManager();
  const maskDisplay = masks.display;
  const viewport = useElementSize(container);
  const bitmap = useHtmlImage(image.url);
  const setPadding = useAppStore((s) => s.setOutpaintPadding);
  const maskOps = useAppStore((s) => s.maskOps);
  const excludeOps = useAppStore((s) => s.excludeOps);
  const tint = useAppStore((s) => s.overlayColor);
  const maskLayer = useRef<Konva.Layer>(null);
  const excludeLayer = useRef<Konva.Layer>(null);
  const drag = useRef<Drag | null>(null);
  const { frame } = fitted;
  const panZoom = usePanZoom(container, stage, frame, viewport);
  useEditorShortcuts(panZoom);
  const { view } = panZoom;

  useLayoutEffect(() => {
    maskDisplay.sync(image.url, image.width, image.height, maskOps);
    masks.syncExclusion(image.url, image.width, image.height, excludeOps);
    maskLayer.current?.batchDraw();
    excludeLayer.current?.batchDraw();
  }, [image, maskOps, excludeOps, maskDisplay, masks]);

  const local = (event: React.PointerEvent) => {
    const box = container.current?.getBoundingClientRect();
    return { x: event.clientX - (box?.left ?? 0), y: event.clientY - (box?.top ?? 0) };
  };
  const handleAt = (point: { x: number; y: number }): FrameHandle | null => {
    const name = stage.current?.getIntersection(point)?.name();
    return name && HANDLES.has(name) ? (name as FrameHandle) : null;
  };

  const down = (event: React.PointerEvent) => {
    if (panZoom.down(event) || event.button !== 0) return;
    const pointer = local(event);
    const handle = handleAt(pointer);
    const padding = useAppStore.getState().outpaint?.padding;
    if (!handle || !padding) return;
    container.current?.setPointerCapture(event.pointerId);
    drag.current = { handle, pointer, padding };
  };
  const move = (event: React.PointerEvent) => {
    if (panZoom.move(event)) return;
    const pointer = local(event);
    if (!drag.current) {
      if (container.current) {
        const handle = handleAt(pointer);
        container.current.style.cursor = handle ? CURSORS[handle] : "default";
      }
      return;
    }
    // Screen pixels → frame pixels → the image's own pixels, in which the padding is kept.
    const toImage = 1 / (view.scale * fitted.scale);
    const dx = (pointer.x - drag.current.pointer.x) * toImage;
    const dy = (pointer.y - drag.current.pointer.y) * toImage;
    setPadding(dragPadding(drag.current.handle, drag.current.padding, dx, dy));
  };
  const up = (event: React.PointerEvent) => {
    panZoom.up(event);
    drag.current = null;
  };

  const handles = frameHandles(frame, view.scale);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a pointer surface; presets and keys do the same without a pointer
    <div
      ref={container}
      data-testid="outpaint-stage"
      data-ready={bitmap !== null}
      className="relative h-full w-full touch-none select-none overflow-hidden"
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={up}
      onPointerEnter={releaseControlFocus}
      onContextMenu={(event) => event.preventDefault()}
    >
      {viewport.width > 0 && (
        <Stage ref={stage} {...panZoom.stageProps}>
          <Layer>
            <Group>
              <Rect width={frame.width} height={frame.height} fill="#e5484d" opacity={0.28} />
              {bitmap ? (
                <>
                  <Checkerboard {...frame.image} scale={view.scale} />
                  <KonvaImage name="image" image={bitmap} {...frame.image} />
                </>
              ) : (
                // While it decodes, a plain placeholder: a checkerboard read as a transparent photo.
                <Rect name="image" {...frame.image} fill="#262626" />
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
                  name={handle}
                  x={x}
                  y={y}
                  width={w}
                  height={h}
                  cornerRadius={Math.min(w, h) / 2}
                  fill="#fff"
                  stroke="#1c1c1f"
                  strokeWidth={1 / view.scale}
                  hitStrokeWidth={16 / view.scale}
                />
              ))}
            </Group>
          </Layer>
          {/* A layer each: a tint's source-in would recolour whatever its layer already holds. */}
          <Layer ref={excludeLayer} listening={false} opacity={0.55}>
            <Group>
              {excludeOps.length > 0 && (
                <KonvaImage image={masks.excludeDisplay.canvas} {...frame.image} />
              )}
              <Rect {...frame.image} fill={EXCLUDE_TINT} globalCompositeOperation="source-in" />
            </Group>
          </Layer>
          <Layer ref={maskLayer} listening={false} opacity={0.55}>
            <Group>
              <KonvaImage image={maskDisplay.canvas} {...frame.image} />
              <Rect {...frame.image} fill={tint} globalCompositeOperation="source-in" />
            </Group>
          </Layer>
        </Stage>
      )}
      {!bitmap && <StageBusy label={PREPARING.extend} />}
      <StageZoomBar panZoom={panZoom} />
    </div>
  );
}
