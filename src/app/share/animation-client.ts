import type { AnimationJob, AnimationMessage } from "./animation-protocol";

/**
 * Runs one animation export in its own worker (GIF quantising and video encoding would
 * otherwise freeze the page); `cancel` ends the worker at once.
 */
export function renderAnimation(job: AnimationJob, onProgress: (done: number) => void) {
  const worker = new Worker(new URL("./animation.worker.ts", import.meta.url), { type: "module" });
  let reject: (error: Error) => void = () => {};
  const result = new Promise<Blob>((resolve, fail) => {
    reject = fail;
    worker.onmessage = (event: MessageEvent<AnimationMessage>) => {
      const message = event.data;
      if (message.type === "progress") return onProgress(message.done);
      worker.terminate();
      if (message.type === "done") resolve(message.blob);
      else fail(new Error(message.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      fail(new Error(event.message || "The animation could not be made."));
    };
  });
  worker.postMessage(job);
  return {
    result,
    cancel: () => {
      worker.terminate();
      reject(new Error("cancelled"));
    },
  };
}
