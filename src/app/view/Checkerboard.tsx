import { Rect } from "react-konva";
import { CHECKER, paintCheckerboard } from "./checkerboard";

let tile: HTMLCanvasElement | null = null;

/** One 2×2-cell tile, made once, repeated as the rect's fill pattern. */
function checkerTile(): HTMLCanvasElement {
  if (tile) return tile;
  tile = document.createElement("canvas");
  tile.width = CHECKER.cell * 2;
  tile.height = CHECKER.cell * 2;
  const context = tile.getContext("2d");
  if (context) paintCheckerboard(context, 0, 0, tile.width, tile.height);
  return tile;
}

/**
 * Behind the image on a Konva stage, so transparent pixels read as transparent, not black. The
 * pattern is scaled against the view so its cells keep their screen size at every zoom.
 */
export function Checkerboard(props: {
  x: number;
  y: number;
  width: number;
  height: number;
  scale: number;
}) {
  return (
    <Rect
      x={props.x}
      y={props.y}
      width={props.width}
      height={props.height}
      fillPatternImage={checkerTile() as unknown as HTMLImageElement}
      fillPatternScale={{ x: 1 / props.scale, y: 1 / props.scale }}
      fillPatternRepeat="repeat"
      listening={false}
    />
  );
}
