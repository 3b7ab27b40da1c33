import type pg from "pg";
import type { FeedbackRecord, ShareRecord, ShareRepository } from "./share-repository";
import {
  type FeedbackRow,
  feedbackFromRow,
  SHARE_COLUMNS,
  type ShareRow,
  shareFromRow,
  shareToRow,
} from "./share-row";

const COLUMNS = SHARE_COLUMNS.join(", ");

/**
 * Review links in Postgres (`DATABASE_URL`), so every replica sees the same links, quota and
 * feedback. Runs on the job repository's pool; its tables come from the storage layer's
 * versioned migrations, so closing this repository leaves the pool to its owner.
 */
export class PostgresShareRepository implements ShareRepository {
  constructor(private readonly pool: pg.Pool) {}

  async insert(share: ShareRecord): Promise<void> {
    const row = shareToRow(share);
    await this.pool.query(
      `INSERT INTO shares (${COLUMNS})
       VALUES (${SHARE_COLUMNS.map((_, i) => `$${i + 1}`).join(", ")})`,
      SHARE_COLUMNS.map((column) => row[column]),
    );
  }

  async byTokenHash(tokenHash: string): Promise<ShareRecord | undefined> {
    const { rows } = await this.pool.query<ShareRow>({
      name: "share-by-token",
      text: `SELECT ${COLUMNS} FROM shares WHERE token_hash = $1`,
      values: [tokenHash],
    });
    return rows[0] && shareFromRow(rows[0]);
  }

  async byId(id: string): Promise<ShareRecord | undefined> {
    const { rows } = await this.pool.query<ShareRow>(
      `SELECT ${COLUMNS} FROM shares WHERE id = $1`,
      [id],
    );
    return rows[0] && shareFromRow(rows[0]);
  }

  async revoke(id: string, at: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      "UPDATE shares SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL",
      [at, id],
    );
    return (rowCount ?? 0) > 0;
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
    return rows.map(feedbackFromRow);
  }

  async deleteEndedBefore(time: number): Promise<ShareRecord[]> {
    // One statement: two replicas sweeping together each get (and clean up after) distinct rows.
    const { rows } = await this.pool.query<ShareRow>(
      `DELETE FROM shares WHERE expires_at < $1 OR revoked_at < $1 RETURNING ${COLUMNS}`,
      [time],
    );
    return rows.map(shareFromRow);
  }

  async close(): Promise<void> {}
}
