import { MAX_IMAGE_PIXELS } from "../../contract";
import type { ProxyConfig } from "../config";
import type { Storage } from "../storage/open-storage";
import { ShareImageStore } from "./share-image-store";
import { ShareService } from "./share-service";

/** Feedback kept per link; beyond it a link is being spammed, not reviewed. */
const MAX_FEEDBACK_PER_SHARE = 200;

/** Review links on the proxy's storage: the same database and blob store as the jobs. */
export function createShareService(config: ProxyConfig, storage: Storage): ShareService {
  return new ShareService(
    storage.shares,
    new ShareImageStore(storage.blobs),
    {
      ttlMs: config.shares.ttlMs,
      maxPerClient: config.shares.maxPerClient,
      maxBytesPerClient: config.shares.maxBytesPerClient,
      maxImagePixels: MAX_IMAGE_PIXELS,
      maxFeedbackPerShare: MAX_FEEDBACK_PER_SHARE,
    },
    config.now,
  );
}
