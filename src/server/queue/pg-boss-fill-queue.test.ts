import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileBlobStore } from "../storage/file-blob-store";
import { PgBossFillQueue } from "./pg-boss-fill-queue";

const databaseUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!databaseUrl)("the shared fill queue on Postgres", () => {
  // Replicas of a fresh deployment start together: each creates the queue, and Postgres once
  // failed the second creation with a deadlock, so a replica never came up.
  it("opens from several replicas at once on a fresh schema", async () => {
    const blobs = new FileBlobStore(mkdtempSync(join(tmpdir(), "fillpaint-queue-")));
    for (let round = 0; round < 3; round++) {
      const database = { url: databaseUrl ?? "", schema: `q${randomBytes(4).toString("hex")}` };
      const opened = await Promise.allSettled(
        Array.from({ length: 4 }, () => PgBossFillQueue.open(database, blobs, 30, () => {})),
      );
      await Promise.all(
        opened.map((o) => (o.status === "fulfilled" ? o.value.close() : undefined)),
      );
      const failures = opened.flatMap((o) => (o.status === "rejected" ? [String(o.reason)] : []));
      expect(failures).toEqual([]);
    }
  }, 120_000);
});
