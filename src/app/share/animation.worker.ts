/// <reference lib="webworker" />
import { paintCheckerboard } from "../view/checkerboard";
import { ANIMATION_FPS, type AnimationJob, type AnimationMessage } from "./animation-protocol";
import { encodeWipeGif } from "./encode-wipe-gif";
import { encodeWipeVideo } from "./encode-wipe-video";

declare const self: DedicatedWorkerGlobalScope;

const post = (message: AnimationMessage) => self.postMessage(message);

/** A picture scaled to the animation's size over the checkerboard (an outpaint's empty canvas). */
async function pixels(blob: Blob, width: number, height: number): Promise<Uint8ClampedArray> {
  const bitmap = await createImageBitmap(blob, { imageOrientation: "from-image" });
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (!context) throw new Error("This browser cannot draw into a canvas.");
  paintCheckerboard(context, 0, 0, width, height);
  context.imageSmoothingQuality = "high";
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return context.getImageData(0, 0, width, height).data;
}

self.onmessage = async (event: MessageEvent<AnimationJob>) => {
  const job = event.data;
  try {
    const [before, after] = await Promise.all([
      pixels(job.before, job.width, job.height),
      pixels(job.after, job.width, job.height),
    ]);
    const options = { ...job, fps: ANIMATION_FPS[job.format] };
    const progress = (done: number) => post({ type: "progress", done });
    if (job.format === "gif") {
      const bytes = encodeWipeGif(before, after, options, progress);
      post({
        type: "done",
        blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "image/gif" }),
      });
    } else {
      post({ type: "done", blob: await encodeWipeVideo(before, after, options, progress) });
    }
  } catch (error) {
    post({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
