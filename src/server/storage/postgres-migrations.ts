import type pg from "pg";

/**
 * Versioned schema changes, applied in order at start and recorded in `schema_migrations`. One
 * sequence for the whole database (jobs, input tokens, review links), so a replica's version
 * says everything it expects. Append only: a deployed entry never changes.
 */
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
  `CREATE TABLE shares (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    owner_hash TEXT NOT NULL,
    client_id TEXT NOT NULL,
    prompt TEXT NOT NULL,
    task TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    variants TEXT NOT NULL,
    formats TEXT NOT NULL,
    bytes BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT
  );
  CREATE INDEX shares_by_client ON shares (client_id, expires_at);
  CREATE TABLE share_feedback (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    share_id TEXT NOT NULL REFERENCES shares (id) ON DELETE CASCADE,
    pick INTEGER,
    comment TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX share_feedback_by_share ON share_feedback (share_id, id);`,
  // Job leases (JobLease): which replica follows an upstream job, which worker runs a fill.
  `ALTER TABLE jobs ADD COLUMN owner TEXT;
  ALTER TABLE jobs ADD COLUMN lease_until BIGINT;
  CREATE INDEX jobs_pending_by_owner ON jobs (owner) WHERE status = 'Pending';`,
];

/** Any number works; it only has to be the same for every process migrating this database. */
const MIGRATION_LOCK = 0x46696c6c;

/** Applies the migrations not yet recorded, under a lock so replicas starting together agree. */
export async function migrate(pool: pg.Pool, schema: string): Promise<void> {
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
