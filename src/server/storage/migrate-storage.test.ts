import { execFile } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configFromEnv } from "../config";
import { RESTARTED_LOCAL_JOB_MESSAGE } from "../jobs/job-service";
import { PostgresShareRepository } from "../shares/postgres-share-repository";
import type { ShareRecord } from "../shares/share-repository";
import { SqliteShareRepository } from "../shares/sqlite-share-repository";
import { startTestS3, type TestS3 } from "../testing/s3-server";
import { FileBlobStore } from "./file-blob-store";
import type { JobRecord } from "./job-repository";
import { migrateStorage, summaryLine } from "./migrate-storage";
import { PostgresJobRepository } from "./postgres-job-repository";
import { S3BlobStore } from "./s3-blob-store";
import { SqliteJobRepository } from "./sqlite-job-repository";

const databaseUrl = process.env.TEST_DATABASE_URL;
const SCRIPT = new URL("../../../scripts/migrate-storage.ts", import.meta.url).pathname;

function job(overrides: Partial<JobRecord>): JobRecord {
  return {
    id: randomUUID(),
    provider: "bfl",
    upstreamRef: "https://api.eu1.bfl.ai/v1/get_result?id=x",
    status: "Ready",
    progress: 1,
    details: null,
    prompt: "a teapot",
    seed: 42,
    startTime: 1_700_000_000_000,
    endTime: 1_700_000_001_000,
    resultName: null,
    clientId: "10.0.0.7",
    ...overrides,
  };
}

describe.skipIf(!databaseUrl)(
  "npm run migrate-storage: SQLite and files to Postgres and S3",
  () => {
    let s3: TestS3;
    const dataDir = mkdtempSync(join(tmpdir(), "fillpaint-migrate-"));
    const schema = `migrate_${randomBytes(4).toString("hex")}`;
    const ready = job({});
    ready.resultName = `${ready.id}.png`;
    const following = job({ status: "Pending", progress: 0.4, endTime: null, seed: null });
    const running = job({
      provider: "local",
      upstreamRef: "local",
      status: "Pending",
      endTime: null,
    });
    const share: ShareRecord = {
      id: randomUUID(),
      tokenHash: "a".repeat(64),
      ownerHash: "b".repeat(64),
      clientId: "10.0.0.7",
      prompt: "a teapot",
      task: "fill",
      width: 600,
      height: 400,
      variants: [0, 2],
      formats: { before: "png", outline: null, variants: ["png", "jpeg"] },
      bytes: 1234,
      createdAt: 1_700_000_000_000,
      expiresAt: 4_000_000_000_000,
      revokedAt: null,
    };
    const blobs: Record<string, Buffer> = {
      [`results/${ready.resultName}`]: Buffer.from("result bytes"),
      "inputs/4000000000000-token.png": Buffer.from("input bytes"),
      [`shares/${share.id}/before.png`]: Buffer.from("before bytes"),
      [`shares/${share.id}/variant-1.jpeg`]: Buffer.from("variant bytes"),
    };
    const config = () =>
      configFromEnv({
        ...s3.env,
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        DATABASE_SCHEMA: schema,
      });

    beforeAll(async () => {
      s3 = await startTestS3();
      const jobs = new SqliteJobRepository(dataDir);
      for (const record of [ready, following, running]) await jobs.insert(record);
      await jobs.recordInput("4000000000000-token.png", 4_000_000_000_000);
      await jobs.close();
      const shares = new SqliteShareRepository(dataDir);
      await shares.insert(share);
      for (const [i, comment] of ["B is better", "the sky is off"].entries()) {
        await shares.addFeedback({
          shareId: share.id,
          pick: i,
          comment,
          name: "Ana",
          createdAt: i,
        });
      }
      await shares.close();
      const files = new FileBlobStore(dataDir);
      for (const [key, bytes] of Object.entries(blobs)) await files.put(key, bytes);
      // A write the old proxy never finished is not a blob.
      writeFileSync(join(dataDir, "results", "half.png.123.partial"), "half");
    });
    afterAll(() => s3?.close());

    it("copies jobs, input tokens, review links with feedback, and blobs", async () => {
      const summary = await migrateStorage(config());
      expect(summary).toEqual({
        jobs: { copied: 3, present: 0 },
        inputTokens: { copied: 1, present: 0 },
        shares: { copied: 1, present: 0 },
        feedback: 2,
        blobs: { copied: 4, present: 0 },
      });
      expect(summaryLine(summary)).toBe(
        "jobs 3 copied, 0 already there; input tokens 1 copied, 0 already there; review links 1 copied, 0 already there (2 comments copied); blobs 4 copied, 0 already there",
      );

      const target = await PostgresJobRepository.open(databaseUrl ?? "", schema);
      try {
        expect(await target.get(ready.id)).toEqual(ready);
        // The local fill was running in the old proxy's memory: it arrives ended.
        expect(await target.get(running.id)).toMatchObject({
          status: "Error",
          details: { message: RESTARTED_LOCAL_JOB_MESSAGE },
        });
        // The upstream job arrives unleased: the first replica to look follows it.
        const adopted = await target.claimExpiredLeases(["bfl"], { owner: "r", until: 2 }, 1);
        expect(adopted).toEqual([following]);
        const tokens = await target.pool.query("SELECT name, expires_at FROM input_tokens");
        expect(tokens.rows).toEqual([
          { name: "4000000000000-token.png", expires_at: "4000000000000" },
        ]);
        const shares = new PostgresShareRepository(target.pool);
        expect(await shares.byId(share.id)).toEqual(share);
        expect((await shares.feedback(share.id)).map((f) => f.comment)).toEqual([
          "B is better",
          "the sky is off",
        ]);
      } finally {
        await target.close();
      }
      const bucket = new S3BlobStore(config().s3!);
      for (const [key, bytes] of Object.entries(blobs)) {
        expect((await bucket.get(key))?.toString()).toBe(bytes.toString());
      }
      expect(await bucket.has("results/half.png.123.partial")).toBe(false);
      bucket.close();
    });

    it("copies nothing twice when run again, as `npm run migrate-storage`", async () => {
      const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", SCRIPT], {
        env: {
          PATH: process.env.PATH ?? "",
          ...s3.env,
          DATA_DIR: dataDir,
          DATABASE_URL: databaseUrl,
          DATABASE_SCHEMA: schema,
        },
      });
      expect(stdout.trim()).toBe(
        "migrate-storage: jobs 0 copied, 3 already there; input tokens 0 copied, 1 already there; review links 0 copied, 1 already there (0 comments copied); blobs 0 copied, 4 already there",
      );
      const target = await PostgresJobRepository.open(databaseUrl ?? "", schema);
      try {
        const shares = new PostgresShareRepository(target.pool);
        expect(await shares.feedback(share.id)).toHaveLength(2);
        expect(await target.pendingCount()).toBe(1);
      } finally {
        await target.close();
      }
    });
  },
);
