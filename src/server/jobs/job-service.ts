import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { CANCELLED_STATUS, type ProviderId } from "../../contract";
import { compositeResult } from "../images/composite-result";
import type { Logger } from "../logging";
import { jobGeometry } from "../providers/job-geometry";
import type { PollOutcome, Provider, ProviderJob, ResultExtension } from "../providers/provider";
import { jobPrompt, UpstreamError } from "../providers/provider";
import type { CompositePlan, CompositeStore } from "./composite-store";
import type { JobRecord, JobTable, JobUpdate } from "./job-table";
import type { ResultStore } from "./result-store";

export type { JobRecord };

/** Transient poll failures in a row before a job is given up as `Error`. */
const MAX_POLL_FAILURES = 8;
const MAX_POLL_DELAY_MS = 5_000;
/** A job still pending after this long is failed rather than polled forever. */
const JOB_TIMEOUT_MS = 30 * 60_000;

export const RESTARTED_LOCAL_JOB_MESSAGE =
  "The proxy restarted while this local fill was running; local fills are not resumed. Submit it again.";

/** What `cancel` did; the route turns it into 200, 404, 403 or 409. */
export type CancelResult =
  | { outcome: "cancelled"; record: JobRecord }
  | { outcome: "not-found" }
  | { outcome: "not-yours" }
  | { outcome: "finished"; record: JobRecord };

const CANCELLED_MESSAGE = "Cancelled by the client.";

export interface JobLimits {
  /** Jobs not yet terminal that one client may have. */
  maxPerClient: number;
  /** Jobs not yet terminal across all clients. */
  maxTotal: number;
}

/**
 * The proxy's jobs. It submits once, records the upstream reference in the job table, then
 * follows each job in the background until a terminal status, storing the image the moment it
 * is ready, so a client's `get_result` is a cheap table read and a result is never lost because
 * the client stopped polling or the proxy restarted.
 */
export class JobService {
  private readonly stopping = new AbortController();
  /**
   * Jobs in flight, counted in memory and reserved before the (async) upstream submit, so a
   * burst of concurrent submits cannot all slip under the caps.
   */
  private readonly inFlightByClient = new Map<string, number>();
  private inFlightTotal = 0;
  /** One per job being followed; aborting it makes `follow` drop the job wherever it is. */
  private readonly following = new Map<string, AbortController>();

  constructor(
    private readonly providers: ReadonlyMap<ProviderId, Provider>,
    private readonly table: JobTable,
    private readonly results: ResultStore,
    private readonly composites: CompositeStore,
    private readonly logger: Logger,
    private readonly limits: JobLimits,
  ) {}

  /**
   * `composite`: the result is composited into the original before it is stored (a provider
   * whose results already keep the original outside the mask, the local engine, is left alone).
   */
  async submit(
    providerId: ProviderId,
    job: ProviderJob,
    clientId: string,
    { composite = false }: { composite?: boolean } = {},
  ): Promise<JobRecord> {
    const provider = this.providers.get(providerId);
    if (!provider) throw new Error(`provider ${providerId} is not configured`);
    this.reserve(clientId);
    let upstreamRef: string;
    let plan: CompositePlan | null = null;
    try {
      // Worked out before the (billed) submit, so a mask that cannot be read costs nothing.
      plan = composite && !provider.composites ? await compositePlan(job) : null;
      upstreamRef = await provider.submit(job);
    } catch (error) {
      this.release(clientId);
      throw error;
    }
    const record: JobRecord = {
      id: randomUUID(),
      provider: providerId,
      upstreamRef,
      status: "Pending",
      progress: 0,
      details: null,
      prompt: jobPrompt(job),
      seed: job.request.seed ?? null,
      startTime: Date.now(),
      endTime: null,
      resultName: null,
      clientId,
    };
    if (plan) await this.composites.save(record.id, plan);
    this.table.insert(record);
    this.logger.info(
      { job: record.id, provider: providerId, composite: plan !== null },
      "job submitted",
    );
    void this.follow(record, provider);
    return record;
  }

