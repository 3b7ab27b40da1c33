import pg from "pg";
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
import { migrate } from "./postgres-migrations";

/** Every column of `jobs`, in the order INSERTs list them. */
export const JOB_INSERT_COLUMNS = [
  "id",
  "provider",
  "upstream_ref",
  "status",
  "progress",
  "details",
  "prompt",
  "seed",
  "start_time",
  "end_time",
  "result_name",
  "client_id",
  "owner",
  "lease_until",
] as const satisfies readonly (keyof JobRow)[];

/**
 * Jobs and input tokens in Postgres (`DATABASE_URL`), shared by every proxy replica and fill
 * worker. Each process keeps a small pool; every query is one indexed statement. Tables live
 * in `schema` (created when missing), so tests can give each proxy a fresh one.
 */
export class PostgresJobRepository implements JobRepository {
  /** Shared with the review-link repository: one pool per process, one set of migrations. */
  private constructor(readonly pool: pg.Pool) {}

  static async open(url: string, schema: string, poolSize = 10): Promise<PostgresJobRepository> {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
    const pool = new pg.Pool({
      connectionString: url,
      max: poolSize,
      options: `-c search_path=${schema}`,
    });
    // An idle client that loses its server must not crash the process; the next query reconnects.
    pool.on("error", () => undefined);
    try {
      await migrate(pool, schema);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresJobRepository(pool);
  }

  async insert(record: JobRecord, lease?: JobLease): Promise<void> {
    const row = toRow(record, lease);
    await this.pool.query(
      `INSERT INTO jobs (${JOB_INSERT_COLUMNS.join(", ")})
       VALUES (${JOB_INSERT_COLUMNS.map((_, i) => `$${i + 1}`).join(", ")})`,
      JOB_INSERT_COLUMNS.map((column) => row[column]),
    );
  }

  async get(id: string): Promise<JobRecord | undefined> {
    const { rows } = await this.pool.query<JobRow>({
      name: "job-get",
      text: "SELECT * FROM jobs WHERE id = $1",
      values: [id],
    });
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  async update(id: string, update: JobUpdate, { onlyPending = false } = {}): Promise<boolean> {
    const entries = updateEntries(update);
    if (entries.length === 0) return false;
    const sets = entries.map(([column], i) => `${column} = $${i + 2}`).join(", ");
    const where = onlyPending ? "id = $1 AND status = 'Pending'" : "id = $1";
    const result = await this.pool.query(`UPDATE jobs SET ${sets} WHERE ${where}`, [
      id,
      ...entries.map(([, value]) => value),
    ]);
    return (result.rowCount ?? 0) > 0;
  }

  async pending(): Promise<JobRecord[]> {
    const { rows } = await this.pool.query<JobRow>("SELECT * FROM jobs WHERE status = 'Pending'");
    return rows.map(fromRow);
  }

  async pendingCount({ clientId, provider }: { clientId?: string; provider?: string } = {}) {
    const [where, values] =
      clientId !== undefined
        ? [" AND client_id = $1", [clientId]]
        : provider !== undefined
          ? [" AND provider = $1", [provider]]
          : ["", []];
    const { rows } = await this.pool.query<{ n: string }>(
      `SELECT COUNT(*) AS n FROM jobs WHERE status = 'Pending'${where}`,
      values,
    );
    return Number(rows[0]?.n ?? 0);
  }

  async claimLease(id: string, lease: JobLease, now: number): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE jobs SET owner = $1, lease_until = $2
       WHERE id = $3 AND status = 'Pending' AND (lease_until IS NULL OR lease_until < $4)`,
      [lease.owner, lease.until, id, now],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async claimExpiredLeases(
    providers: readonly string[],
    lease: JobLease,
    now: number,
  ): Promise<JobRecord[]> {
    // Under READ COMMITTED a row another replica claims first is either skipped (still locked)
    // or re-checked after its commit (its new lease no longer matches): one winner per job.
    const { rows } = await this.pool.query<JobRow>(
      `UPDATE jobs SET owner = $1, lease_until = $2
       WHERE id IN (
         SELECT id FROM jobs
         WHERE status = 'Pending' AND provider = ANY($3) AND (lease_until IS NULL OR lease_until < $4)
         FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [lease.owner, lease.until, providers, now],
    );
    return rows.map(fromRow);
  }

  async renewLeases(lease: JobLease): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      "UPDATE jobs SET lease_until = $1 WHERE owner = $2 AND status = 'Pending' RETURNING id",
      [lease.until, lease.owner],
    );
    return rows.map((row) => row.id);
  }

  async releaseLeases(owner: string, jobId?: string): Promise<void> {
    await this.pool.query(
      `UPDATE jobs SET owner = NULL, lease_until = NULL
       WHERE owner = $1 AND status = 'Pending' AND ($2::text IS NULL OR id = $2)`,
      [owner, jobId ?? null],
    );
  }

  async deleteFinishedBefore(time: number): Promise<{ id: string; resultName: string | null }[]> {
    const { rows } = await this.pool.query<{ id: string; result_name: string | null }>(
      "DELETE FROM jobs WHERE end_time IS NOT NULL AND end_time < $1 RETURNING id, result_name",
      [time],
    );
    return rows.map((row) => ({ id: row.id, resultName: row.result_name }));
  }

  async recordInput(name: string, expiresAt: number): Promise<void> {
    await this.pool.query("INSERT INTO input_tokens (name, expires_at) VALUES ($1, $2)", [
      name,
      expiresAt,
    ]);
  }

  async takeExpiredInputs(time: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ name: string }>(
      "DELETE FROM input_tokens WHERE expires_at < $1 RETURNING name",
      [time],
    );
    return rows.map((row) => row.name);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
