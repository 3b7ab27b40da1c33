import { parentPort } from "node:worker_threads";
import type { FillOutput, FillTask } from "./fill-task";
import { inpaintTelea } from "./telea";
import type { WorkerReply } from "./worker-pool";

const port = parentPort;
if (!port) throw new Error("fill-worker must run in a worker thread");

port.on("message", (task: FillTask) => {
  const post = (reply: WorkerReply<FillOutput>, transfer: ArrayBuffer[] = []) =>
    port.postMessage(reply, transfer);
  try {
    const pixels = inpaintTelea(task.pixels, task.width, task.height, task.channels, task.mask, {
      onProgress: (fraction) => post({ type: "progress", fraction }),
    });
    post({ type: "done", result: { pixels } }, [pixels.buffer as ArrayBuffer]);
  } catch (error) {
    post({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
});