  get(id: string): JobRecord | undefined {
    return this.table.get(id);
  }

  /**
   * Ends a pending job as `Cancelled` and releases its in-flight slot at once. The local engine
   * stops its worker task; BFL and apiframe document no cancel, so their job keeps running (and
   * may be billed) upstream: the proxy only stops polling it and never stores its result.
   * Only the client that submitted a job may cancel it (clients are told apart as for the caps).
   */
  cancel(id: string, clientId: string): CancelResult {
    const record = this.table.get(id);
    if (!record) return { outcome: "not-found" };
    if (record.clientId !== clientId) return { outcome: "not-yours" };
    if (record.status !== "Pending") return { outcome: "finished", record };
    const follower = this.following.get(id);
    follower?.abort();
    this.providers.get(record.provider)?.cancel?.(record.upstreamRef);
    // Without a follower the job holds no slot (it was never reserved in this process).
    this.finish(
      record,
      CANCELLED_STATUS,
      { message: CANCELLED_MESSAGE },
      {},
      follower !== undefined,
    );
    return { outcome: "cancelled", record: this.table.get(id) ?? record };
  }

  /** Jobs not yet terminal, in total or for one client. */
  inFlight(clientId?: string): number {
    return clientId === undefined ? this.inFlightTotal : (this.inFlightByClient.get(clientId) ?? 0);
  }

  /**
   * Called once at start: upstream jobs that were in flight are followed again from their
   * stored reference; local fills cannot be (their pixels lived in memory) and are failed.
   */
  resumeUnfinished(): void {
    for (const record of this.table.pending()) {
      const provider = this.providers.get(record.provider);
      if (provider?.resumable) {
        this.logger.info({ job: record.id, provider: record.provider }, "resuming job");
        this.reserve(record.clientId, false);
        void this.follow(record, provider);
      } else {
        const message = provider
          ? RESTARTED_LOCAL_JOB_MESSAGE
          : `The proxy restarted without the ${record.provider} provider configured.`;
        this.finish(record, "Error", { message }, {}, false);
      }
    }
  }

  /** Forgets jobs that ended more than `ttlMs` ago and deletes their result files. */
  async purgeExpired(ttlMs: number): Promise<number> {
    const expired = this.table.deleteFinishedBefore(Date.now() - ttlMs);
    await Promise.all(
      expired.flatMap((job) => [
        this.composites.remove(job.id),
        ...(job.resultName ? [this.results.remove(job.resultName)] : []),
      ]),
    );
    return expired.length;
  }

  /** Stops following jobs without touching their rows: a new process resumes them. */
  close(): void {
    this.stopping.abort();
  }

  private get closed(): boolean {
    return this.stopping.signal.aborted;
  }

  private reserve(clientId: string, enforce = true): void {
    const mine = this.inFlightByClient.get(clientId) ?? 0;
    if (enforce && mine >= this.limits.maxPerClient) {
      throw new UpstreamError(
        429,
        `You already have ${mine} jobs running (limit ${this.limits.maxPerClient}); wait for one to finish.`,
        "2",
      );
    }
    if (enforce && this.inFlightTotal >= this.limits.maxTotal) {
      throw new UpstreamError(
        429,
        `The server is busy (${this.inFlightTotal} jobs running); try again shortly.`,
        "5",
      );
    }
    this.inFlightByClient.set(clientId, mine + 1);
    this.inFlightTotal += 1;
  }

  private release(clientId: string): void {
    const mine = (this.inFlightByClient.get(clientId) ?? 1) - 1;
    if (mine > 0) this.inFlightByClient.set(clientId, mine);
    else this.inFlightByClient.delete(clientId);
    this.inFlightTotal = Math.max(0, this.inFlightTotal - 1);
  }

