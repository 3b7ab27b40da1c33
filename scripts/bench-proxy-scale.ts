/**
 * `npm run bench:proxy -- --scale`: the Postgres deployment on loopback, bounded, stops by
 * itself. Against today's SQLite proxy, it measures
 *   1. polling throughput and latency: BENCH_SCALE_POLLERS (100) clients polling back to back
 *      for BENCH_SCALE_SECONDS (10) against one SQLite proxy, one Postgres replica, and two
 *      Postgres replicas (clients split between them);
 *   2. fills per minute with one and with two fill-worker processes (one engine thread each):
 *      BENCH_SCALE_FILLS (16) fills of a 120×80 hole in a 600×400 photo, submitted at once.
 * Uses TEST_DATABASE_URL, or starts a throw-away cluster (scripts/test-postgres.sh) and an
 * s3rver bucket. Prints JSON (also bench-results/proxy-scale.json); exits 1 on any error.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import type { ResultResponse } from "../src/contract";
import { fixtureBase64, rectMaskBase64 } from "../src/server/testing/images";
import {
  freePort,
  type ProxyProcess,
  spawnFillWorker,
  spawnProxy,
} from "../src/server/testing/proxy-process";
import { startTestS3 } from "../src/server/testing/s3-server";
import { percentile, round, submit, testImages, waitReady } from "./bench-proxy-shared";

const POLLERS = Number(process.env.BENCH_SCALE_POLLERS ?? 100);
const SECONDS = Number(process.env.BENCH_SCALE_SECONDS ?? 10);
const FILLS = Number(process.env.BENCH_SCALE_FILLS ?? 16);
/** tsx compiling a proxy on a loaded 2-core box has taken 30 s. */
const START_TIMEOUT_MS = 120_000;

const LIMITS_OFF = {
  RATE_LIMIT_PER_MIN: "0",
  MAX_JOBS_PER_CLIENT: "100000",
  MAX_JOBS_IN_FLIGHT: "100000",
  LOCAL_QUEUE_MAX: "1000",
  LOG_LEVEL: "warn",
};

/** Finished jobs to poll, so every answer is a real read of a row with a result. */
async function readyJobs(base: string, body: string, count = 5): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const answer = await submit(base, body);
    if (answer.status !== 200 || !answer.id) throw new Error(`setup submit got ${answer.status}`);
    if ((await waitReady(base, answer.id)) !== "Ready") throw new Error("setup job failed");
    ids.push(answer.id);
  }
  return ids;
}

/** POLLERS clients polling back to back for SECONDS, client i against bases[i % n]. */
async function pollLoad(bases: string[], ids: string[]) {
  const latencies: number[] = [];
  const errors: string[] = [];
  const stopAt = Date.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: POLLERS }, async (_, client) => {
      const base = bases[client % bases.length];
      while (Date.now() < stopAt) {
        const t = performance.now();
        try {
          const response = await fetch(`${base}/v1/get_result?id=${ids[client % ids.length]}`);
          const answer = (await response.json()) as ResultResponse;
          latencies.push(performance.now() - t);
          if (answer.status !== "Ready") errors.push(`${response.status} ${answer.status}`);
        } catch (error) {
          errors.push(String(error));
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    replicas: bases.length,
    requestsPerSecond: Math.round(latencies.length / seconds),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    errors: errors.length,
  };
}

/** FILLS fills submitted at once; fills per minute from the first submit to the last Ready. */
async function fillRate(base: string, workers: number) {
  const body = JSON.stringify({
    image: fixtureBase64("skimage_coffee.png"),
    mask: await rectMaskBase64(600, 400, { x: 250, y: 150, w: 120, h: 80 }),
  });
  const started = performance.now();
  const answers = await Promise.all(Array.from({ length: FILLS }, () => submit(base, body)));
  const ends = await Promise.all(
    answers.map((answer) => (answer.id ? waitReady(base, answer.id, 600_000) : "refused")),
  );
  const minutes = (performance.now() - started) / 60_000;
  return {
    workers,
    fills: FILLS,
    seconds: round(minutes * 60),
    fillsPerMinute: round(FILLS / minutes),
    notReady: ends.filter((end) => end !== "Ready").length,
  };
}

function testPostgres(): { url: string; stop: () => void } {
  if (process.env.TEST_DATABASE_URL) return { url: process.env.TEST_DATABASE_URL, stop: () => {} };
  const lines = execFileSync("bash", ["scripts/test-postgres.sh", "start"], { encoding: "utf8" });
  const value = (name: string) => new RegExp(`${name}=(\\S+)`).exec(lines)?.[1] ?? "";
  const dir = value("TEST_POSTGRES_DIR");
  return {
    url: value("TEST_DATABASE_URL"),
    stop: () => execFileSync("bash", ["scripts/test-postgres.sh", "stop", dir]),
  };
}

export async function benchScale(): Promise<void> {
  const postgres = testPostgres();
  const s3 = await startTestS3();
  const running: ProxyProcess[] = [];
  const start = async (spawn: Promise<ProxyProcess>) => {
    const child = await spawn;
    running.push(child);
    return child;
  };
  try {
    const { image, mask } = await testImages();
    const body = JSON.stringify({ image, mask, output_format: "png" });
    const dataDir = () => mkdtempSync(join(tmpdir(), "fillpaint-bench-scale-"));

    const sqlite = await start(
      spawnProxy(
        { ...LIMITS_OFF, PORT: String(await freePort()), DATA_DIR: dataDir() },
        { startTimeoutMs: START_TIMEOUT_MS },
      ),
    );
    const sqlitePolling = await pollLoad([sqlite.url], await readyJobs(sqlite.url, body));
    await sqlite.kill("SIGTERM");

    const shared = {
      ...LIMITS_OFF,
      ...s3.env,
      DATABASE_URL: postgres.url,
      DATABASE_SCHEMA: `bench_${Date.now()}`,
    };
    const replica = async () =>
      start(
        spawnProxy(
          { ...shared, PORT: String(await freePort()), FILL_WORKERS: "0", DATA_DIR: dataDir() },
          { startTimeoutMs: START_TIMEOUT_MS },
        ),
      );
    const a = await replica();
    await start(spawnFillWorker(shared));
    const ids = await readyJobs(a.url, body);
    const onePolling = await pollLoad([a.url], ids);
    const b = await replica();
    const twoPolling = await pollLoad([a.url, b.url], ids);

    const oneWorker = await fillRate(a.url, 1);
    await start(spawnFillWorker(shared));
    const twoWorkers = await fillRate(a.url, 2);

    const report = {
      when: new Date().toISOString(),
      node: process.version,
      cores: cpus().length,
      pollers: POLLERS,
      seconds: SECONDS,
      polling: {
        sqlite: sqlitePolling,
        postgresOneReplica: onePolling,
        postgresTwoReplicas: twoPolling,
      },
      fills: [oneWorker, twoWorkers],
    };
    const ok =
      [sqlitePolling, onePolling, twoPolling].every((p) => p.errors === 0) &&
      report.fills.every((f) => f.notReady === 0);
    const text = JSON.stringify({ ...report, ok }, null, 2);
    console.log(text);
    mkdirSync("bench-results", { recursive: true });
    writeFileSync("bench-results/proxy-scale.json", `${text}\n`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await Promise.all(running.map((p) => p.kill("SIGTERM")));
    await s3.close();
    postgres.stop();
  }
}
