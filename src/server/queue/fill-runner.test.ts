import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ResultStore } from "../jobs/result-store";
import { createLogger } from "../logging";
import type { LocalFill } from "../providers/local-provider";
import type { FillJob } from "../providers/provider";
import { FileBlobStore } from "../storage/file-blob-store";
import type { JobRecord } from "../storage/job-repository";
import { SqliteJobRepository } from "../storage/sqlite-job-repository";
import { logCollector } from "../testing/proxy-config";
import { FillRunner } from "./fill-runner";
import { serializeJob } from "./job-payload";
import { payloadKey } from "./pg-boss-fill-queue";

const LEASE_MS = 60_000;

/** A fill the test ends by hand, counting how often the engine was started. */
function heldFill() {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const fill = Object.assign(
    (async () => {
      fill.starts += 1;
      await gate;
      return { state: "ready", image: new Uint8Array([1, 2, 3]), extension: "png", seed: 5 };
    }) as LocalFill,
    { starts: 0 },
  );
  return { fill, release };
}

async function setUp(fill: LocalFill, capacity: number) {
  const dir = mkdtempSync(join(tmpdir(), "fillpaint-runner-"));
  const repository = new SqliteJobRepository(dir);
  const blobs = new FileBlobStore(dir);
  const log = logCollector();
  const logger = createLogger({ level: "info", secrets: [], destination: log.stream });
  const runner = (fillWith = fill) =>
    new FillRunner(repository, blobs, new ResultStore(blobs), fillWith, logger, LEASE_MS, capacity);
  const addJob = async () => {
    const id = randomUUID();
    const record: JobRecord = {
      id,
      provider: "local",
      upstreamRef: id,
      status: "Pending",
      progress: 0,
      details: null,
      prompt: "",
      seed: null,
      startTime: Date.now(),
      endTime: null,
      resultName: null,
      clientId: "c",
    };
    await repository.insert(record);
    const job = { kind: "fill", request: {}, image: { bytes: Buffer.from([0]) } } as FillJob;
    await blobs.put(payloadKey(id), serializeJob(job));
    return id;
  };
  return { repository, blobs, runner, addJob, id: await addJob(), lines: log.lines };
}

describe("FillRunner's row lease", () => {
  it("puts back a fill handed out again while a run holds it, and runs it once", async () => {
    const { fill, release } = heldFill();
    const { repository, runner, id, lines } = await setUp(fill, 2);
    const [here, elsewhere] = [runner(), runner()];
    const first = here.run(id);
    await expect.poll(() => fill.starts).toBe(1);
    // pg-boss timed the first run out and hands the fill to another worker, and to this one.
    expect(await elsewhere.run(id)).toEqual({ retryInSeconds: LEASE_MS / 1000 });
    expect(await here.run(id)).toEqual({ retryInSeconds: LEASE_MS / 1000 });
    release();
    expect(await first).toBeUndefined();
    expect(fill.starts).toBe(1);
    expect(await repository.get(id)).toMatchObject({ status: "Ready", resultName: `${id}.png` });
    // Once the job has ended, a late copy of the message just goes away.
    expect(await elsewhere.run(id)).toBeUndefined();
    expect(lines.filter((line) => line.includes('"msg":"fill put back"'))).toHaveLength(2);
  });

  it("puts back what a worker with every thread busy is handed, unclaimed, for an idle one", async () => {
    const { fill, release } = heldFill();
    const { runner, repository, id, addJob } = await setUp(fill, 1);
    const second = await addJob();
    const busy = runner();
    const running = busy.run(id);
    await expect.poll(() => fill.starts).toBe(1);
    expect(await busy.run(second)).toEqual({ retryInSeconds: 1 });
    // Not claimed: an idle worker may take it at once.
    expect(await repository.claimLease(second, { owner: "idle", until: 2e12 }, Date.now())).toBe(
      true,
    );
    release();
    await running;
    expect(fill.starts).toBe(1);
    expect((await repository.get(id))?.status).toBe("Ready");
  });

  it("gives its lease up when a run fails, so pg-boss's retry runs at once", async () => {
    const { fill, release } = heldFill();
    release();
    const { runner, blobs, repository, id } = await setUp(fill, 1);
    const flaky = Object.assign(Object.create(blobs) as FileBlobStore, {
      get: async () => {
        throw new Error("storage unreachable");
      },
    });
    const failing = new FillRunner(
      repository,
      flaky,
      new ResultStore(blobs),
      fill,
      createLogger({ level: "silent", secrets: [] }),
      LEASE_MS,
      1,
    );
    await expect(failing.run(id)).rejects.toThrow(/storage unreachable/);
    expect(await runner().run(id)).toBeUndefined();
    expect(fill.starts).toBe(1);
    expect((await repository.get(id))?.status).toBe("Ready");
  });
});
