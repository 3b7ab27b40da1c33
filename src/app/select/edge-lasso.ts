import { cannyEdges } from "./canny";
import { edgeCosts, ShortestPaths } from "./livewire";
import { downscaleRgb, workingSize } from "./resample";
import { sobel } from "./sobel";
import type { RgbaImage } from "./wand";

/** The scissors work on a copy of at most this many pixels. */
export const EDGE_LASSO_PIXELS = 1_000_000;
/** Canny's hysteresis thresholds for the edge term. */
const CANNY = [32, 100] as const;

/**
 * The edge-snapping lasso (Intelligent Scissors, Mortensen & Barrett): the image's edge costs
 * are computed once per image on a copy of at most ~1 MP (`canny.ts`, `livewire.ts`); an
 * anchor only restarts the shortest paths, which grow as far as the pointer asks. Paths come
 * back in image pixels. Needs no OpenCV.js.
 */
export class EdgeLasso {
  /** Working pixels per image pixel (1 for images of ~1 MP or less). */
  readonly scale: number;
  private readonly paths: ShortestPaths;

  constructor(image: RgbaImage) {
    const whole = { x: 0, y: 0, width: image.width, height: image.height };
    const { width, height } = workingSize(whole, EDGE_LASSO_PIXELS);
    this.scale = width / image.width;
    const gradient = sobel(downscaleRgb(image, whole, width, height), width, height, 3);
    const edges = cannyEdges(gradient, CANNY[0], CANNY[1]);
    this.paths = new ShortestPaths(edgeCosts(gradient, edges));
  }

  /** Makes `at` the start of the paths that `pathTo` returns. */
  anchor(at: { x: number; y: number }): void {
    this.paths.from(at.x * this.scale, at.y * this.scale);
  }

  /** The edge-following path from the last anchor to `at`, flat [x0, y0, …] in image pixels. */
  pathTo(at: { x: number; y: number }): number[] {
    const path = this.paths.pathTo(at.x * this.scale, at.y * this.scale);
    for (let i = 0; i < path.length; i++) path[i] = (path[i]! + 0.5) / this.scale;
    return path;
  }
}
