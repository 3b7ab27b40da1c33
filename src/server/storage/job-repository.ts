import type { JobStatus, ProviderId } from "../../contract";

export interface JobRecord {
  id: string;
  provider: ProviderId;
  /** What the provider needs to poll the job: BFL's polling URL, apiframe's job id, a local ref. */
  upstreamRef: string;
  status: JobStatus | string;
  progress: number | null;
  details: Record<string, unknown> | null;
  prompt: string;
  seed: number | null;
  startTime: number;
  endTime: number | null;
  resultName: string | null;
  /** The submitting client's address, for the per-client cap on jobs in flight. */
  clientId: string;
}

export type JobUpdate = Partial<
  Pick<JobRecord, "status" | "progress" | "details" | "seed" | "endTime" | "resultName">
>;

/**
 * Who follows a job and until when: the proxy replica polling an upstream job, or the fill worker
 * running a queued fill. The holder renews it while it works; once `until` has passed, any live
 * process may take the job over with a conditional write, so exactly one does.
 */
export interface JobLease {
  owner: string;
  until: number;
}

/**
 * Where jobs and apiframe's input tokens are kept: SQLite under the data directory (the embedded
 * default) or Postgres (`DATABASE_URL`), which every replica and fill worker share. Writes that
 * end a job are conditional on it still being `Pending`, so when two processes race (a cancel on
 * one replica, a result from a worker) the first terminal write wins and the other learns it lost.
 */
export interface JobRepository {
  /** Writes a new job, with `lease` when the submitting process follows it itself. */
  insert(record: JobRecord, lease?: JobLease): Promise<void>;
  get(id: string): Promise<JobRecord | undefined>;
  /** Applies `update`; with `onlyPending`, only to a job still `Pending`. True when a row changed. */
  update(id: string, update: JobUpdate, options?: { onlyPending?: boolean }): Promise<boolean>;
  pending(): Promise<JobRecord[]>;
  /** Jobs still `Pending`, in total, for one client or of one provider: the caps count these. */
  pendingCount(filter?: { clientId?: string; provider?: ProviderId }): Promise<number>;
  /**
   * Takes the lease of a `Pending` job nobody holds (or whose holder's lease ran out before
   * `now`); true when this call took it. A live lease, even `lease.owner`'s own, is not taken.
   */
  claimLease(id: string, lease: JobLease, now: number): Promise<boolean>;
  /**
   * Takes the leases of `Pending` jobs of `providers` that nobody holds or whose lease ran out
   * before `now`, and returns those jobs: each to exactly one of the processes asking at once.
   */
  claimExpiredLeases(
    providers: readonly string[],
    lease: JobLease,
    now: number,
  ): Promise<JobRecord[]>;
  /** Extends every lease `lease.owner` holds on a `Pending` job; returns those jobs' ids. */
  renewLeases(lease: JobLease): Promise<string[]>;
  /**
   * Gives up `owner`'s leases (of one job, or all at a clean shutdown) at once, so another
   * process takes over now.
   */
  releaseLeases(owner: string, jobId?: string): Promise<void>;
  /** Deletes jobs that ended before `time` and returns their ids and result file names. */
  deleteFinishedBefore(time: number): Promise<{ id: string; resultName: string | null }[]>;
  /** Remembers an uploaded input's name, so the sweep can find it once `expiresAt` has passed. */
  recordInput(name: string, expiresAt: number): Promise<void>;
  /** Forgets inputs that expired before `time` and returns their names. */
  takeExpiredInputs(time: number): Promise<string[]>;
  close(): Promise<void>;
}

export const JOB_COLUMNS = {
  status: "status",
  progress: "progress",
  details: "details",
  seed: "seed",
  endTime: "end_time",
  resultName: "result_name",
} as const satisfies Record<keyof JobUpdate, string>;

export interface JobRow {
  id: string;
  provider: string;
  upstream_ref: string;
  status: string;
  progress: number | null;
  details: string | null;
  prompt: string;
  seed: number | null;
  start_time: number;
  end_time: number | null;
  result_name: string | null;
  client_id: string;
  owner?: string | null;
  lease_until?: number | null;
}

export function serializeDetails(details: unknown): string | null {
  return details === null || details === undefined ? null : JSON.stringify(details);
}

export function toRow(record: JobRecord, lease?: JobLease): JobRow {
  return {
    id: record.id,
    provider: record.provider,
    upstream_ref: record.upstreamRef,
    status: record.status,
    progress: record.progress,
    details: serializeDetails(record.details),
    prompt: record.prompt,
    seed: record.seed,
    start_time: record.startTime,
    end_time: record.endTime,
    result_name: record.resultName,
    client_id: record.clientId,
    owner: lease?.owner ?? null,
    lease_until: lease?.until ?? null,
  };
}

export function fromRow(row: JobRow): JobRecord {
  return {
    id: row.id,
    provider: row.provider as ProviderId,
    upstreamRef: row.upstream_ref,
    status: row.status,
    progress: row.progress,
    details: row.details === null ? null : (JSON.parse(row.details) as Record<string, unknown>),
    prompt: row.prompt,
    seed: row.seed === null ? null : Number(row.seed),
    // Postgres returns BIGINT as a string: seeds and times are numbers in the record either way.
    startTime: Number(row.start_time),
    endTime: row.end_time === null ? null : Number(row.end_time),
    resultName: row.result_name,
    clientId: row.client_id,
  };
}

/** The columns an update sets, and their values with `details` serialized. */
export function updateEntries(update: JobUpdate): [column: string, value: unknown][] {
  return (Object.entries(update) as [keyof JobUpdate, unknown][]).map(([key, value]) => [
    JOB_COLUMNS[key],
    key === "details" ? serializeDetails(value) : value,
  ]);
}
