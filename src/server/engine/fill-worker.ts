import { parentPort, workerData } from "node:worker_threads";
import { fillTask } from "./fill-engine";
import type { FillOutput, FillTask } from "./fill-task";
import { cancelRequested, type PoolWorkerData, type WorkerReply } from "./worker-pool";

const port = parentPort;
if (!port) throw new Error("fill-worker must run in a worker thread");
const data = workerData as PoolWorkerData;

port.on("message", (task: FillTask) => {
  const post = (reply: WorkerReply<FillOutput>, transfer: ArrayBuffer[] = []) =>
    port.postMessage(reply, transfer);
  try {
    const pixels = fillTask(task, {
      onProgress: (fraction) => post({ type: "progress", fraction }),
      isCancelled: () => cancelRequested(data),
    });
    post({ type: "done", result: { pixels } }, [pixels.buffer as ArrayBuffer]);
  } catch (error) {
    post({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
});
