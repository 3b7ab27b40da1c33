import type pg from "pg";
import type { FeedbackRecord, ShareRecord, ShareRepository } from "./share-repository";

interface ShareRow {
  id: string;
  token_hash: string;
  owner_hash: string;
  client_id: string;
  prompt: string;
  task: string;
  width: number;
  height: number;
  variants: number[];
  formats: ShareRecord["formats"];
  // BIGINT columns: node-postgres hands them over as strings.
  bytes: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

interface FeedbackRow {
  id: string;
  share_id: string;
  pick: number | null;
  comment: string;
  name: string;
  created_at: string;
}

const SHARE_COLUMNS = `id, token_hash, owner_hash, client_id, prompt, task, width, height, variants,
  formats, bytes, created_at, expires_at, revoked_at`;

/**
 * Review links in Postgres (`DATABASE_URL`), so every replica sees the same links, quota and
 * feedback. Runs on the job repository's pool; its tables come from the storage layer's
 * versioned migrations, so closing this repository leaves the pool to its owner.
 */
export class PostgresShareRepository implements ShareRepository {
  constructor(private readonly pool: pg.Pool) {}

  async insert(share: ShareRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO shares (${SHARE_COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        share.id,
        share.tokenHash,
        share.ownerHash,
        share.clientId,
        share.prompt,
        share.task,
        share.width,
        share.height,
        JSON.stringify(share.variants),
        JSON.stringify(share.formats),
        share.bytes,
        share.createdAt,
        share.expiresAt,
        share.revokedAt,
      ],
    );
  }

  async byTokenHash(tokenHash: string): Promise<ShareRecord | undefined> {
    const { rows } = await this.pool.query<ShareRow>({
      name: "share-by-token",
      text: `SELECT ${SHARE_COLUMNS} FROM shares WHERE token_hash = $1`,
      values: [tokenHash],
    });
    return rows[0] && fromRow(rows[0]);
  }

  async byId(id: string): Promise<ShareRecord | undefined> {
    const { rows } = await this.pool.query<ShareRow>(
      `SELECT ${SHARE_COLUMNS} FROM shares WHERE id = $1`,
      [id],
    );
    return rows[0] && fromRow(rows[0]);
  }

  async revoke(id: string, at: number): Promise<void> {
    await this.pool.query(
      "UPDATE shares SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL",
      [at, id],
    );
  }

  async usage(clientId: string, now: number): Promise<{ count: number; bytes: number }> {
    const { rows } = await this.pool.query<{ count: string; bytes: string | null }>(
      `SELECT COUNT(*) AS count, SUM(bytes) AS bytes FROM shares
       WHERE client_id = $1 AND revoked_at IS NULL AND expires_at > $2`,
      [clientId, now],
    );
    return { count: Number(rows[0]?.count ?? 0), bytes: Number(rows[0]?.bytes ?? 0) };
  }

  async addFeedback(feedback: Omit<FeedbackRecord, "id">): Promise<FeedbackRecord> {
    const { rows } = await this.pool.query<{ id: string }>(
      `INSERT INTO share_feedback (share_id, pick, comment, name, created_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [feedback.shareId, feedback.pick, feedback.comment, feedback.name, feedback.createdAt],
    );
    return { ...feedback, id: Number(rows[0]?.id) };
  }

  async feedback(shareId: string): Promise<FeedbackRecord[]> {
    const { rows } = await this.pool.query<FeedbackRow>(
      "SELECT * FROM share_feedback WHERE share_id = $1 ORDER BY id",
      [shareId],
    );
    return rows.map((row) => ({
      id: Number(row.id),
      shareId: row.share_id,
      pick: row.pick,
      comment: row.comment,
      name: row.name,
      createdAt: Number(row.created_at),
    }));
  }

  async deleteEndedBefore(time: number): Promise<ShareRecord[]> {
    // One statement: two replicas sweeping together each get (and clean up after) distinct rows.
    const { rows } = await this.pool.query<ShareRow>(
      `DELETE FROM shares WHERE expires_at < $1 OR revoked_at < $1 RETURNING ${SHARE_COLUMNS}`,
      [time],
    );
    return rows.map(fromRow);
  }

  async close(): Promise<void> {}
}

function fromRow(row: ShareRow): ShareRecord {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    ownerHash: row.owner_hash,
    clientId: row.client_id,
    prompt: row.prompt,
    task: row.task,
    width: row.width,
    height: row.height,
    variants: row.variants,
    formats: row.formats,
    bytes: Number(row.bytes),
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}
