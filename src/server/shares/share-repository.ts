export type ImageFormat = "jpeg" | "png" | "webp";

/** One review link's metadata; the images live in the `ShareImageStore`. */
export interface ShareRecord {
  id: string;
  /** SHA-256 of the link's token: lookups go by hash, so the token itself is never stored. */
  tokenHash: string;
  /** SHA-256 of the designer's owner secret. */
  ownerHash: string;
  clientId: string;
  prompt: string;
  task: string;
  width: number;
  height: number;
  /** Variant indices as the run numbers them (a share may skip unfinished ones). */
  variants: number[];
  /** Each stored image's format, so its URL names the file. */
  formats: {
    before: ImageFormat;
    outline: ImageFormat | null;
    /** In the order of `variants`. */
    variants: ImageFormat[];
  };
  /** Bytes of every image stored for the share, counted against the client's quota. */
  bytes: number;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

export interface FeedbackRecord {
  id: number;
  shareId: string;
  pick: number | null;
  comment: string;
  name: string;
  createdAt: number;
}

/**
 * Where shares and their feedback are kept. Promise-returning so that a networked database
 * (Postgres) can implement it as well as the proxy's SQLite file.
 */
export interface ShareRepository {
  insert(share: ShareRecord): Promise<void>;
  byTokenHash(tokenHash: string): Promise<ShareRecord | undefined>;
  byId(id: string): Promise<ShareRecord | undefined>;
  /** Marks the share revoked; false when it already was (two revokes race, one wins). */
  revoke(id: string, at: number): Promise<boolean>;
  /** Live (unrevoked, unexpired at `now`) shares of one client: count and bytes. */
  usage(clientId: string, now: number): Promise<{ count: number; bytes: number }>;
  addFeedback(feedback: Omit<FeedbackRecord, "id">): Promise<FeedbackRecord>;
  feedback(shareId: string): Promise<FeedbackRecord[]>;
  /**
   * Deletes shares expired or revoked before `time` with their feedback and returns them, so
   * the caller knows which images to delete.
   */
  deleteEndedBefore(time: number): Promise<ShareRecord[]>;
  close(): Promise<void>;
}
