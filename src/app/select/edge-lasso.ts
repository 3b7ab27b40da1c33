import { edgeCosts, ShortestPaths } from "./livewire";
import type { Cv } from "./opencv";
import { downscaleRgb, workingSize } from "./resample";
import type { RgbaImage } from "./wand";

/** The scissors work on a copy of at most this many pixels. */
export const EDGE_LASSO_PIXELS = 1_000_000;
/** Canny's hysteresis thresholds for the edge term (as the OpenCV tool was set up before). */
const CANNY = [32, 100] as const;

/**
 * The edge-snapping lasso (Intelligent Scissors, Mortensen & Barrett): the image's edge costs
 * are computed once per image on a copy of at most ~1 MP (Canny from OpenCV, the rest in
 * `livewire.ts`); an anchor only restarts the shortest paths, which grow as far as the
 * pointer asks. Paths come back in image pixels.
 */
export class EdgeLasso {
  /** Working pixels per image pixel (1 for images of ~1 MP or less). */
  readonly scale: number;
  private readonly paths: ShortestPaths;

  constructor(cv: Cv, image: RgbaImage) {
    const whole = { x: 0, y: 0, width: image.width, height: image.height };
    const { width, height } = workingSize(whole, EDGE_LASSO_PIXELS);
    this.scale = width / image.width;
    const rgb = downscaleRgb(image, whole, width, height);
    const gray = new cv.Mat(height, width, cv.CV_8UC1);
    const edges = new cv.Mat();
    try {
      const luma = gray.data;
      for (let i = 0; i < luma.length; i++)
        luma[i] = (77 * rgb[i * 3]! + 150 * rgb[i * 3 + 1]! + 29 * rgb[i * 3 + 2]!) >> 8;
      cv.Canny(gray, edges, CANNY[0], CANNY[1], 3, false);
      this.paths = new ShortestPaths(edgeCosts(rgb, width, height, edges.data));
    } finally {
      gray.delete();
      edges.delete();
    }
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
