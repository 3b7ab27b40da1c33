import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import type { RunRecord } from "../history/history-db";
import { useLive } from "../history/use-live";
import { reusableLink } from "./reusable-link";
import { shareBodyFor, sharedVariants } from "./run-snapshot";
import { createShare, revokeShare } from "./share-api";
import { linksOfRun, type SharedLink, shareDb } from "./share-db";

/** The run's review links, newest last, live from IndexedDB. */
export function useRunLinks(runId: string): SharedLink[] | undefined {
  return useLive(() => linksOfRun(runId), `share-links:${runId}`);
}

/**
 * Share: the run's snapshot goes to the proxy, the link and its owner secret stay here, and the
 * link is handed to `onShared` (which copies it). A live link showing the same variants is
 * handed back instead: the run has not changed, so neither does its link.
 */
export function useShareRun(run: RunRecord, onShared: (link: SharedLink) => void) {
  return useMutation({
    mutationFn: async () => {
      const variants = sharedVariants(run);
      const kept = reusableLink(await linksOfRun(run.id), variants, Date.now());
      if (kept) return kept;
      const created = await createShare(await shareBodyFor(run));
      const link: SharedLink = { ...created, runId: run.id, revokedAt: null, variants };
      await shareDb.links.add(link);
      return link;
    },
    onSuccess: onShared,
    onError: (error) => toast.error(error.message),
  });
}

export function useRevokeLink() {
  return useMutation({
    mutationFn: async (link: SharedLink) => {
      await revokeShare(link);
      await shareDb.links.update(link.id, { revokedAt: Date.now() });
    },
    onError: (error) => toast.error(error.message),
  });
}
