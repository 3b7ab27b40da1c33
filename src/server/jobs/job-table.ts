import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
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

interface JobRow {
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
}

export type JobUpdate = Partial<
  Pick<JobRecord, "status" | "progress" | "details" | "seed" | "endTime" | "resultName">
>;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS jobs (
  id TEXT PRIMARY KEY,
  provider TEXT NOT NULL,
  upstream_ref TEXT NOT NULL,
  status TEXT NOT NULL,
  progress REAL,
  details TEXT,
  prompt TEXT NOT NULL,
  seed INTEGER,
  start_time INTEGER NOT NULL,
  end_time INTEGER,
  result_name TEXT,
  client_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS jobs_pending_by_client ON jobs (client_id) WHERE status = 'Pending';
CREATE INDEX IF NOT EXISTS jobs_by_end_time ON jobs (end_time);
`;

/**
 * The job table in SQLite (WAL) under the data directory, so a restart loses neither finished
 * results nor the upstream references of jobs still running. Every call is synchronous and
 * indexed: `get_result` stays a cheap read even under hundreds of pollers.
 */
export class JobTable {
  private readonly db: Database.Database;
  private readonly statements;
  /** One prepared UPDATE per combination of columns, so polls do not re-parse SQL. */
  private readonly updates = new Map<string, Database.Statement>();

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, "jobs.sqlite"));
    this.db.pragma("journal_mode = WAL");
    // WAL with NORMAL sync is durable across process crashes, which is the failure we plan for.
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(SCHEMA);
    this.statements = {
      insert: this.db.prepare(
        `INSERT INTO jobs (id, provider, upstream_ref, status, progress, details, prompt, seed,
           start_time, end_time, result_name, client_id)
         VALUES (@id, @provider, @upstream_ref, @status, @progress, @details, @prompt, @seed,
           @start_time, @end_time, @result_name, @client_id)`,
      ),
      get: this.db.prepare<[string], JobRow>("SELECT * FROM jobs WHERE id = ?"),
      pending: this.db.prepare<[], JobRow>("SELECT * FROM jobs WHERE status = 'Pending'"),
      pendingCount: this.db.prepare<[], { n: number }>(
        "SELECT COUNT(*) AS n FROM jobs WHERE status = 'Pending'",
      ),
      pendingCountByClient: this.db.prepare<[string], { n: number }>(
        "SELECT COUNT(*) AS n FROM jobs WHERE status = 'Pending' AND client_id = ?",
      ),
      finishedBefore: this.db.prepare<[number], { id: string; result_name: string | null }>(
        "SELECT id, result_name FROM jobs WHERE end_time IS NOT NULL AND end_time < ?",
      ),
      delete: this.db.prepare<[string]>("DELETE FROM jobs WHERE id = ?"),
    };
  }

  insert(record: JobRecord): void {
    this.statements.insert.run(toRow(record));
  }

  get(id: string): JobRecord | undefined {
    const row = this.statements.get.get(id);
    return row ? fromRow(row) : undefined;
  }

  update(id: string, update: JobUpdate): void {
    const columns: Record<keyof JobUpdate, string> = {
      status: "status",
      progress: "progress",
      details: "details",
      seed: "seed",
      endTime: "end_time",
      resultName: "result_name",
    };
    const entries = Object.entries(update) as [keyof JobUpdate, unknown][];
    if (entries.length === 0) return;
    const sets = entries.map(([key]) => `${columns[key]} = @${key}`).join(", ");
    const values = Object.fromEntries(
      entries.map(([key, value]) => [key, key === "details" ? serialize(value) : value]),
    );
    let statement = this.updates.get(sets);
    if (!statement) {
      statement = this.db.prepare(`UPDATE jobs SET ${sets} WHERE id = @id`);
      this.updates.set(sets, statement);
    }
    statement.run({ ...values, id });
  }

  pending(): JobRecord[] {
    return this.statements.pending.all().map(fromRow);
  }

  pendingCount(clientId?: string): number {
    const row =
      clientId === undefined
        ? this.statements.pendingCount.get()
        : this.statements.pendingCountByClient.get(clientId);
    return row?.n ?? 0;
  }

  /** Deletes jobs that ended before `time` and returns their ids and result file names. */
  deleteFinishedBefore(time: number): { id: string; resultName: string | null }[] {
    const expired = this.statements.finishedBefore.all(time);
    this.db.transaction(() => {
      for (const job of expired) this.statements.delete.run(job.id);
    })();
    return expired.map((job) => ({ id: job.id, resultName: job.result_name }));
  }

  close(): void {
    this.db.close();
  }
}

function serialize(details: unknown): string | null {
  return details === null || details === undefined ? null : JSON.stringify(details);
}

function toRow(record: JobRecord): JobRow {
  return {
    id: record.id,
    provider: record.provider,
    upstream_ref: record.upstreamRef,
    status: record.status,
    progress: record.progress,
    details: serialize(record.details),
    prompt: record.prompt,
    seed: record.seed,
    start_time: record.startTime,
    end_time: record.endTime,
    result_name: record.resultName,
    client_id: record.clientId,
  };
}

function fromRow(row: JobRow): JobRecord {
  return {
    id: row.id,
    provider: row.provider as ProviderId,
    upstreamRef: row.upstream_ref,
    status: row.status,
    progress: row.progress,
    details: row.details === null ? null : (JSON.parse(row.details) as Record<string, unknown>),
    prompt: row.prompt,
    seed: row.seed,
    startTime: row.start_time,
    endTime: row.end_time,
    resultName: row.result_name,
    clientId: row.client_id,
  };
}
