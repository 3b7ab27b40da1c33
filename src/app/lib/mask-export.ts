import { maskDisplay } from "../editor/mask-display";
import { useAppStore } from "../store/store";

export type MaskExportForm = "mask" | "alpha";

export interface MaskExportRequest {
  id: number;
  form: MaskExportForm;
  mask: Uint8Array;
  width: number;
  height: number;
  featherPx: number;
  /** Only for the alpha form: the image the mask is written into. */
  image?: ImageBitmap;
}

export type MaskExportResponse =
  | { id: number; blob: Blob; base64: string; error?: undefined }
  | { id: number; error: string };

export interface ExportedPng {
  blob: Blob;
  /** Bare base64 (no `data:` prefix), as BFL's API takes it. */
  base64: string;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, (response: MaskExportResponse) => void>();

/** Starts the export worker ahead of the first export, so that export pays no start-up. */
export function warmMaskExport(): void {
  exportWorker();
}

function exportWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL("./mask-export.worker.ts", import.meta.url), { type: "module" });
  worker.onmessage = (event: MessageEvent<MaskExportResponse>) => {
    pending.get(event.data.id)?.(event.data);
    pending.delete(event.data.id);
  };
  return worker;
}

/**
 * Exports the current mask at the image's exact pixel size, as an opaque black/white PNG
 * (form "mask") or as the image with the mask in its alpha channel (form "alpha"). Pure 0/255
 * unless the feather is on. The main thread only copies the cached mask; the worker does the
 * rest, never toDataURL.
 */
export async function exportMask(form: MaskExportForm = "mask"): Promise<ExportedPng> {
  const { image, maskOps, featherPx } = useAppStore.getState();
  if (!image) throw new Error("Load an image first.");
  const { width, height } = image;
  const mask = maskDisplay.mask(image.url, width, height, maskOps).slice();
  const bitmap =
    form === "alpha"
      ? await createImageBitmap(await (await fetch(image.url)).blob(), {
          imageOrientation: "from-image",
        })
      : undefined;
  const id = nextId++;
  const request: MaskExportRequest = { id, form, mask, width, height, featherPx, image: bitmap };
  const response = await new Promise<MaskExportResponse>((resolve) => {
    pending.set(id, resolve);
    exportWorker().postMessage(request, bitmap ? [mask.buffer, bitmap] : [mask.buffer]);
  });
  if (response.error !== undefined) throw new Error(`Could not export the mask: ${response.error}`);
  return { blob: response.blob, base64: response.base64 };
}
