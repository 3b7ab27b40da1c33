import type { Cv, CvMat, CvScissors } from "./opencv";
import { downscaleRgb, workingSize } from "./resample";
import type { RgbaImage } from "./wand";

/** The scissors' cost map is built over the whole image; this keeps its start near a second. */
export const EDGE_LASSO_PIXELS = 1_000_000;

/**
 * The edge-snapping lasso (Intelligent Scissors, Mortensen & Barrett): the image's edge
 * features are computed once, each anchor builds a shortest-path map, and every pointer move
 * only reads the path back to the last anchor. Works on a copy of at most ~1 MP; paths come
 * back in image pixels.
 */
export class EdgeLasso {
  private readonly tool: CvScissors;
  private readonly contour: CvMat;
  /** Working pixels per image pixel (1 for images of ~1 MP or less). */
  readonly scale: number;
  private readonly size: { width: number; height: number };

  constructor(
    private readonly cv: Cv,
    image: RgbaImage,
  ) {
    const whole = { x: 0, y: 0, width: image.width, height: image.height };
    const size = workingSize(whole, EDGE_LASSO_PIXELS);
    this.scale = size.width / image.width;
    this.size = size;
    const mat = new cv.Mat(size.height, size.width, cv.CV_8UC3);
    mat.data.set(downscaleRgb(image, whole, size.width, size.height));
    this.tool = new cv.segmentation_IntelligentScissorsMB();
    this.tool.setEdgeFeatureCannyParameters(32, 100);
    this.tool.setGradientMagnitudeMaxLimit(200);
    this.tool.applyImage(mat);
    mat.delete();
    this.contour = new cv.Mat();
  }

  /** Makes `at` the start of the paths that `pathTo` returns. */
  anchor(at: { x: number; y: number }): void {
    this.tool.buildMap(this.point(at));
  }

  /** The edge-following path from the last anchor to `at`, flat [x0, y0, …] in image pixels. */
  pathTo(at: { x: number; y: number }): number[] {
    this.tool.getContour(this.point(at), this.contour, false);
    const raw = this.contour.data32S;
    const path = new Array<number>(raw.length);
    for (let i = 0; i < raw.length; i++) path[i] = (raw[i]! + 0.5) / this.scale;
    return path;
  }

  dispose(): void {
    this.tool.delete();
    this.contour.delete();
  }

  private point(at: { x: number; y: number }) {
    const { width, height } = this.size;
    const x = Math.min(width - 1, Math.max(0, Math.floor(at.x * this.scale)));
    const y = Math.min(height - 1, Math.max(0, Math.floor(at.y * this.scale)));
    return new this.cv.Point(x, y);
  }
}
