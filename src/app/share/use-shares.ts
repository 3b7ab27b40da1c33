import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import type { RunRecord } from "../history/history-db";
import { useLive } from "../history/use-live";
import { shareBodyFor } from "./run-snapshot";
import { createShare, revokeShare } from "./share-api";
import { linksOfRun, type SharedLink, shareDb } from "./share-db";

/** The run's review links, newest last, live from IndexedDB. */
export function useRunLinks(runId: string): SharedLink[] | undefined {
  return useLive(() => linksOfRun(runId), `share-links:${runId}`);
}

/** Copies a link; the clipboard may be refused (insecure origin, permissions): say so. */
export async function copyLink(url: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(url);
    toast.success("Link copied.");
  } catch {
    toast.message("Copy the link from the list below the run.");
  }
}

/** Share: the run's snapshot goes to the proxy, the link and its owner secret stay here. */
export function useShareRun(run: RunRecord) {
  return useMutation({
    mutationFn: async () => {
      const created = await createShare(await shareBodyFor(run));
      const link: SharedLink = { ...created, runId: run.id, revokedAt: null };
      await shareDb.links.add(link);
      return link;
    },
    onSuccess: (link) => void copyLink(link.url),
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
