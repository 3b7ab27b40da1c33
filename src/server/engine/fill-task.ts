/** The message a fill worker receives: raw pixels plus a one-byte-per-pixel mask (non-zero = fill). */
export interface FillTask {
  pixels: Uint8Array;
  width: number;
  height: number;
  channels: 1 | 3 | 4;
  mask: Uint8Array;
}

/** The filled pixels, same layout as the task's. */
export interface FillOutput {
  pixels: Uint8Array;
}
