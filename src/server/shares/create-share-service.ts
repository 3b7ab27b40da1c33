import { MAX_IMAGE_PIXELS } from "../../contract";
import type { ProxyConfig } from "../config";
import { ShareImageStore } from "./share-image-store";
import { ShareService } from "./share-service";
import { SqliteShareRepository } from "./sqlite-share-repository";

/** Feedback kept per link; beyond it a link is being spammed, not reviewed. */
const MAX_FEEDBACK_PER_SHARE = 200;

/** Review links on this proxy's storage: SQLite beside the jobs, images under DATA_DIR/shares. */
export function createShareService(config: ProxyConfig) {
  const repo = new SqliteShareRepository(config.dataDir);
  const service = new ShareService(
    repo,
    new ShareImageStore(config.dataDir),
    {
      ttlMs: config.shares.ttlMs,
      maxPerClient: config.shares.maxPerClient,
      maxBytesPerClient: config.shares.maxBytesPerClient,
      maxImagePixels: MAX_IMAGE_PIXELS,
      maxFeedbackPerShare: MAX_FEEDBACK_PER_SHARE,
    },
    config.now,
  );
  return { service, close: () => repo.close() };
}
