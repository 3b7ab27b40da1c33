import type Konva from "konva";
import { useEffect, useLayoutEffect, useRef } from "react";
import { Group, Image as KonvaImage, Layer, Line, Rect, Stage } from "react-konva";
import { useMaskManager } from "../export/mask-manager-context";
import { DilationRing } from "../generate/DilationRing";
import { SelectionPreview } from "../select/SelectionPreview";
import { SmartToolsLoading } from "../select/SmartToolsLoading";
import type { DocumentImage } from "../store/document-slice";
import { useAppStore } from "../store/store";
import { Checkerboard } from "../view/Checkerboard";
import { StageZoomBar } from "../view/StageZoomBar";
import { releaseControlFocus } from "./focus-target";
import { EXCLUDE_TINT } from "./mask-display";
import { useEditorShortcuts } from "./use-editor-shortcuts";
import { useElementSize } from "./use-element-size";
import { useHtmlImage } from "./use-html-image";
import { useMaskLayerStyle } from "./use-mask-layer-style";
import { useMaskPointer } from "./use-mask-pointer";
import { usePanZoom } from "./use-pan-zoom";

/** The image with its mask painted over it; operations are stored in image pixels. */
export function MaskStage({ image }: { image: DocumentImage }) {
  const frame = useRef<HTMLDivElement>(null);
  const viewport = useElementSize(frame);
  const bitmap = useHtmlImage(image.url);
  const masks = useMaskManager();
  const maskDisplay = masks.display;
  const maskOps = useAppStore((s) => s.maskOps);
  const excludeOps = useAppStore((s) => s.excludeOps);
  const color = useAppStore((s) => s.overlayColor);
  // A rectangle or lasso being drawn shows the colour of the layer it will land on.
  const drawing = useAppStore((s) => (s.paintLayer === "exclude" ? EXCLUDE_TINT : s.overlayColor));
  const opacity = useAppStore((s) => s.overlayOpacity);
  const visible = useAppStore((s) => s.maskVisible && !s.peeking);
  const brushLike = useAppStore((s) => s.tool === "brush" || s.tool === "eraser");
  const stage = useRef<Konva.Stage>(null);
  const refs = {
    maskLayer: useRef<Konva.Layer>(null),
    excludeLayer: useRef<Konva.Layer>(null),
    outline: useRef<Konva.Line>(null),
    cursor: useRef<HTMLDivElement>(null),
  };
  const panZoom = usePanZoom(frame, stage, image, viewport);
  const pointer = useMaskPointer(refs, panZoom.viewRef, image);
  useEditorShortcuts(panZoom);
  useMaskLayerStyle(refs.maskLayer, panZoom.view.scale, opacity, visible);
  useMaskLayerStyle(refs.excludeLayer, panZoom.view.scale, opacity, visible, false);

  useEffect(() => masks.warm(), [masks]);

  // The committed history is one cached bitmap: apply the new operation to it, and redraw the
  // layer from it, which replaces the live stroke's buffer pixels.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refs are stable
  useLayoutEffect(() => {
    maskDisplay.sync(image.url, image.width, image.height, maskOps);
    refs.maskLayer.current?.batchDraw();
  }, [image, maskOps]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refs are stable
  useLayoutEffect(() => {
    masks.syncExclusion(image.url, image.width, image.height, excludeOps);
    refs.excludeLayer.current?.batchDraw();
  }, [image, excludeOps, masks]);

  const { view } = panZoom;
  const bounds = { x: 0, y: 0, width: image.width, height: image.height };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the canvas is a pointer surface; every tool also has a button and a key
    <div
      ref={frame}
      data-testid="stage"
      className={`relative h-full w-full touch-none select-none overflow-hidden ${brushLike ? "cursor-none" : "cursor-crosshair"}`}
      onContextMenu={(event) => event.preventDefault()}
      onPointerDown={(event) => {
        if (panZoom.down(event)) pointer.cancel();
        else pointer.down(event);
      }}
      onPointerMove={(event) => {
        if (!panZoom.move(event)) pointer.move(event);
      }}
      onPointerUp={(event) => {
        if (!panZoom.up(event)) pointer.up();
      }}
      onPointerCancel={(event) => {
        panZoom.up(event);
        pointer.cancel();
      }}
      onPointerLeave={pointer.leave}
      onPointerEnter={releaseControlFocus}
    >
      {viewport.width > 0 && (
        <Stage ref={stage} {...panZoom.stageProps} listening={false}>
          <Layer listening={false}>
            <Checkerboard {...bounds} scale={view.scale} />
            {bitmap && <KonvaImage image={bitmap} {...bounds} />}
          </Layer>
          {/* Each cached mask is white; one tint rect keeps only its shape, opacity is the canvas's CSS. */}
          {/* Always there: a stroke on the exclusion is drawn live into this layer's canvas. */}
          <Layer ref={refs.excludeLayer} listening={false}>
            <Group clip={bounds}>
              {excludeOps.length > 0 && (
                <KonvaImage image={masks.excludeDisplay.canvas} {...bounds} />
              )}
              <Rect {...bounds} fill={EXCLUDE_TINT} globalCompositeOperation="source-in" />
            </Group>
          </Layer>
          <Layer ref={refs.maskLayer} listening={false}>
            <Group clip={bounds}>
              <KonvaImage image={maskDisplay.canvas} {...bounds} />
              <Rect {...bounds} fill={color} globalCompositeOperation="source-in" />
            </Group>
          </Layer>
          <Layer listening={false}>
            <Group>
              <Line
                ref={refs.outline}
                closed
                stroke="#fff"
                strokeWidth={1.5 / view.scale}
                dash={[6 / view.scale, 4 / view.scale]}
                fill={`${drawing}55`}
                visible={false}
              />
            </Group>
          </Layer>
        </Stage>
      )}
      <SelectionPreview view={view} />
      <DilationRing image={image} view={view} />
      <SmartToolsLoading />
      <div
        ref={refs.cursor}
        data-testid="brush-cursor"
        className="pointer-events-none absolute top-0 left-0 hidden rounded-full border-[1.5px] border-white shadow-[0_0_0_1px_rgba(0,0,0,0.6)]"
      />
      <StageZoomBar panZoom={panZoom} />
    </div>
  );
}
