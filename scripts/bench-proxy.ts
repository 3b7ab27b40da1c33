/**
 * `npm run bench:proxy`: a bounded load test of the proxy, on loopback only, that stops by
 * itself. It starts the real proxy (`src/server/main.ts`) in its own process, then
 *   1. 200 concurrent clients poll `GET /v1/get_result` for BENCH_SECONDS (30), each every
 *      BENCH_POLL_INTERVAL_MS (500, BFL's documented cadence; 0 = back to back): every answer
 *      must be a 200 with the job's status; p50/p99 latency and the proxy's memory are reported;
 *   2. 1,000 submits hit the local engine's bounded queue at once: each must be answered 200
 *      or 429, never 500 or a dropped connection.
 * Prints one JSON object (also written to bench-results/proxy.json); exits 1 on any error.
 * `-- --scale` measures the Postgres deployment instead (`bench-proxy-scale.ts`).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ResultResponse } from "../src/contract";
import { freePort, spawnProxy } from "../src/server/testing/proxy-process";
import { benchScale } from "./bench-proxy-scale";
import { percentile, round, rssMb, submit, testImages, waitReady } from "./bench-proxy-shared";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const POLLERS = Number(process.env.BENCH_POLLERS ?? 200);
const SUBMITS = Number(process.env.BENCH_SUBMITS ?? 1000);
/** Pause between one client's polls: BFL's documented cadence; 0 = back-to-back stress. */
const POLL_INTERVAL_MS = Number(process.env.BENCH_POLL_INTERVAL_MS ?? 500);
const LOCAL_QUEUE_MAX = 32;

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "fillpaint-bench-"));
  const proxy = await spawnProxy({
    PORT: String(await freePort()),
    DATA_DIR: dataDir,
    FILL_WORKERS: "1",
    LOCAL_QUEUE_MAX: String(LOCAL_QUEUE_MAX),
    // The limits under test here are the queue's; per-client limits would answer first.
    RATE_LIMIT_PER_MIN: "0",
    MAX_JOBS_PER_CLIENT: "100000",
    MAX_JOBS_IN_FLIGHT: "100000",
    LOG_LEVEL: "warn",
    BFL_API_KEY: "",
  });
  const pid = proxy.child.pid!;
  try {
    const { image, mask } = await testImages();
    const body = JSON.stringify({ image, mask, output_format: "png" });

    // Jobs to poll: finished ones, so every answer is a real table read with a result.
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await submit(proxy.url, body);
      if (answer.status !== 200 || !answer.id) throw new Error(`setup submit got ${answer.status}`);
      if ((await waitReady(proxy.url, answer.id)) !== "Ready") throw new Error("setup job failed");
      ids.push(answer.id);
    }

    // 1. Pollers.
    const rssBefore = rssMb(pid);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, rssMb(pid));
    }, 500);
    const latencies: number[] = [];
    const pollErrors: string[] = [];
    const stopAt = Date.now() + SECONDS * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: POLLERS }, async (_, client) => {
        while (Date.now() < stopAt) {
          const id = ids[client % ids.length];
          const t = performance.now();
          try {
            const response = await fetch(`${proxy.url}/v1/get_result?id=${id}`);
            const answer = (await response.json()) as ResultResponse;
            latencies.push(performance.now() - t);
            if (response.status !== 200 || answer.status !== "Ready") {
              pollErrors.push(`${response.status} ${answer.status}`);
            }
          } catch (error) {
            pollErrors.push(String(error));
          }
          if (POLL_INTERVAL_MS > 0) await new Promise((r) => setTimeout(r, POLL_INTERVAL_MS));
        }
      }),
    );
    const pollSeconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const rssAfterPolling = rssMb(pid);
    latencies.sort((a, b) => a - b);

    // 2. A burst of submits against the bounded local queue.
    const statuses: Record<string, number> = {};
    const accepted: string[] = [];
    const burstStarted = performance.now();
    await Promise.all(
      Array.from({ length: SUBMITS }, async () => {
        let key: string;
        try {
          const answer = await submit(proxy.url, body);
          key = String(answer.status);
          if (answer.status === 200 && answer.id) accepted.push(answer.id);
        } catch (error) {
          key = `error: ${error instanceof Error ? (error.cause ?? error.message) : error}`;
        }
        statuses[key] = (statuses[key] ?? 0) + 1;
      }),
    );
    const burstMs = performance.now() - burstStarted;
    const outcomes: Record<string, number> = {};
    for (const id of accepted) {
      const status = await waitReady(proxy.url, id);
      outcomes[status] = (outcomes[status] ?? 0) + 1;
    }
    const rssEnd = rssMb(pid);

    const onlyAllowed = Object.keys(statuses).every((s) => s === "200" || s === "429");
    const report = {
      when: new Date().toISOString(),
      node: process.version,
      polling: {
        clients: POLLERS,
        intervalMs: POLL_INTERVAL_MS,
        seconds: round(pollSeconds),
        requests: latencies.length,
        requestsPerSecond: Math.round(latencies.length / pollSeconds),
        errors: pollErrors.length,
        firstErrors: pollErrors.slice(0, 5),
        latencyMs: {
          p50: round(percentile(latencies, 50)),
          p90: round(percentile(latencies, 90)),
          p99: round(percentile(latencies, 99)),
          max: round(latencies.at(-1) ?? 0),
        },
      },
      memoryMb: {
        rssBeforePolling: rssBefore,
        rssPeakPolling: rssPeak,
        rssAfterPolling,
        rssEnd,
      },
      submitBurst: {
        submits: SUBMITS,
        localQueueMax: LOCAL_QUEUE_MAX,
        fillWorkers: 1,
        answeredMs: Math.round(burstMs),
        statuses,
        acceptedJobsOutcome: outcomes,
        onlyStatus200Or429: onlyAllowed,
      },
      ok:
        pollErrors.length === 0 && onlyAllowed && Object.keys(outcomes).every((s) => s === "Ready"),
    };
    const text = JSON.stringify(report, null, 2);
    console.log(text);
    mkdirSync("bench-results", { recursive: true });
    writeFileSync("bench-results/proxy.json", `${text}\n`);
    process.exitCode = report.ok ? 0 : 1;
  } finally {
    await proxy.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv.includes("--scale")) await benchScale();
else await main();
