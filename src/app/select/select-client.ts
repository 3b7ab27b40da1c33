import { useAppStore } from "../store/store";
import type { SelectRequest, SelectResponse } from "./select-protocol";

type Answer = Exclude<SelectResponse, { kind: "opencv" | "opencv-progress" | "preview" }>;
type Preview = Extract<SelectResponse, { kind: "preview" }>;
type Ask =
  Exclude<SelectRequest, { kind: "image" | "prepare" }> extends infer R
    ? R extends { id: number }
      ? Omit<R, "id">
      : never
    : never;

let worker: Worker | null = null;
let sentImage = "";
let nextId = 1;
const waiting = new Map<
  number,
  { resolve: (answer: Answer) => void; preview?: (preview: Preview) => void }
>();

/**
 * The smart-selection worker, created on the first use of a smart tool (never at page load).
 * OpenCV's loading state and download progress go to the store for the progress bar.
 */
function selectWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL("./select.worker.ts", import.meta.url), { type: "module" });
  worker.onmessage = (event: MessageEvent<SelectResponse>) => {
    const message = event.data;
    if (message.kind === "opencv") {
      useAppStore.getState().setSmartToolsStatus(message.status);
      return;
    }
    if (message.kind === "opencv-progress") {
      useAppStore
        .getState()
        .setSmartToolsDownload({ loaded: message.loaded, total: message.total });
      return;
    }
    if (message.kind === "preview") {
      waiting.get(message.id)?.preview?.(message);
      return;
    }
    waiting.get(message.id)?.resolve(message);
    waiting.delete(message.id);
  };
  return worker;
}

/** The worker, with the open document's image sent to it (once per image); null without one. */
function workerWithImage(): Worker | null {
  const image = useAppStore.getState().image;
  if (!image) return null;
  const target = selectWorker();
  if (sentImage !== image.url) {
    sentImage = image.url;
    target.postMessage({ kind: "image", url: image.url } satisfies SelectRequest);
  }
  return target;
}

/** Starts loading what a just-picked smart tool needs (see `prepare` in the protocol). */
export function prepareSmartTool(tool: "object" | "scissors"): void {
  workerWithImage()?.postMessage({ kind: "prepare", tool } satisfies SelectRequest);
}

/**
 * Asks the worker about the open document's image; `preview` receives the quick answers some
 * requests get before their last one.
 */
export function askSelectWorker(ask: Ask, preview?: (preview: Preview) => void): Promise<Answer> {
  const target = workerWithImage();
  if (!target) return Promise.reject(new Error("Open an image first."));
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, { resolve, preview });
    target.postMessage({ ...ask, id } as SelectRequest);
  });
}

/**
 * For requests sent per pointer move: at most one is in flight, and while it runs only the
 * newest next request is kept, so a slow answer never queues up stale work behind it.
 */
export function latestOnly(onAnswer: (answer: Answer) => void) {
  let busy = false;
  let next: Ask | null = null;
  const run = (ask: Ask) => {
    busy = true;
    askSelectWorker(ask)
      .then(onAnswer, () => {})
      .finally(() => {
        busy = false;
        const queued = next;
        next = null;
        if (queued) run(queued);
      });
  };
  return {
    ask(ask: Ask) {
      if (busy) next = ask;
      else run(ask);
    },
    /** Drops a queued request (the gesture that wanted it has ended). */
    drop() {
      next = null;
    },
  };
}
