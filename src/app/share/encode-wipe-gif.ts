import { applyPalette, GIFEncoder, quantize } from "gifenc";
import { composeWipeFrame, type WipeOptions, wipeFrameCount, wipePosition } from "./wipe-animation";

/**
 * The wipe as a looping GIF. Every frame mixes the same two pictures, so one palette made from
 * both serves them all: no colour flicker between frames, and the palette is written once.
 * Between frames only the strip the divider crossed changes; every other pixel is written as
 * the transparent index over the kept previous frame, which LZW packs into almost nothing.
 */
export function encodeWipeGif(
  before: Uint8ClampedArray,
  after: Uint8ClampedArray,
  options: WipeOptions,
  onProgress: (done: number) => void = () => {},
): Uint8Array {
  const { width, height } = options;
  const both = new Uint8ClampedArray(before.length * 2);
  both.set(before);
  both.set(after, before.length);
  const palette = quantize(both, 255);
  const clear = palette.length;
  palette.push([0, 0, 0]);
  const frames = wipeFrameCount(options.durationMs, options.fps);
  // GIF delays are in hundredths of a second; gifenc takes milliseconds and rounds.
  const delay = options.durationMs / frames;
  const gif = GIFEncoder();
  const frame = new Uint8ClampedArray(before.length);
  let previous: Uint8Array | null = null;
  for (let i = 0; i < frames; i++) {
    composeWipeFrame(before, after, width, height, wipePosition(i / (frames - 1)), frame);
    const index = applyPalette(frame, palette);
    gif.writeFrame(previous ? changesOnly(index, previous, clear) : index, width, height, {
      palette: i === 0 ? palette : undefined,
      delay,
      repeat: 0,
      transparent: previous !== null,
      transparentIndex: clear,
      // Keep the previous frame under this one, so its transparent pixels show it.
      dispose: 1,
    });
    previous = index;
    onProgress((i + 1) / frames);
  }
  gif.finish();
  return gif.bytes();
}

/** The frame's indices where they differ from the previous frame's, else the transparent one. */
function changesOnly(index: Uint8Array, previous: Uint8Array, clear: number): Uint8Array {
  const out = new Uint8Array(index.length);
  for (let i = 0; i < index.length; i++)
    out[i] = index[i] === previous[i] ? clear : (index[i] ?? clear);
  return out;
}
