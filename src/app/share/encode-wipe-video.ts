import {
  BufferTarget,
  CanvasSource,
  getFirstEncodableVideoCodec,
  Mp4OutputFormat,
  Output,
  QUALITY_HIGH,
  WebMOutputFormat,
} from "mediabunny";
import { composeWipeFrame, type WipeOptions, wipeFrameCount, wipePosition } from "./wipe-animation";

/**
 * The wipe as a video through WebCodecs (mediabunny muxes it): MP4 (H.264) where the browser
 * can encode it, else WebM (VP9 or VP8). Throws a sentence when it can encode neither.
 */
export async function encodeWipeVideo(
  before: Uint8ClampedArray,
  after: Uint8ClampedArray,
  options: WipeOptions,
  onProgress: (done: number) => void,
): Promise<Blob> {
  const { width, height, fps } = options;
  const codec = await getFirstEncodableVideoCodec(["avc", "vp9", "vp8"], { width, height });
  if (!codec) throw new Error("This browser cannot encode video here; the GIF works everywhere.");
  const output = new Output({
    format:
      codec === "avc" ? new Mp4OutputFormat({ fastStart: "in-memory" }) : new WebMOutputFormat(),
    target: new BufferTarget(),
  });
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("This browser cannot draw into a canvas.");
  const source = new CanvasSource(canvas, { codec, bitrate: QUALITY_HIGH });
  output.addVideoTrack(source, { frameRate: fps });
  await output.start();
  const frames = wipeFrameCount(options.durationMs, fps);
  const frame = new Uint8ClampedArray(before.length);
  const image = new ImageData(frame, width, height);
  for (let i = 0; i < frames; i++) {
    composeWipeFrame(before, after, width, height, wipePosition(i / (frames - 1)), frame);
    context.putImageData(image, 0, 0);
    await source.add(i / fps, 1 / fps);
    onProgress((i + 1) / frames);
  }
  await output.finalize();
  const buffer = output.target.buffer;
  if (!buffer) throw new Error("The video could not be written.");
  return new Blob([buffer], { type: output.format.mimeType });
}
