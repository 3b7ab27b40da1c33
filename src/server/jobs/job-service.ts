import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { CANCELLED_STATUS, type ProviderId } from "../../contract";
import { PROXY_RESTARTED } from "../../job-failures";
import { compositeResult } from "../images/composite-result";
import type { Logger } from "../logging";
import { jobGeometry } from "../providers/job-geometry";
import type { PollOutcome, Provider, ProviderJob, ResultExtension } from "../providers/provider";
import { jobPrompt, UpstreamError } from "../providers/provider";
import type { FillQueue } from "../queue/fill-queue";
import type { JobRecord, JobRepository, JobUpdate } from "../storage/job-repository";
import type { CompositePlan, CompositeStore } from "./composite-store";
import type { ResultStore } from "./result-store";

/** Transient poll failures in a row before a job is given up as `Error`. */
const MAX_POLL_FAILURES = 8;
const MAX_POLL_DELAY_MS = 5_000;
/** A job still pending after this long is failed rather than polled forever. */
const JOB_TIMEOUT_MS = 30 * 60_000;

/** A fact, not advice: the SPA says what to do about it (see `describeFailure`). */
export const RESTARTED_LOCAL_JOB_MESSAGE = PROXY_RESTARTED;

/**
 * How long a replica's hold on an upstream job it follows lasts, and how often it renews its
 * holds and looks for jobs whose holder stopped renewing (a replica that died).
 */
export interface FollowLeases {
  leaseMs: number;
  checkEveryMs: number;
}

export interface JobServiceOptions {
  /**
   * With Postgres, local fills go to the shared fill queue, and whichever fill worker takes one
   * writes its row: this service neither polls nor resumes them.
   */
  queue: FillQueue | null;
  leases: FollowLeases;
}

