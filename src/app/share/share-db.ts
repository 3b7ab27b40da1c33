import Dexie, { type EntityTable } from "dexie";

/**
 * A review link as the designer keeps it, with the owner secret that revokes it and reads its
 * feedback. In a database of its own beside the history, so a run's record stays unchanged.
 */
export interface SharedLink {
  id: string;
  runId: string;
  url: string;
  ownerSecret: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
  /** The run's variants the link shows; absent on links made before it was kept. */
  variants?: number[];
}

export const shareDb = new Dexie("fillpaint-shares") as Dexie & {
  links: EntityTable<SharedLink, "id">;
};

shareDb.version(1).stores({ links: "id, runId" });

export const linksOfRun = (runId: string) =>
  shareDb.links.where("runId").equals(runId).sortBy("createdAt");
