import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import {
  fromRow,
  type JobLease,
  type JobRecord,
  type JobRepository,
  type JobRow,
  type JobUpdate,
  toRow,
  updateEntries,
} from "./job-repository";

/**
 * Versioned schema changes, applied in order at start; `PRAGMA user_version` records how many
 * ran. Version 1 is the table every existing data directory already has (hence IF NOT EXISTS).
 */
const MIGRATIONS = [
  `CREATE TABLE IF NOT EXISTS jobs (
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
  CREATE INDEX IF NOT EXISTS jobs_by_end_time ON jobs (end_time);`,
  `CREATE TABLE input_tokens (name TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
  CREATE INDEX input_tokens_by_expiry ON input_tokens (expires_at);`,
  // Job leases (see JobLease): one process on SQLite holds them all, but the rows stay the same
  // shape as Postgres's, which `npm run migrate-storage` copies.
  `ALTER TABLE jobs ADD COLUMN owner TEXT;
  ALTER TABLE jobs ADD COLUMN lease_until INTEGER;
  CREATE INDEX jobs_pending_by_owner ON jobs (owner) WHERE status = 'Pending';`,
];

/**
 * The job table in SQLite (WAL) under the data directory, so a restart loses neither finished
 * results nor the upstream references of jobs still running. better-sqlite3 is synchronous and
 * every query is indexed: `get_result` stays a cheap read even under hundreds of pollers.
 */
export class SqliteJobRepository implements JobRepository {
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
    this.migrate();
    this.statements = {
      insert: this.db.prepare(
        `INSERT INTO jobs (id, provider, upstream_ref, status, progress, details, prompt, seed,
           start_time, end_time, result_name, client_id, owner, lease_until)
         VALUES (@id, @provider, @upstream_ref, @status, @progress, @details, @prompt, @seed,
           @start_time, @end_time, @result_name, @client_id, @owner, @lease_until)`,
      ),
      claim: this.db.prepare<[string, number, string, number]>(
        `UPDATE jobs SET owner = ?, lease_until = ?
         WHERE id = ? AND status = 'Pending' AND (lease_until IS NULL OR lease_until < ?)`,
      ),
      claimExpired: this.db.prepare<[string, number, string, number], JobRow>(
        `UPDATE jobs SET owner = ?, lease_until = ?
         WHERE status = 'Pending' AND provider IN (SELECT value FROM json_each(?))
           AND (lease_until IS NULL OR lease_until < ?)
         RETURNING *`,
      ),
      renew: this.db.prepare<[number, string], { id: string }>(
        "UPDATE jobs SET lease_until = ? WHERE owner = ? AND status = 'Pending' RETURNING id",
      ),
      release: this.db.prepare<[string, string | null, string | null]>(
        `UPDATE jobs SET owner = NULL, lease_until = NULL
         WHERE owner = ? AND status = 'Pending' AND (? IS NULL OR id = ?)`,
      ),
      get: this.db.prepare<[string], JobRow>("SELECT * FROM jobs WHERE id = ?"),
      pending: this.db.prepare<[], JobRow>("SELECT * FROM jobs WHERE status = 'Pending'"),
      pendingCount: this.db.prepare<[], { n: number }>(
        "SELECT COUNT(*) AS n FROM jobs WHERE status = 'Pending'",
      ),
      pendingCountByClient: this.db.prepare<[string], { n: number }>(
        "SELECT COUNT(*) AS n FROM jobs WHERE status = 'Pending' AND client_id = ?",
      ),
      pendingCountByProvider: this.db.prepare<[string], { n: number }>(
        "SELECT COUNT(*) AS n FROM jobs WHERE status = 'Pending' AND provider = ?",
      ),
      finishedBefore: this.db.prepare<[number], { id: string; result_name: string | null }>(
        "SELECT id, result_name FROM jobs WHERE end_time IS NOT NULL AND end_time < ?",
      ),
      delete: this.db.prepare<[string]>("DELETE FROM jobs WHERE id = ?"),
      insertInput: this.db.prepare<[string, number]>(
        "INSERT INTO input_tokens (name, expires_at) VALUES (?, ?)",
      ),
      expiredInputs: this.db.prepare<[number], { name: string }>(
        "DELETE FROM input_tokens WHERE expires_at < ? RETURNING name",
      ),
    };
  }

  async insert(record: JobRecord, lease?: JobLease): Promise<void> {
    this.statements.insert.run(toRow(record, lease));
  }

  async claimLease(id: string, lease: JobLease, now: number): Promise<boolean> {
    return this.statements.claim.run(lease.owner, lease.until, id, now).changes > 0;
  }

  async claimExpiredLeases(
    providers: readonly string[],
    lease: JobLease,
    now: number,
  ): Promise<JobRecord[]> {
    const claimed = this.statements.claimExpired.all(
      lease.owner,
      lease.until,
      JSON.stringify(providers),
      now,
    );
    return claimed.map(fromRow);
  }

  async renewLeases(lease: JobLease): Promise<string[]> {
    return this.statements.renew.all(lease.until, lease.owner).map((row) => row.id);
  }

  async releaseLeases(owner: string, jobId?: string): Promise<void> {
    this.statements.release.run(owner, jobId ?? null, jobId ?? null);
  }

  async get(id: string): Promise<JobRecord | undefined> {
    const row = this.statements.get.get(id);
    return row ? fromRow(row) : undefined;
  }

  async update(id: string, update: JobUpdate, { onlyPending = false } = {}): Promise<boolean> {
    const entries = updateEntries(update);
    if (entries.length === 0) return false;
    const sets = entries.map(([column]) => `${column} = @${column}`).join(", ");
    const where = onlyPending ? "id = @id AND status = 'Pending'" : "id = @id";
    const sql = `UPDATE jobs SET ${sets} WHERE ${where}`;
    let statement = this.updates.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.updates.set(sql, statement);
    }
    return statement.run({ ...Object.fromEntries(entries), id }).changes > 0;
  }

  async pending(): Promise<JobRecord[]> {
    return this.statements.pending.all().map(fromRow);
  }

  async pendingCount({ clientId, provider }: { clientId?: string; provider?: string } = {}) {
    const row =
      clientId !== undefined
        ? this.statements.pendingCountByClient.get(clientId)
        : provider !== undefined
          ? this.statements.pendingCountByProvider.get(provider)
          : this.statements.pendingCount.get();
    return row?.n ?? 0;
  }

  async deleteFinishedBefore(time: number): Promise<{ id: string; resultName: string | null }[]> {
    const expired = this.statements.finishedBefore.all(time);
    this.db.transaction(() => {
      for (const job of expired) this.statements.delete.run(job.id);
    })();
    return expired.map((job) => ({ id: job.id, resultName: job.result_name }));
  }

  async recordInput(name: string, expiresAt: number): Promise<void> {
    this.statements.insertInput.run(name, expiresAt);
  }

  async takeExpiredInputs(time: number): Promise<string[]> {
    return this.statements.expiredInputs.all(time).map((row) => row.name);
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private migrate(): void {
    const applied = this.db.pragma("user_version", { simple: true }) as number;
    for (const [index, sql] of MIGRATIONS.entries()) {
      if (index < applied) continue;
      this.db.transaction(() => {
        this.db.exec(sql);
        this.db.pragma(`user_version = ${index + 1}`);
      })();
    }
  }
}