/** Why a follower stopped when another process took its job over. */
const LEASE_LOST = "lease lost";

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
  /**
   * Local fills queued or running at once in the shared fill queue, across all replicas: this
   * process's own engine workers plus LOCAL_QUEUE_MAX (fill workers elsewhere are not known
   * here). Beyond it submits get 429 instead of piling inputs up. Without the queue the local
   * provider bounds its own.
   */
  maxQueuedFills: number;
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
   * Slots reserved in this process whose job row is not written yet (the upstream submit is
   * async). The caps count `Pending` rows, which every replica shares, plus these; reservations
   * are taken one at a time, so a burst of concurrent submits cannot all slip under the caps.
   */
  private readonly reservedByClient = new Map<string, number>();
  private reservedTotal = 0;
  private reserving: Promise<unknown> = Promise.resolve();
  /** One per job being followed; aborting it makes `follow` drop the job wherever it is. */
  private readonly following = new Map<string, AbortController>();
  /** This process's name in the leases of the upstream jobs it follows. */
  private readonly owner = randomUUID();
  private readonly queue: FillQueue | null;
  private readonly leases: FollowLeases;
  private leaseTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly providers: ReadonlyMap<ProviderId, Provider>,
    private readonly table: JobRepository,
    private readonly results: ResultStore,
    private readonly composites: CompositeStore,
    private readonly logger: Logger,
    private readonly limits: JobLimits,
    { queue, leases }: JobServiceOptions,
  ) {
    this.queue = queue;
    this.leases = leases;
  }

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
    const queued = providerId === "local" && this.queue !== null;
    await this.reserve(clientId, queued);
    const id = randomUUID();
    let upstreamRef: string;
    let plan: CompositePlan | null = null;
    try {
      // Worked out before the (billed) submit, so a mask that cannot be read costs nothing.
      plan = composite && !provider.composites ? await compositePlan(job) : null;
      upstreamRef = queued ? id : await provider.submit(job);
    } catch (error) {
      this.unreserve(clientId);
      throw error;
    }
    const record: JobRecord = {
      id,
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
    try {
      if (plan) await this.composites.save(record.id, plan);
      // An upstream job is followed from here, so it is this replica's from the start.
      await this.table.insert(record, queued ? undefined : this.lease());
    } finally {
      // From here on the row counts against the caps (or was never written).
      this.unreserve(clientId);
    }
    this.logger.info(
      { job: record.id, provider: providerId, composite: plan !== null, queued },
      "job submitted",
    );
    if (this.queue && queued) await this.enqueue(this.queue, record, job);
    else void this.follow(record, provider);
    return record;
  }

  get(id: string): Promise<JobRecord | undefined> {
    return this.table.get(id);
  }

  /**
   * Ends a pending job as `Cancelled` and releases its in-flight slot at once. The local engine
   * stops its worker task; BFL and apiframe document no cancel, so their job keeps running (and
   * may be billed) upstream: the proxy only stops polling it and never stores its result.
   * Only the client that submitted a job may cancel it (clients are told apart as for the caps).
   */
  async cancel(id: string, clientId: string): Promise<CancelResult> {
    const record = await this.table.get(id);
    if (!record) return { outcome: "not-found" };
    if (record.clientId !== clientId) return { outcome: "not-yours" };
    if (record.status !== "Pending") return { outcome: "finished", record };
    // The first terminal write wins: a worker or another replica may have finished it just now.
    if (!(await this.finish(record, CANCELLED_STATUS, { message: CANCELLED_MESSAGE }))) {
      const now = await this.table.get(id);
      return now ? { outcome: "finished", record: now } : { outcome: "not-found" };
    }
    this.following.get(id)?.abort();
    // A queued fill is stopped by its worker, which sees the row end; others are told here.
    if (!(record.provider === "local" && this.queue)) {
      this.providers.get(record.provider)?.cancel?.(record.upstreamRef);
    }
    return { outcome: "cancelled", record: (await this.table.get(id)) ?? record };
  }

  /**
   * Called once at start, then on a timer: follows upstream jobs that no live replica follows.
   * `exclusive`: this process alone uses the table (SQLite under DATA_DIR), so every pending job
   * is a previous run's: upstream ones are followed again at once, whatever their lease says,
   * and the rest are failed (a local fill's pixels lived in memory). Shared (Postgres), a job is
   * taken over only once its follower's lease has run out: a replica that starts while another
   * follows a job leaves it alone.
   */
  async resumeUnfinished({ exclusive }: { exclusive: boolean }): Promise<void> {
    if (exclusive) {
      for (const record of await this.table.pending()) {
        const provider = this.providers.get(record.provider);
        if (provider?.resumable) continue;
        const message = provider
          ? RESTARTED_LOCAL_JOB_MESSAGE
          : `The proxy restarted without the ${record.provider} provider configured.`;
        await this.finish(record, "Error", { message });
      }
    }
    await this.adopt(exclusive ? Number.MAX_SAFE_INTEGER : Date.now());
    this.leaseTimer = setInterval(() => void this.tendLeases(), this.leases.checkEveryMs);
    this.leaseTimer.unref();
  }

  /** Forgets jobs that ended more than `ttlMs` ago and deletes their result files. */
  async purgeExpired(ttlMs: number): Promise<number> {
    const expired = await this.table.deleteFinishedBefore(Date.now() - ttlMs);
    await Promise.all(
      expired.flatMap((job) => [
        this.composites.remove(job.id),
        ...(job.resultName ? [this.results.remove(job.resultName)] : []),
      ]),
    );
    return expired.length;
  }

  /**
   * Stops following jobs and gives up their leases, so another replica (or the next process)
   * takes them over at once; the rows stay `Pending`.
   */
  async close(): Promise<void> {
    clearInterval(this.leaseTimer);
    this.stopping.abort();
    await this.table.releaseLeases(this.owner).catch((error: unknown) => {
      this.logger.warn({ err: errorMessage(error) }, "could not release job leases");
    });
  }

  private lease() {
    return { owner: this.owner, until: Date.now() + this.leases.leaseMs };
  }

  /**
   * Renews the leases of the jobs followed here and stops following any this replica no longer
   * holds (ended elsewhere, or taken over after a stall); then takes over orphaned ones.
   */
  private async tendLeases(): Promise<void> {
    try {
      const held = new Set(await this.table.renewLeases(this.lease()));
      if (this.closed) return;
      for (const [id, follower] of this.following) {
        if (!held.has(id)) follower.abort(LEASE_LOST);
      }
      await this.adopt(Date.now());
    } catch (error) {
      this.logger.warn({ err: errorMessage(error) }, "job leases could not be tended");
    }
  }

  /** Takes over upstream jobs whose lease ran out before `now` and follows them. */
  private async adopt(now: number): Promise<void> {
    const resumable = [...this.providers]
      .filter(([id, provider]) => provider.resumable && !(id === "local" && this.queue))
      .map(([id]) => id);
    if (resumable.length === 0 || this.closed) return;
    for (const record of await this.table.claimExpiredLeases(resumable, this.lease(), now)) {
      if (this.following.has(record.id)) continue; // our own lease, renewed late
      const provider = this.providers.get(record.provider);
      if (!provider) continue;
      this.logger.info({ job: record.id, provider: record.provider }, "resuming job");
      void this.follow(record, provider);
    }
  }

  private get closed(): boolean {
    return this.stopping.signal.aborted;
  }

  /** Takes a slot under both caps, or throws a 429; one reservation at a time per process. */
  private reserve(clientId: string, queuedFill: boolean): Promise<void> {
    const reserved = this.reserving.then(async () => {
      const [pendingMine, pendingTotal, pendingFills] = await Promise.all([
        this.table.pendingCount({ clientId }),
        this.table.pendingCount(),
        queuedFill ? this.table.pendingCount({ provider: "local" }) : 0,
      ]);
      // Reservations of this process not yet written are counted as fills too: the cap is loose
      // only by other replicas' submits in the same instant.
      if (queuedFill && pendingFills + this.reservedTotal >= this.limits.maxQueuedFills) {
        throw new UpstreamError(
          429,
          `The local engine's queue is full (${this.limits.maxQueuedFills} fills); try again shortly.`,
          "2",
        );
      }
      const mine = pendingMine + (this.reservedByClient.get(clientId) ?? 0);
      if (mine >= this.limits.maxPerClient) {
        throw new UpstreamError(
          429,
          `You already have ${mine} jobs running (limit ${this.limits.maxPerClient}); wait for one to finish.`,
          "2",
        );
      }
      const total = pendingTotal + this.reservedTotal;
      if (total >= this.limits.maxTotal) {
        throw new UpstreamError(
          429,
          `The server is busy (${total} jobs running); try again shortly.`,
          "5",
        );
      }
      this.reservedByClient.set(clientId, (this.reservedByClient.get(clientId) ?? 0) + 1);
      this.reservedTotal += 1;
    });
    this.reserving = reserved.catch(() => undefined);
    return reserved;
  }

  private unreserve(clientId: string): void {
    const mine = (this.reservedByClient.get(clientId) ?? 1) - 1;
    if (mine > 0) this.reservedByClient.set(clientId, mine);
    else this.reservedByClient.delete(clientId);
    this.reservedTotal = Math.max(0, this.reservedTotal - 1);
  }

  private async enqueue(queue: FillQueue, record: JobRecord, job: ProviderJob): Promise<void> {
    try {
      await queue.enqueue(record.id, job);
    } catch (error) {
      await this.finish(record, "Error", {
        message: `The fill could not be queued: ${errorMessage(error)}`,
      });
      throw error;
    }
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
          // A job ended elsewhere (cancelled on another replica) is no longer followed.
          if (!(await this.update(record.id, { progress: outcome.progress }))) return;
          continue;
        }
        if (outcome.state === "ready") {
          const ready = await this.composited(record, outcome);
          if (stop.aborted) return;
          if (!ready.ok) {
            await this.finish(record, "Error", { message: ready.message });
            return;
          }
          const resultName = await this.results.save(record.id, ready.extension, ready.image);
          const kept =
            !cancelled.aborted &&
            (await this.finish(record, "Ready", null, {
              resultName,
              seed: outcome.seed ?? record.seed,
            }));
          if (!kept && !this.closed && cancelled.reason !== LEASE_LOST) {
            // Cancelled while the image was being written: the client asked not to keep it. The
            // same name may be another process's stored result for this job: that one stays.
            // (A replica that lost the job to another leaves the blob to it.)
            const now = await this.table.get(record.id);
            if (now?.resultName !== resultName) await this.results.remove(resultName);
          }
        } else {
          await this.finish(record, outcome.status, { message: outcome.message });
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
          await this.finish(record, "Error", { message: errorMessage(error) });
          return;
        }
        const retryAfter = error instanceof UpstreamError ? Number(error.retryAfter) * 1000 : 0;
        delay = Math.min(Math.max(delay * 2, retryAfter || 0), MAX_POLL_DELAY_MS);
      }
    }
    await this.finish(record, "Error", { message: "the job timed out" });
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

  /** Ends a still-pending job; false when it had already ended (elsewhere) or we are closing. */
  private async finish(
    record: JobRecord,
    status: string,
    details: JobRecord["details"],
    extra: JobUpdate = {},
  ): Promise<boolean> {
    const ended = await this.update(record.id, {
      ...extra,
      status,
      details,
      ...(status === "Ready" ? { progress: 1 } : {}),
      endTime: Date.now(),
    });
    if (!ended) return false;
    void this.composites.remove(record.id);
    this.logger.info({ job: record.id, provider: record.provider, status }, "job finished");
    return true;
  }

  /** Writes to a job still `Pending`; true when it was. */
  private async update(id: string, update: JobUpdate): Promise<boolean> {
    // After close the table belongs to the next process; the row stays Pending for it.
    if (this.closed) return false;
    return this.table.update(id, update, { onlyPending: true });
  }
}

async function compositePlan(job: ProviderJob): Promise<CompositePlan> {
  const { mask, ...geometry } = await jobGeometry(job);
  return { source: job.image.bytes, geometry, mask, format: job.request.output_format };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
