import { applyPalette, GIFEncoder, quantize } from "gifenc";
import { composeWipeFrame, type WipeOptions, wipeFrameCount, wipePosition } from "./wipe-animation";

/**
 * The wipe as a looping GIF. Every frame mixes the same two pictures, so one palette made from
 * both serves them all: no colour flicker between frames, and the palette is written once.
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
  const palette = quantize(both, 256);
  const frames = wipeFrameCount(options.durationMs, options.fps);
  // GIF delays are in hundredths of a second; gifenc takes milliseconds and rounds.
  const delay = options.durationMs / frames;
  const gif = GIFEncoder();
  const frame = new Uint8ClampedArray(before.length);
  for (let i = 0; i < frames; i++) {
    composeWipeFrame(before, after, width, height, wipePosition(i / (frames - 1)), frame);
    gif.writeFrame(applyPalette(frame, palette), width, height, {
      palette: i === 0 ? palette : undefined,
      delay,
      repeat: 0,
    });
    onProgress((i + 1) / frames);
  }
  gif.finish();
  return gif.bytes();
}
