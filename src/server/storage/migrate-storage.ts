import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import Database from "better-sqlite3";
import type pg from "pg";
import type { ProxyConfig } from "../config";
import { RESTARTED_LOCAL_JOB_MESSAGE } from "../jobs/job-service";
import { SHARE_COLUMNS } from "../shares/share-row";
import { SqliteShareRepository } from "../shares/sqlite-share-repository";
import { JOB_INSERT_COLUMNS, PostgresJobRepository } from "./postgres-job-repository";
import { S3BlobStore } from "./s3-blob-store";
import { SqliteJobRepository } from "./sqlite-job-repository";

/** How many rows or blobs were written, and how many the target already had. */
export interface Copied {
  copied: number;
  present: number;
}

export interface MigrationSummary {
  jobs: Copied;
  inputTokens: Copied;
  shares: Copied;
  /** Reviewers' comments, copied with the links they belong to. */
  feedback: number;
  /** Null when no S3 bucket is configured: blobs stay under DATA_DIR. */
  blobs: Copied | null;
}

/** The data directory's blob folders (FileBlobStore keys); `fills/` exists only on Postgres. */
const BLOB_FOLDERS = ["results", "inputs", "composites", "shares"];

const FEEDBACK_COLUMNS = ["share_id", "pick", "comment", "name", "created_at"] as const;

type Row = Record<string, unknown>;

/**
 * `npm run migrate-storage`: copies what a single SQLite proxy kept under DATA_DIR (jobs,
 * apiframe's input tokens, review links with their feedback) into DATABASE_URL's Postgres, and
 * its blobs (results, inputs, composite plans, review-link images) into the S3 bucket when S3_*
 * is set. Idempotent: rows are inserted only when their key is new (a link's feedback only with
 * the link, in one transaction), blobs only when the bucket lacks the key, so a second run (or
 * one after an interruption) copies only what is missing. Run it with the proxy stopped.
 */
export async function migrateStorage(
  config: Pick<ProxyConfig, "dataDir" | "database" | "s3">,
): Promise<MigrationSummary> {
  if (!config.database) throw new Error("DATABASE_URL is required: it is where the data goes");
  const file = join(config.dataDir, "jobs.sqlite");
  if (!existsSync(file)) throw new Error(`no SQLite database at ${file} (check DATA_DIR)`);
  // Opening the repositories brings an older file's schema up to date, as `npm start` would.
  await new SqliteJobRepository(config.dataDir).close();
  await new SqliteShareRepository(config.dataDir).close();
  const source = new Database(file, { readonly: true });
  const target = await PostgresJobRepository.open(config.database.url, config.database.schema);
  const bucket = config.s3 ? new S3BlobStore(config.s3) : null;
  try {
    const jobs = await copyRows(
      target.pool,
      "jobs",
      "id",
      JOB_INSERT_COLUMNS,
      source.prepare("SELECT * FROM jobs").all().map(arriving),
    );
    const inputTokens = await copyRows(
      target.pool,
      "input_tokens",
      "name",
      ["name", "expires_at"],
      source.prepare("SELECT * FROM input_tokens").all() as Row[],
    );
    const { shares, feedback } = await copyShares(target.pool, source);
    const blobs = bucket ? await copyBlobs(config.dataDir, bucket) : null;
    return { jobs, inputTokens, shares, feedback, blobs };
  } finally {
    source.close();
    bucket?.close();
    await target.close();
  }
}

/** One line for the operator: what was copied and what was there already. */
export function summaryLine(summary: MigrationSummary): string {
  const count = (name: string, { copied, present }: Copied) =>
    `${name} ${copied} copied, ${present} already there`;
  return [
    count("jobs", summary.jobs),
    count("input tokens", summary.inputTokens),
    `${count("review links", summary.shares)} (${summary.feedback} comments copied)`,
    summary.blobs
      ? count("blobs", summary.blobs)
      : "blobs not copied (no S3_* set: they stay under DATA_DIR)",
  ].join("; ");
}

/**
 * A job as Postgres should get it. Upstream jobs arrive without a lease, so the first replica to
 * look follows them. A local fill still `Pending` was running in the old proxy's memory: no fill
 * worker will ever take it, so it arrives ended, as the old proxy would have ended it at start.
 */
function arriving(row: unknown): Row {
  const job: Row = { ...(row as Row), owner: null, lease_until: null };
  if (job.provider !== "local" || job.status !== "Pending") return job;
  return {
    ...job,
    status: "Error",
    details: JSON.stringify({ message: RESTARTED_LOCAL_JOB_MESSAGE }),
    end_time: Date.now(),
  };
}

async function copyRows(
  pool: pg.Pool,
  table: string,
  key: string,
  columns: readonly string[],
  rows: Row[],
): Promise<Copied> {
  const sql = `INSERT INTO ${table} (${columns.join(", ")})
    VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})
    ON CONFLICT (${key}) DO NOTHING`;
  let copied = 0;
  for (const row of rows) {
    const result = await pool.query(
      sql,
      columns.map((column) => row[column]),
    );
    copied += result.rowCount ?? 0;
  }
  return { copied, present: rows.length - copied };
}

/** Each link with its feedback in one transaction: a link that is there has all its comments. */
async function copyShares(
  pool: pg.Pool,
  source: Database.Database,
): Promise<{ shares: Copied; feedback: number }> {
  const links = source.prepare("SELECT * FROM shares ORDER BY created_at").all() as Row[];
  const comments = source.prepare("SELECT * FROM share_feedback WHERE share_id = ? ORDER BY id");
  const client = await pool.connect();
  let copied = 0;
  let feedback = 0;
  try {
    for (const link of links) {
      await client.query("BEGIN");
      try {
        const inserted = await client.query(
          `INSERT INTO shares (${SHARE_COLUMNS.join(", ")})
           VALUES (${SHARE_COLUMNS.map((_, i) => `$${i + 1}`).join(", ")})
           ON CONFLICT (id) DO NOTHING`,
          SHARE_COLUMNS.map((column) => link[column]),
        );
        if ((inserted.rowCount ?? 0) > 0) {
          copied += 1;
          for (const comment of comments.all(link.id) as Row[]) {
            await client.query(
              `INSERT INTO share_feedback (${FEEDBACK_COLUMNS.join(", ")}) VALUES ($1, $2, $3, $4, $5)`,
              FEEDBACK_COLUMNS.map((column) => comment[column]),
            );
            feedback += 1;
          }
        }
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
  } finally {
    client.release();
  }
  return { shares: { copied, present: links.length - copied }, feedback };
}

async function copyBlobs(dataDir: string, bucket: S3BlobStore): Promise<Copied> {
  let copied = 0;
  let present = 0;
  for (const folder of BLOB_FOLDERS) {
    for (const path of await filesUnder(join(dataDir, folder))) {
      // A write the old proxy never finished (FileBlobStore writes aside, then renames).
      if (path.endsWith(".partial")) continue;
      const key = relative(dataDir, path).split(sep).join("/");
      if (await bucket.has(key)) {
        present += 1;
        continue;
      }
      await bucket.put(key, await readFile(path));
      copied += 1;
    }
  }
  return { copied, present };
}

async function filesUnder(directory: string): Promise<string[]> {
  if (!existsSync(directory)) return [];
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
