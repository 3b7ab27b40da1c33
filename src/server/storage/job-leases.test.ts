import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { JobRecord, JobRepository } from "./job-repository";
import { PostgresJobRepository } from "./postgres-job-repository";
import { SqliteJobRepository } from "./sqlite-job-repository";

const databaseUrl = process.env.TEST_DATABASE_URL;

function job(provider: JobRecord["provider"]): JobRecord {
  return {
    id: randomUUID(),
    provider,
    upstreamRef: "ref",
    status: "Pending",
    progress: 0,
    details: null,
    prompt: "",
    seed: null,
    startTime: 1,
    endTime: null,
    resultName: null,
    clientId: "c",
  };
}

/** Two handles on one table: two processes on SQLite's file, or two replicas' pools. */
const stores: [string, () => Promise<[JobRepository, JobRepository]>][] = [
  [
    "SQLite",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "fillpaint-leases-"));
      return [new SqliteJobRepository(dir), new SqliteJobRepository(dir)];
    },
  ],
];
if (databaseUrl) {
  stores.push([
    "Postgres",
    async () => {
      const schema = `leases_${randomBytes(4).toString("hex")}`;
      return [
        await PostgresJobRepository.open(databaseUrl, schema),
        await PostgresJobRepository.open(databaseUrl, schema),
      ];
    },
  ]);
}

describe.each(stores)("job leases on %s", (_name, open) => {
  const opened: JobRepository[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((repository) => repository.close()));
  });
  const pair = async () => {
    const both = await open();
    opened.push(...both);
    return both;
  };

  it("hands each orphaned job to exactly one of two processes claiming at once", async () => {
    const [a, b] = await pair();
    const orphans = Array.from({ length: 40 }, () => job("bfl"));
    for (const record of orphans) await a.insert(record, { owner: "dead", until: 1_000 });
    const live = job("bfl");
    await a.insert(live, { owner: "alive", until: 10_000 });
    const local = job("local");
    await a.insert(local);

    const [mine, theirs] = await Promise.all([
      a.claimExpiredLeases(["bfl", "apiframe"], { owner: "a", until: 9_000 }, 5_000),
      b.claimExpiredLeases(["bfl", "apiframe"], { owner: "b", until: 9_000 }, 5_000),
    ]);
    const claimed = [...mine, ...theirs].map((record) => record.id).sort();
    expect(claimed).toEqual(orphans.map((record) => record.id).sort());
    // A live lease and other providers' jobs are left alone; a second sweep finds nothing.
    expect(await b.claimExpiredLeases(["bfl"], { owner: "b", until: 9_000 }, 5_000)).toEqual([]);
    expect(new Set(await a.renewLeases({ owner: "a", until: 20_000 }))).toEqual(
      new Set(mine.map((record) => record.id)),
    );
  });

  it("lets one run claim a job's lease; ended jobs and live leases cannot be claimed", async () => {
    const [a, b] = await pair();
    const record = job("local");
    await a.insert(record);
    const [first, second] = await Promise.all([
      a.claimLease(record.id, { owner: "w1", until: 2_000 }, 1_000),
      b.claimLease(record.id, { owner: "w2", until: 2_000 }, 1_000),
    ]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    // Even the holder cannot claim its own live lease again (a fill handed out twice).
    const holder = first ? "w1" : "w2";
    expect(await a.claimLease(record.id, { owner: holder, until: 3_000 }, 1_500)).toBe(false);
    // Once it ran out, another run may take it.
    expect(await b.claimLease(record.id, { owner: "w3", until: 9_000 }, 2_500)).toBe(true);
    expect(await a.renewLeases({ owner: holder, until: 9_500 })).toEqual([]);
    await a.update(record.id, { status: "Ready" });
    expect(await b.claimLease(record.id, { owner: "w4", until: 99_000 }, 50_000)).toBe(false);
    expect(await b.renewLeases({ owner: "w3", until: 99_000 })).toEqual([]);
  });

  it("releases a process's leases so another takes the jobs over at once", async () => {
    const [a, b] = await pair();
    const record = job("apiframe");
    await a.insert(record, { owner: "leaving", until: Number.MAX_SAFE_INTEGER - 1 });
    expect(await b.claimExpiredLeases(["apiframe"], { owner: "b", until: 10 }, 5)).toEqual([]);
    const other = job("apiframe");
    await a.insert(other, { owner: "leaving", until: Number.MAX_SAFE_INTEGER - 1 });
    // One job's lease (a fill whose run failed, for its retry), then the rest (a shutdown).
    await a.releaseLeases("leaving", other.id);
    const first = await b.claimExpiredLeases(["apiframe"], { owner: "b", until: 10 }, 5);
    expect(first.map((r) => r.id)).toEqual([other.id]);
    await a.releaseLeases("leaving");
    const taken = await b.claimExpiredLeases(["apiframe"], { owner: "b", until: 10 }, 5);
    expect(taken.map((r) => r.id)).toEqual([record.id]);
  });
});