  private async follow(record: JobRecord, provider: Provider): Promise<void> {
    const cancelled = new AbortController();
    this.following.set(record.id, cancelled);
    try {
      await this.followUntilDone(record, provider, cancelled.signal);
    } finally {
      this.following.delete(record.id);
    }
  }

  /** Polls until a terminal outcome; returns as soon as the proxy closes or the job is cancelled. */
  private async followUntilDone(
    record: JobRecord,
    provider: Provider,
    cancelled: AbortSignal,
  ): Promise<void> {
    const stop = AbortSignal.any([this.stopping.signal, cancelled]);
    let delay = provider.pollIntervalMs;
    let failures = 0;
    while (Date.now() - record.startTime < JOB_TIMEOUT_MS) {
      try {
        await sleep(delay, undefined, { signal: stop });
      } catch {
        return; // closing (the row stays Pending for the next process) or cancelled (it is ended)
      }
      try {
        const outcome = await provider.poll(record.upstreamRef);
        if (stop.aborted) return;
        failures = 0;
        delay = provider.pollIntervalMs;
        if (outcome.state === "pending") {
          this.update(record.id, { progress: outcome.progress });
          continue;
        }
        if (outcome.state === "ready") {
          const ready = await this.composited(record, outcome);
          if (stop.aborted) return;
          if (!ready.ok) {
            this.finish(record, "Error", { message: ready.message });
            return;
          }
          const resultName = await this.results.save(record.id, ready.extension, ready.image);
          if (cancelled.aborted) {
            // Cancelled while the image was being written: the client asked not to keep it.
            await this.results.remove(resultName);
            return;
          }
          this.finish(record, "Ready", null, { resultName, seed: outcome.seed ?? record.seed });
        } else {
          this.finish(record, outcome.status, { message: outcome.message });
        }
        return;
      } catch (error) {
        if (stop.aborted) return;
        failures += 1;
        this.logger.warn(
          { job: record.id, provider: record.provider, failures, err: errorMessage(error) },
          "poll failed",
        );
        if (failures >= MAX_POLL_FAILURES) {
          this.finish(record, "Error", { message: errorMessage(error) });
          return;
        }
        const retryAfter = error instanceof UpstreamError ? Number(error.retryAfter) * 1000 : 0;
        delay = Math.min(Math.max(delay * 2, retryAfter || 0), MAX_POLL_DELAY_MS);
      }
    }
    this.finish(record, "Error", { message: "the job timed out" });
  }

  /** The ready image, composited into the original when the job has a plan. */
  private async composited(
    record: JobRecord,
    outcome: Extract<PollOutcome, { state: "ready" }>,
  ): Promise<
    { ok: true; image: Uint8Array; extension: ResultExtension } | { ok: false; message: string }
  > {
    const plan = await this.composites.load(record.id);
    if (!plan) return { ok: true, image: outcome.image, extension: outcome.extension };
    try {
      return {
        ok: true,
        image: await compositeResult(plan, outcome.image),
        extension: plan.format,
      };
    } catch (error) {
      return { ok: false, message: `The result could not be composited: ${errorMessage(error)}` };
    }
  }

  private finish(
    record: JobRecord,
    status: string,
    details: JobRecord["details"],
    extra: JobUpdate = {},
    reserved = true,
  ): void {
    if (this.closed) return;
    this.update(record.id, {
      ...extra,
      status,
      details,
      ...(status === "Ready" ? { progress: 1 } : {}),
      endTime: Date.now(),
    });
    if (reserved) this.release(record.clientId);
    void this.composites.remove(record.id);
    this.logger.info({ job: record.id, provider: record.provider, status }, "job finished");
  }

  private update(id: string, update: JobUpdate): void {
    // After close the table belongs to the next process; the row stays Pending for it.
    if (!this.closed) this.table.update(id, update);
  }
}

async function compositePlan(job: ProviderJob): Promise<CompositePlan> {
  const { mask, ...geometry } = await jobGeometry(job);
  return { source: job.image.bytes, geometry, mask, format: job.request.output_format };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
