import Dexie, { type EntityTable } from "dexie";
import type { ApiframeOutpaintPreset, ProviderId } from "../../contract";
import type { RunParams } from "../generate/fill-params";
import type { TaskRequest } from "../generate/task-request";
import type { RunTask } from "./run-task";

/** The formats a result may come back in (BFL's tools also write webp). */
export type ResultExtension = "png" | "jpeg" | "webp";

/** Where one variant of a run stands; `status` keeps the provider's own word for messages. */
export type VariantState = "submitting" | "pending" | "ready" | "failed" | "cancelled";

export interface VariantRecord {
  index: number;
  seed: number;
  state: VariantState;
  /** BFL's status word, or "Submit failed" when the proxy refused the job. */
  status: string;
  jobId: string | null;
  pollingUrl: string | null;
  /** The sentence shown for a failure. */
  message: string | null;
  retryable: boolean;
  resultExtension: ResultExtension | null;
}

/** One press of Generate: the image and mask it was made from, its parameters and variants. */
export interface RunRecord {
  id: string;
  createdAt: number;
  prompt: string;
  provider: ProviderId;
  params: RunParams;
  source: { name: string; width: number; height: number };
  thumbnail: Blob | null;
  /** Full-size images were dropped to stay within the storage budget; the record stays. */
  imagesPruned: boolean;
  variants: VariantRecord[];
  /**
   * Set when the provider outpaints by preset (apiframe): jobs go to the expand endpoint with
   * the `original` image and this name; `source` stays the padded canvas shown as "before".
   * Absent on runs stored before presets were sent by name.
   */
  outpaintPreset?: ApiframeOutpaintPreset | null;
  /** What the run did (inpaint, or which outpaint and where the photo sits); absent on old runs. */
  task?: RunTask;
  /**
   * The endpoint its jobs go to (`chooseRequest`), with what it needs beyond image and mask.
   * Absent on runs stored before the tools: those go to fill, or to expand by `outpaintPreset`.
   */
  request?: TaskRequest;
  /** Results are composited into the original (`x-fillpaint-composite: 1`); absent: not. */
  composite?: boolean;
}

/**
 * `original`: the image's own file when the run's requests send it unpadded (every run but a
 * padded outpaint, which sends `source`), so a retry sends the same bytes. `exclude`: the area
 * not to copy from, as the run's requests send it (absent when none was sent).
 */
export type BlobKind = "source" | "original" | "mask" | "exclude" | "outline" | "result";

/** Images live apart from run records so listing the history never loads them. */
export interface BlobRecord {
  key: string;
  runId: string;
  kind: BlobKind;
  blob: Blob;
  size: number;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

export const historyDb = new Dexie("fillpaint-history") as Dexie & {
  runs: EntityTable<RunRecord, "id">;
  blobs: EntityTable<BlobRecord, "key">;
  settings: EntityTable<SettingRecord, "key">;
};

historyDb.version(1).stores({
  runs: "id, createdAt",
  blobs: "key, runId",
  settings: "key",
});

export const blobKey = (runId: string, kind: BlobKind, variant?: number) =>
  kind === "result" ? `${runId}:result:${variant}` : `${runId}:${kind}`;
