/** How to fill: Telea's diffusion, the exemplar (patch) fill, or auto (Telea for thin masks). */
export type FillMode = "auto" | "telea" | "exemplar";

/** The message a fill worker receives: raw pixels plus a one-byte-per-pixel mask (non-zero = fill). */
export interface FillTask {
  pixels: Uint8Array;
  width: number;
  height: number;
  channels: 1 | 3 | 4;
  mask: Uint8Array;
  /** one byte per pixel, non-zero = never copy from here (the exemplar fill's `exclude`) */
  exclude?: Uint8Array;
  /** the API's seed; null or absent means seed 0, so an unseeded request is still reproducible */
  seed?: number | null;
  /** absent: FILLPAINT_FILL_MODE, else auto */
  mode?: FillMode;
}

/** The filled pixels, same layout as the task's. */
export interface FillOutput {
  pixels: Uint8Array;
}
