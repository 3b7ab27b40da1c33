/// <reference lib="webworker" />

import { type ExportJob, type ExportResult, runExport } from "./run-export";

export interface ExportRequest {
  id: number;
  job: ExportJob;
}

export type ExportResponse = { id: number; result: ExportResult } | { id: number; error: string };

/** Exports off the main thread, so the editor stays responsive while 16 megapixels are encoded. */
self.onmessage = async ({ data: { id, job } }: MessageEvent<ExportRequest>) => {
  try {
    const result = await runExport(job);
    const transfer = result.form === "fill" ? [result.maskGray.buffer] : [];
    self.postMessage({ id, result } satisfies ExportResponse, transfer);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    self.postMessage({ id, error: message } satisfies ExportResponse);
  }
};
