import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { FeedbackRecord, ShareRecord, ShareRepository } from "./share-repository";
import {
  type FeedbackRow,
  feedbackFromRow,
  SHARE_COLUMNS,
  type ShareRow,
  shareFromRow,
  shareToRow,
} from "./share-row";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS shares (
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
  bytes INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX IF NOT EXISTS shares_by_client ON shares (client_id, expires_at);
CREATE TABLE IF NOT EXISTS share_feedback (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  share_id TEXT NOT NULL REFERENCES shares (id) ON DELETE CASCADE,
  pick INTEGER,
  comment TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS share_feedback_by_share ON share_feedback (share_id, id);
`;

/**
 * Shares in the proxy's existing database file (`jobs.sqlite`, WAL), on a connection of their
 * own so the job table's code is untouched. better-sqlite3 is synchronous; the interface is not.
 */
export class SqliteShareRepository implements ShareRepository {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, "jobs.sqlite"));
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("foreign_keys = ON");
    this.db.exec(SCHEMA);
    this.statements = {
      insert: this.db.prepare(
        `INSERT INTO shares (${SHARE_COLUMNS.join(", ")})
         VALUES (${SHARE_COLUMNS.map((column) => `@${column}`).join(", ")})`,
      ),
      byTokenHash: this.db.prepare<[string], ShareRow>("SELECT * FROM shares WHERE token_hash = ?"),
      byId: this.db.prepare<[string], ShareRow>("SELECT * FROM shares WHERE id = ?"),
      revoke: this.db.prepare<[number, string]>(
        "UPDATE shares SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
      ),
      usage: this.db.prepare<[string, number], { count: number; bytes: number | null }>(
        `SELECT COUNT(*) AS count, SUM(bytes) AS bytes FROM shares
         WHERE client_id = ? AND revoked_at IS NULL AND expires_at > ?`,
      ),
      addFeedback: this.db.prepare<[string, number | null, string, string, number]>(
        "INSERT INTO share_feedback (share_id, pick, comment, name, created_at) VALUES (?, ?, ?, ?, ?)",
      ),
      feedback: this.db.prepare<[string], FeedbackRow>(
        "SELECT * FROM share_feedback WHERE share_id = ? ORDER BY id",
      ),
      ended: this.db.prepare<[number, number], ShareRow>(
        "SELECT * FROM shares WHERE expires_at < ? OR revoked_at < ?",
      ),
      delete: this.db.prepare<[string]>("DELETE FROM shares WHERE id = ?"),
    };
  }

  async insert(share: ShareRecord): Promise<void> {
    this.statements.insert.run(shareToRow(share));
  }

  async byTokenHash(tokenHash: string): Promise<ShareRecord | undefined> {
    const row = this.statements.byTokenHash.get(tokenHash);
    return row && shareFromRow(row);
  }

  async byId(id: string): Promise<ShareRecord | undefined> {
    const row = this.statements.byId.get(id);
    return row && shareFromRow(row);
  }

  async revoke(id: string, at: number): Promise<boolean> {
    return this.statements.revoke.run(at, id).changes > 0;
  }

  async usage(clientId: string, now: number): Promise<{ count: number; bytes: number }> {
    const row = this.statements.usage.get(clientId, now);
    return { count: row?.count ?? 0, bytes: row?.bytes ?? 0 };
  }

  async addFeedback(feedback: Omit<FeedbackRecord, "id">): Promise<FeedbackRecord> {
    const { lastInsertRowid } = this.statements.addFeedback.run(
      feedback.shareId,
      feedback.pick,
      feedback.comment,
      feedback.name,
      feedback.createdAt,
    );
    return { ...feedback, id: Number(lastInsertRowid) };
  }

  async feedback(shareId: string): Promise<FeedbackRecord[]> {
    return this.statements.feedback.all(shareId).map(feedbackFromRow);
  }

  async deleteEndedBefore(time: number): Promise<ShareRecord[]> {
    const ended = this.statements.ended.all(time, time).map(shareFromRow);
    this.db.transaction(() => {
      for (const share of ended) this.statements.delete.run(share.id);
    })();
    return ended;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
