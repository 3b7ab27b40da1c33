import { MaskDisplay } from "../editor/mask-display";
import { type MaskOp, maskMayHavePixels } from "../editor/mask-op";
import { hasOffscreenCanvas } from "../lib/decode-image";
import type { DocumentSnapshot } from "./document-snapshot";
import type { ExportRequest, ExportResponse } from "./export.worker";
import type { PaintedMask } from "./export-mask";
import { type ExportJob, type ExportResult, runExport } from "./run-export";

/**
 * The page's mask caches, scoped under one instance instead of module singletons: the cached
 * mask bitmap the stages draw, and the export worker. `destroy()` ends the worker and frees the
 * canvas; a later use starts them again (React's StrictMode unmounts and remounts once).
 */
export class MaskManager {
  readonly display = new MaskDisplay();
  /** The same for the area not to copy from (`excludeOps`). */
  readonly excludeDisplay = new MaskDisplay();
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (response: ExportResponse) => void>();

  /** Starts the export worker ahead of the first export, so that export pays no start-up. */
  warm(): void {
    if (hasOffscreenCanvas) this.exportWorker();
  }

  /** The committed mask of the snapshot (a copy, 0/255), or null when nothing is painted. */
  paintedMask({ image, maskOps }: DocumentSnapshot): PaintedMask | null {
    if (!maskMayHavePixels(maskOps)) return null;
    const { url, width, height } = image;
    return { data: this.display.mask(url, width, height, maskOps).slice(), width, height };
  }

  /**
   * Brings the exclusion's bitmap up to `ops`, or frees it when there are none: most documents
   * never paint one, and a second full-size raster and canvas on a 20 MP photo cost 100 MB.
   * Returns whether there is a bitmap to draw.
   */
  syncExclusion(url: string, width: number, height: number, ops: readonly MaskOp[]): boolean {
    if (ops.length === 0) {
      this.excludeDisplay.release();
      return false;
    }
    this.excludeDisplay.sync(url, width, height, ops);
    return true;
  }

  /** The area not to copy from (a copy, 0/255), or null when none is painted. */
  paintedExclusion({ image, excludeOps }: DocumentSnapshot): PaintedMask | null {
    if (!maskMayHavePixels(excludeOps)) return null;
    const { url, width, height } = image;
    const data = this.excludeDisplay.mask(url, width, height, excludeOps);
    return data.some((value) => value > 0) ? { data: data.slice(), width, height } : null;
  }

  /**
   * Runs the export pipeline in the worker; where a worker cannot draw (no OffscreenCanvas), on
   * the main thread instead.
   */
  async run(job: ExportJob): Promise<ExportResult> {
    if (!hasOffscreenCanvas) return runExport(job);
    const id = this.nextId++;
    const transfer = job.form === "fill" ? job.plan.painted?.data.buffer : job.painted.data.buffer;
    const response = await new Promise<ExportResponse>((resolve) => {
      this.pending.set(id, resolve);
      this.exportWorker().postMessage(
        { id, job } satisfies ExportRequest,
        transfer ? [transfer] : [],
      );
    });
    if ("error" in response) throw new Error(response.error);
    return response.result;
  }

  destroy(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const [id, resolve] of this.pending) resolve({ id, error: "The export was stopped." });
    this.pending.clear();
    this.display.release();
    this.excludeDisplay.release();
  }

  private exportWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./export.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = ({ data }: MessageEvent<ExportResponse>) => {
      this.pending.get(data.id)?.(data);
      this.pending.delete(data.id);
    };
    this.worker = worker;
    return worker;
  }
}
