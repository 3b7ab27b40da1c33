/** A committed brush stroke in image pixel coordinates: the mask is a list of these. */
export interface Stroke {
  /** Flat [x0, y0, x1, y1, …], as Konva's Line takes them. */
  points: number[];
  /** Diameter in image pixels. */
  size: number;
}
