import pg from "pg";
import {
  fromRow,
  type JobRecord,
  type JobRepository,
  type JobRow,
  type JobUpdate,
  toRow,
  updateEntries,
} from "./job-repository";

/** Versioned schema changes, applied in order at start and recorded in `schema_migrations`. */
const MIGRATIONS = [
  `CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    provider TEXT NOT NULL,
    upstream_ref TEXT NOT NULL,
    status TEXT NOT NULL,
    progress DOUBLE PRECISION,
    details TEXT,
    prompt TEXT NOT NULL,
    seed BIGINT,
    start_time BIGINT NOT NULL,
    end_time BIGINT,
    result_name TEXT,
    client_id TEXT NOT NULL
  );
  CREATE INDEX jobs_pending_by_client ON jobs (client_id) WHERE status = 'Pending';
  CREATE INDEX jobs_by_end_time ON jobs (end_time);`,
  `CREATE TABLE input_tokens (name TEXT PRIMARY KEY, expires_at BIGINT NOT NULL);
  CREATE INDEX input_tokens_by_expiry ON input_tokens (expires_at);`,
];

/** Any number works; it only has to be the same for every process migrating this database. */
const MIGRATION_LOCK = 0x46696c6c;

const INSERT_COLUMNS = [
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
] as const satisfies readonly (keyof JobRow)[];

/**
 * Jobs and input tokens in Postgres (`DATABASE_URL`), shared by every proxy replica and fill
 * worker. Each process keeps a small pool; every query is one indexed statement. Tables live
 * in `schema` (created when missing), so tests can give each proxy a fresh one.
 */
export class PostgresJobRepository implements JobRepository {
  private constructor(private readonly pool: pg.Pool) {}

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

  async insert(record: JobRecord): Promise<void> {
    const row = toRow(record);
    await this.pool.query(
      `INSERT INTO jobs (${INSERT_COLUMNS.join(", ")})
       VALUES (${INSERT_COLUMNS.map((_, i) => `$${i + 1}`).join(", ")})`,
      INSERT_COLUMNS.map((column) => row[column]),
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

/** Applies the migrations not yet recorded, under a lock so replicas starting together agree. */
async function migrate(pool: pg.Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)",
    );
    const { rows } = await client.query<{ v: number | null }>(
      "SELECT MAX(version) AS v FROM schema_migrations",
    );
    const applied = rows[0]?.v ?? 0;
    for (const [index, sql] of MIGRATIONS.entries()) {
      if (index < applied) continue;
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)", [
          index + 1,
          Date.now(),
        ]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
