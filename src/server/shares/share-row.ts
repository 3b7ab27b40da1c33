import type { FeedbackRecord, ShareRecord } from "./share-repository";

/** The `shares` columns, in the order both databases' statements list them. */
export const SHARE_COLUMNS = [
  "id",
  "token_hash",
  "owner_hash",
  "client_id",
  "prompt",
  "task",
  "width",
  "height",
  "variants",
  "formats",
  "bytes",
  "created_at",
  "expires_at",
  "revoked_at",
] as const;

/**
 * A `shares` row as either database returns it. The lists are JSON text in both; Postgres
 * hands BIGINT columns over as strings, hence `Number` on the way out.
 */
export interface ShareRow {
  id: string;
  token_hash: string;
  owner_hash: string;
  client_id: string;
  prompt: string;
  task: string;
  width: number;
  height: number;
  variants: string;
  formats: string;
  bytes: number | string;
  created_at: number | string;
  expires_at: number | string;
  revoked_at: number | string | null;
}

export interface FeedbackRow {
  id: number | string;
  share_id: string;
  pick: number | null;
  comment: string;
  name: string;
  created_at: number | string;
}

export function shareToRow(share: ShareRecord): ShareRow {
  return {
    id: share.id,
    token_hash: share.tokenHash,
    owner_hash: share.ownerHash,
    client_id: share.clientId,
    prompt: share.prompt,
    task: share.task,
    width: share.width,
    height: share.height,
    variants: JSON.stringify(share.variants),
    formats: JSON.stringify(share.formats),
    bytes: share.bytes,
    created_at: share.createdAt,
    expires_at: share.expiresAt,
    revoked_at: share.revokedAt,
  };
}

export function shareFromRow(row: ShareRow): ShareRecord {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    ownerHash: row.owner_hash,
    clientId: row.client_id,
    prompt: row.prompt,
    task: row.task,
    width: row.width,
    height: row.height,
    variants: JSON.parse(row.variants) as number[],
    formats: JSON.parse(row.formats) as ShareRecord["formats"],
    bytes: Number(row.bytes),
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}

export function feedbackFromRow(row: FeedbackRow): FeedbackRecord {
  return {
    id: Number(row.id),
    shareId: row.share_id,
    pick: row.pick,
    comment: row.comment,
    name: row.name,
    createdAt: Number(row.created_at),
  };
}
