import { randomUUID } from "node:crypto";
import type { ResultStore } from "../jobs/result-store";
import type { Logger } from "../logging";
import type { LocalFill } from "../providers/local-provider";
import type { BlobStore } from "../storage/blob-store";
import type { JobRepository } from "../storage/job-repository";
import { deserializeJob } from "./job-payload";
import { payloadKey } from "./pg-boss-fill-queue";

/** How often a running fill checks whether its job was cancelled (on any replica). */
const CANCEL_CHECK_MS = 250;

/** What the queue does with a fill the runner did not run now: hand it out again later. */
export type RunOutcome = { retryInSeconds: number } | undefined;

/**
 * Runs one queued fill in a fill worker and writes its outcome to the shared job row: the
 * result under the job's own name (so a fill run twice writes the same blob) and then `Ready`,
 * only while the row is still `Pending`. Cancelling is a row write on any replica: the runner
 * sees it between progress reports and stops the engine.
 *
 * pg-boss 10 has no heartbeat: a fill that outlasts the queue's lease is handed to a worker
 * again while it still runs. So the runner holds a lease in the job row too, renewed while the
 * fill runs; a worker handed a fill whose row lease is alive (its own or another's) does not run
 * it but puts it back for when that lease would have run out. A worker that dies stops renewing,
 * and the fill runs elsewhere after at most two leases.
 */
export class FillRunner {
  private stopping = false;
  /** This process's name in the row leases of the fills it runs. */
  private readonly owner = randomUUID();
  private readonly running = new Set<string>();

  constructor(
    private readonly repository: JobRepository,
    private readonly blobs: BlobStore,
    private readonly results: ResultStore,
    private readonly fill: LocalFill,
    private readonly logger: Logger,
    private readonly leaseMs: number,
    /** Fills this process runs at once (its engine threads). */
    private readonly capacity: number,
  ) {}

  /**
   * This process is shutting down: fills it is running stop with their engine threads and are
   * left `Pending`, for another worker to take once their lease runs out.
   */
  stop(): void {
    this.stopping = true;
  }

  /**
   * Settles the job, or says when to hand it out again (another run holds it, or this worker's
   * threads are all busy); throws only on trouble worth a retry (storage unreachable).
   */
  async run(jobId: string): Promise<RunOutcome> {
    const record = await this.repository.get(jobId);
    if (record?.status !== "Pending") return this.forget(jobId);
    // pg-boss gave up waiting on a fill still running here and freed its slot: the next fill
    // fetched would only wait behind it on this worker, so it goes back for an idle worker.
    if (this.running.size >= this.capacity) return this.putBack(jobId, 1, "threads busy");
    const now = Date.now();
    if (!(await this.repository.claimLease(jobId, this.lease(), now))) {
      const held = await this.repository.get(jobId);
      if (held?.status !== "Pending") return this.forget(jobId);
      return this.putBack(jobId, this.leaseMs / 1000, "held by another run");
    }
    this.running.add(jobId);
    try {
      await this.runClaimed(jobId);
    } catch (error) {
      // pg-boss retries at once: the retry must not find this run's lease and wait it out.
      await this.repository.releaseLeases(this.owner, jobId).catch(() => undefined);
      throw error;
    } finally {
      this.running.delete(jobId);
    }
  }

  private putBack(jobId: string, seconds: number, reason: string): RunOutcome {
    this.logger.info({ job: jobId, reason }, "fill put back");
    return { retryInSeconds: Math.max(1, Math.ceil(seconds)) };
  }

  private lease() {
    return { owner: this.owner, until: Date.now() + this.leaseMs };
  }

  private async runClaimed(jobId: string): Promise<void> {
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
    // Renewed four times per lease, so one slow write does not let the lease run out.
    const renew = setInterval(() => {
      void this.repository.renewLeases(this.lease()).then(
        (held) => held.includes(jobId) || cancelled.abort(),
        () => undefined,
      );
    }, this.leaseMs / 4);
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
      clearInterval(renew);
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

  /** The job has ended: its inputs are no longer needed, and nothing is handed out again. */
  private async forget(jobId: string): Promise<undefined> {
    await this.blobs.delete(payloadKey(jobId));
  }
}
