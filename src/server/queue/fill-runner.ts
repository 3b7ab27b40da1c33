import type { ResultStore } from "../jobs/result-store";
import type { Logger } from "../logging";
import type { LocalFill } from "../providers/local-provider";
import type { BlobStore } from "../storage/blob-store";
import type { JobRepository } from "../storage/job-repository";
import { deserializeJob } from "./job-payload";
import { payloadKey } from "./pg-boss-fill-queue";

/** How often a running fill checks whether its job was cancelled (on any replica). */
const CANCEL_CHECK_MS = 250;

/**
 * Runs one queued fill in a fill worker and writes its outcome to the shared job row: the
 * result under the job's own name (so a fill run twice writes the same blob) and then `Ready`,
 * only while the row is still `Pending`. Cancelling is a row write on any replica: the runner
 * sees it between progress reports and stops the engine.
 */
export class FillRunner {
  private stopping = false;

  constructor(
    private readonly repository: JobRepository,
    private readonly blobs: BlobStore,
    private readonly results: ResultStore,
    private readonly fill: LocalFill,
    private readonly logger: Logger,
  ) {}

  /**
   * This process is shutting down: fills it is running stop with their engine threads and are
   * left `Pending`, for another worker to take once their lease runs out.
   */
  stop(): void {
    this.stopping = true;
  }

  /** Settles the job; throws only on trouble worth a retry (storage unreachable). */
  async run(jobId: string): Promise<void> {
    const record = await this.repository.get(jobId);
    if (record?.status !== "Pending") return this.forget(jobId);
    const payload = await this.blobs.get(payloadKey(jobId));
    if (!payload) {
      await this.end(jobId, "Error", { message: "The fill's inputs were lost; submit it again." });
      return;
    }
    const job = deserializeJob(payload);
    const cancelled = new AbortController();
    const watch = setInterval(() => {
      void this.repository.get(jobId).then(
        (now) => now?.status !== "Pending" && cancelled.abort(),
        () => undefined,
      );
    }, CANCEL_CHECK_MS);
    try {
      this.logger.info({ job: jobId }, "fill started");
      const outcome = await this.fill(job, cancelled.signal, (progress) => {
        void this.repository.update(jobId, { progress }, { onlyPending: true }).then(
          (pending) => pending || cancelled.abort(),
          () => undefined,
        );
      });
      const resultName = await this.results.save(jobId, outcome.extension, outcome.image);
      const kept = await this.end(jobId, "Ready", null, { resultName, seed: outcome.seed });
      if (!kept) {
        // Cancelled meanwhile; but a second run of the same fill shares the name: keep that one.
        const now = await this.repository.get(jobId);
        if (now?.resultName !== resultName) await this.results.remove(resultName);
      }
    } catch (error) {
      if (this.stopping) return;
      if (cancelled.signal.aborted) {
        this.logger.info({ job: jobId }, "fill cancelled");
      } else {
        const message = error instanceof Error ? error.message : String(error);
        await this.end(jobId, "Error", { message });
      }
    } finally {
      clearInterval(watch);
    }
    await this.forget(jobId);
  }

  private async end(
    jobId: string,
    status: string,
    details: Record<string, unknown> | null,
    extra: { resultName?: string; seed?: number | null } = {},
  ): Promise<boolean> {
    const ended = await this.repository.update(
      jobId,
      {
        ...extra,
        status,
        details,
        ...(status === "Ready" ? { progress: 1 } : {}),
        endTime: Date.now(),
      },
      { onlyPending: true },
    );
    if (ended) this.logger.info({ job: jobId, status }, "fill finished");
    return ended;
  }

  private forget(jobId: string): Promise<void> {
    return this.blobs.delete(payloadKey(jobId));
  }
}
