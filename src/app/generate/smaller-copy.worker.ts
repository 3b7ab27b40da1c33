/// <reference lib="webworker" />

import { type RedrawRequest, type RedrawResponse, redrawSmaller } from "./redraw-smaller";

/** Redraws off the main thread: scaling and encoding 20–50 MP froze the page for seconds. */
self.onmessage = async ({ data }: MessageEvent<RedrawRequest>) => {
  try {
    self.postMessage({ blob: await redrawSmaller(data) } satisfies RedrawResponse);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    self.postMessage({ error: message } satisfies RedrawResponse);
  }
};
