import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CANCELLED_STATUS,
  cancelJobPath,
  type ResultResponse,
  type SubmitResponse,
} from "../contract";
import { bflSubmit } from "./testing/bfl-client";
import { FIXTURES, fixtureBase64, rectMaskBase64 } from "./testing/images";
import { freePort, type ProxyProcess, spawnFillWorker, spawnProxy } from "./testing/proxy-process";
import { startTestS3, type TestS3 } from "./testing/s3-server";

/**
 * Past one machine: two proxy processes (FILL_WORKERS=0, HTTP only) and two fill-worker
 * processes on 127.0.0.1, sharing the test Postgres and an S3 bucket (s3rver). Started once;
 * the scenarios run in order and the destructive ones (kill a worker, kill proxy A) come last.
 */
const databaseUrl = process.env.TEST_DATABASE_URL;

const coffee = fixtureBase64("skimage_coffee.png");

async function result(base: string, id: string): Promise<ResultResponse> {
  return (await (await fetch(`${base}/v1/get_result?id=${id}`)).json()) as ResultResponse;
}

/** Polls `base` until the job is no longer Pending (or `until` holds); no fixed sleeps. */
async function waitFor(
  base: string,
  id: string,
  until: (r: ResultResponse) => boolean = (r) => r.status !== "Pending",
  timeoutMs = 120_000,
): Promise<ResultResponse> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await result(base, id);
    if (until(answer)) return answer;
    if (Date.now() > deadline) throw new Error(`job ${id}: still ${JSON.stringify(answer)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function submit(base: string, body: Record<string, unknown>): Promise<SubmitResponse> {
  const answer = await bflSubmit(base, body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as SubmitResponse;
}

/** A fill that keeps a worker busy for seconds: three quarters of the photo, scaled up. */
async function slowFill(seed: number, width: number) {
  const height = (width * 3) / 4;
  const image = await sharp(new URL("skimage_coffee.png", FIXTURES).pathname)
    .resize(width, height)
    .jpeg({ quality: 90 })
    .toBuffer();
  const hole = { x: width / 8, y: height / 8, w: (width * 3) / 4, h: (height * 3) / 4 };
  return { image: image.toString("base64"), mask: await rectMaskBase64(width, height, hole), seed };
}

describe.skipIf(!databaseUrl)("two proxies and two fill workers on Postgres and S3", () => {
  let s3: TestS3;
  let env: Record<string, string>;
  let a: ProxyProcess;
  let b: ProxyProcess;
  const workers: ProxyProcess[] = [];
  const smallMask = rectMaskBase64(600, 400, { x: 250, y: 150, w: 60, h: 40 });

  beforeAll(async () => {
    s3 = await startTestS3();
    env = {
      ...s3.env,
      DATABASE_URL: databaseUrl ?? "",
      DATABASE_SCHEMA: `scale_${randomBytes(4).toString("hex")}`,
      // A dead worker's fill is taken over within seconds; a live one renews its row lease, so a
      // fill longer than this is handed out again by pg-boss but not run again.
      FILL_LEASE_SECONDS: "2",
      RATE_LIMIT_PER_MIN: "0",
      MAX_JOBS_PER_CLIENT: "1000",
      MAX_JOBS_IN_FLIGHT: "1000",
      LOCAL_QUEUE_MAX: "60",
      LOG_LEVEL: "info",
    };
    const proxyEnv = async () => ({
      ...env,
      PORT: String(await freePort()),
      FILL_WORKERS: "0",
      // Nothing may be read from a local folder: each proxy gets its own, unshared one.
      DATA_DIR: mkdtempSync(join(tmpdir(), "fillpaint-scale-")),
    });
    // Starting under tsx on a loaded 2-core box has taken 30 s.
    const options = { startTimeoutMs: 150_000 };
    [a, b] = await Promise.all([
      spawnProxy(await proxyEnv(), options),
      spawnProxy(await proxyEnv(), options),
    ]);
    workers.push(...(await Promise.all([spawnFillWorker(env), spawnFillWorker(env)])));
  }, 300_000);

  afterAll(async () => {
    await Promise.all([a, b, ...workers].map((p) => p?.kill()));
    await s3?.close();
  });

  it("runs a job submitted on A to Ready on B, and B serves its image", async () => {
    const job = await submit(a.url, { image: coffee, mask: await smallMask, output_format: "png" });
    const done = await waitFor(b.url, job.id);
    expect(done.status).toBe("Ready");
    expect(done.result?.sample.startsWith(`${b.url}/v1/results/`)).toBe(true);
    const image = await fetch(done.result!.sample);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    const meta = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([600, 400]);
  }, 120_000);

  it("cancels on B a fill submitted on A while a worker runs it", async () => {
    const job = await submit(a.url, await slowFill(7, 2400));
    await waitFor(b.url, job.id, (r) => (r.progress ?? 0) > 0);
    const cancelled = await fetch(`${b.url}${cancelJobPath(job.id)}`, { method: "DELETE" });
    expect(cancelled.status).toBe(200);
    expect(await result(a.url, job.id)).toMatchObject({ status: CANCELLED_STATUS, result: null });
    // The worker gave the fill up: the next one runs (two workers, but each holds one fill).
    const next = await submit(b.url, { image: coffee, mask: await smallMask });
    expect((await waitFor(a.url, next.id)).status).toBe("Ready");
    expect((await result(b.url, job.id)).status).toBe(CANCELLED_STATUS);
  }, 180_000);

  it("runs a fill that outlasts the queue's lease once, however often pg-boss hands it out", async () => {
    const job = await submit(a.url, await slowFill(13, 2400));
    const done = await waitFor(b.url, job.id, undefined, 300_000);
    expect(done.status).toBe("Ready");
    const about = (message: string) =>
      workers
        .flatMap((w) => w.output.join("").split("\n"))
        .filter((line) => line.includes(`"job":"${job.id}"`) && line.includes(message));
    // The worker logs "fill finished" after it ends the row: under load the poll can see Ready
    // before that line has come through the worker's stdout.
    await expect.poll(() => about('"msg":"fill finished"').length, { timeout: 30_000 }).toBe(1);
    // pg-boss timed the handler out and handed the fill out again (at least once) while it ran…
    expect(about('"msg":"fill put back"').length).toBeGreaterThanOrEqual(1);
    // …yet the engine ran it once, and its row was ended once.
    expect(about('"msg":"fill started"')).toHaveLength(1);
    expect(about('"msg":"fill finished"')).toHaveLength(1);
    const image = await fetch(done.result!.sample);
    expect(image.status).toBe(200);
    expect((await sharp(Buffer.from(await image.arrayBuffer())).metadata()).width).toBe(2400);
  }, 360_000);

  it("answers 200 or 429 to 200 simultaneous submits across both, and runs every accepted one", async () => {
    const tinyImage = await sharp({
      create: { width: 96, height: 64, channels: 3, background: "#6a8caf" },
    })
      .png()
      .toBuffer();
    const tinyMask = await rectMaskBase64(96, 64, { x: 40, y: 24, w: 16, h: 16 });
    const body = { image: tinyImage.toString("base64"), mask: tinyMask };
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => bflSubmit(i % 2 === 0 ? a.url : b.url, body)),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    const accepted = answers.filter((answer) => answer.status === 200);
    // LOCAL_QUEUE_MAX (60) bounds the shared queue (fills that end free their place at once);
    // the rest are told to come back.
    expect(accepted.length).toBeGreaterThanOrEqual(60);
    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) {
      expect(JSON.stringify(answer.body)).toMatch(/queue is full/);
      expect(answer.headers.get("retry-after")).toBeTruthy();
    }
    const ends = await Promise.all(
      accepted.map((answer, i) =>
        waitFor(
          i % 2 === 0 ? b.url : a.url,
          (answer.body as SubmitResponse).id,
          undefined,
          300_000,
        ),
      ),
    );
    expect(ends.filter((end) => end.status !== "Ready")).toEqual([]);
  }, 360_000);

  it("finishes a fill whose worker is killed mid-fill on the other worker", async () => {
    // Smaller: it runs once partly and then once whole.
    const job = await submit(a.url, await slowFill(11, 1200));
    await waitFor(b.url, job.id, (r) => (r.progress ?? 0) > 0);
    const holder = workers.find((w) => w.output.join("").includes(`"job":"${job.id}"`));
    expect(holder).toBeDefined();
    await holder!.kill("SIGKILL");
    const done = await waitFor(b.url, job.id, undefined, 240_000);
    expect(done.status).toBe("Ready");
    const survivor = workers.find((w) => w !== holder)!;
    expect(survivor.output.join("")).toContain(`"job":"${job.id}"`);
    expect((await fetch(done.result!.sample)).status).toBe(200);
  }, 300_000);

  it("serves every job of a killed proxy A from B", async () => {
    const jobs = await Promise.all(
      [1, 2, 3].map(async (seed) =>
        submit(a.url, { image: coffee, mask: await smallMask, seed, output_format: "png" }),
      ),
    );
    await a.kill("SIGKILL");
    for (const job of jobs) {
      const done = await waitFor(b.url, job.id);
      expect(done.status).toBe("Ready");
      const image = await fetch(done.result!.sample);
      expect(image.status).toBe(200);
      expect((await sharp(Buffer.from(await image.arrayBuffer())).metadata()).width).toBe(600);
    }
  }, 180_000);
});
