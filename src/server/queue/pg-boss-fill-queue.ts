import PgBoss from "pg-boss";
import type { ProviderJob } from "../providers/provider";
import type { BlobStore } from "../storage/blob-store";
import type { FillQueue } from "./fill-queue";
import { serializeJob } from "./job-payload";

const QUEUE = "fillpaint-local-fills";
/** A fill whose worker died is run again this many times before it is given up. */
const RETRY_LIMIT = 3;

/** Postgres's code for a transaction it aborted to break a deadlock. */
const DEADLOCK = "40P01";
const CREATE_ATTEMPTS = 5;

/**
 * Replicas of a fresh deployment start together, and pg-boss creates a queue (a row and a table
 * partition) without a lock: Postgres aborts all but one of the racing creations as a deadlock.
 * Once the winner commits, creating again finds the queue and does nothing.
 */
async function createQueue(boss: PgBoss, leaseSeconds: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(QUEUE, {
        name: QUEUE,
        retryLimit: RETRY_LIMIT,
        retryDelay: 0,
        expireInSeconds: leaseSeconds,
      });
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code !== DEADLOCK || attempt === CREATE_ATTEMPTS) throw error;
    }
  }
}

export const payloadKey = (jobId: string) => `fills/${jobId}.json`;

/**
 * The shared fill queue on pg-boss: the job's inputs go to the blob store, and a message with
 * its id to Postgres. A worker holds a fill for `leaseSeconds`; one that dies mid-fill lets the
 * lease run out, and pg-boss's supervisor hands the fill to another worker.
 */
export class PgBossFillQueue implements FillQueue {
  private constructor(
    private readonly boss: PgBoss,
    private readonly blobs: BlobStore,
    private readonly leaseSeconds: number,
  ) {}

  static async open(
    database: { url: string; schema: string },
    blobs: BlobStore,
    leaseSeconds: number,
    onError: (error: Error) => void,
  ): Promise<PgBossFillQueue> {
    const boss = new PgBoss({
      connectionString: database.url,
      schema: database.schema === "public" ? "pgboss" : `${database.schema}_pgboss`,
      max: 4,
      // Expired leases are noticed within a second or two, not pg-boss's default minute.
      maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.floor(leaseSeconds / 2))),
      schedule: false,
    });
    boss.on("error", onError);
    await boss.start();
    await createQueue(boss, leaseSeconds);
    return new PgBossFillQueue(boss, blobs, leaseSeconds);
  }

  async enqueue(jobId: string, job: ProviderJob): Promise<void> {
    await this.blobs.put(payloadKey(jobId), serializeJob(job));
    await this.send(jobId, 0);
  }

  private async send(jobId: string, startAfter: number): Promise<void> {
    await this.boss.send(
      QUEUE,
      { jobId },
      { expireInSeconds: this.leaseSeconds, retryLimit: RETRY_LIMIT, retryDelay: 0, startAfter },
    );
  }

  /**
   * Runs `handle` for queued fills, `concurrency` at a time (one per engine worker thread). A
   * handler that throws leaves the fill to be retried; one that returns has settled its job, or
   * asks for it to be handed out again after `retryInSeconds` (a fresh message: a fill put back
   * because another run holds it does not use up its retries).
   */
  async work(
    concurrency: number,
    handle: (jobId: string) => Promise<{ retryInSeconds: number } | undefined>,
  ): Promise<void> {
    for (let i = 0; i < concurrency; i++) {
      await this.boss.work<{ jobId: string }>(
        QUEUE,
        { batchSize: 1, pollingIntervalSeconds: 0.5 },
        async ([job]) => {
          if (!job) return;
          const later = await handle(job.data.jobId);
          if (later) await this.send(job.data.jobId, later.retryInSeconds);
        },
      );
    }
  }

  async close(): Promise<void> {
    // Fills still running are left to their lease: another worker takes them over.
    await this.boss.stop({ graceful: false, wait: true, close: true });
  }
}
