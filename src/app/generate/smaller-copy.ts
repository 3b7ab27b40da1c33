import { hasOffscreenCanvas } from "../lib/decode-image";
import type { DocumentImage } from "../store/document-slice";
import { type RedrawRequest, type RedrawResponse, redrawSmaller } from "./redraw-smaller";

/** The document's image redrawn at `size`, as a new document image of the same name. */
export async function makeSmallerCopy(
  image: DocumentImage,
  size: { width: number; height: number },
): Promise<DocumentImage> {
  const file = await (await fetch(image.url)).blob();
  // Without OffscreenCanvas (Safari before 16.4) a worker cannot draw: the page does it.
  const blob = hasOffscreenCanvas
    ? await inWorker({ file, size })
    : await redrawSmaller({ file, size });
  return { url: URL.createObjectURL(blob), name: image.name, ...size };
}

/** One redraw in its own worker, ended as soon as it answers. */
function inWorker(request: RedrawRequest): Promise<Blob> {
  const worker = new Worker(new URL("./smaller-copy.worker.ts", import.meta.url), {
    type: "module",
  });
  return new Promise<Blob>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<RedrawResponse>) => {
      if ("blob" in data) resolve(data.blob);
      else reject(new Error(data.error));
    };
    worker.onerror = (event) => {
      reject(new Error(event.message || "The copy could not be drawn."));
    };
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}
