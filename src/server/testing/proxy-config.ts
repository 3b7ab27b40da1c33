import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ProxyConfig } from "../config";

/** Collects the proxy's log lines so tests can read them (and check they hold no secret). */
export function logCollector() {
  const lines: string[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(line) } };
}

/**
 * The storage the proxy tests run on: SQLite and files by default; Postgres when the test run
 * sets FILLPAINT_TEST_STORAGE=postgres (vitest's "postgres" project, which `npm test` runs
 * against the throw-away cluster in TEST_DATABASE_URL). Each call gets a schema of its own, so
 * tests never see each other's jobs.
 */
export function testStorage(): Pick<ProxyConfig, "database" | "s3"> {
  if (process.env.FILLPAINT_TEST_STORAGE !== "postgres") return { database: null, s3: null };
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("FILLPAINT_TEST_STORAGE=postgres needs TEST_DATABASE_URL");
  return { database: { url, schema: `t_${randomBytes(6).toString("hex")}` }, s3: null };
}

/** A proxy on a free loopback port with its own data directory; limits are off unless set. */
export function testConfig(overrides: Partial<ProxyConfig> = {}): ProxyConfig {
  return {
    ...testStorage(),
    fillLeaseSeconds: 600,
    upstreamLeases: { leaseMs: 30_000, checkEveryMs: 5_000 },
    port: 0,
    host: "127.0.0.1",
    dataDir: mkdtempSync(join(tmpdir(), "fillpaint-test-")),
    bfl: null,
    apiframe: null,
    inputUrlTtlMs: 60 * 60_000,
    fillWorkers: 1,
    maxBodyBytes: 64 * 1024 * 1024,
    resultTtlMs: 72 * 3_600_000,
    rateLimitPerMinute: 0,
    maxJobsPerClient: 1000,
    maxJobsInFlight: 1000,
    localQueueMax: 64,
    corsOrigins: [],
    publicBaseUrl: null,
    shares: {
      ttlMs: 30 * 86_400_000,
      maxPerClient: 1000,
      maxBytesPerClient: 1024 * 1024 * 1024,
      feedbackPerMinute: 0,
    },
    logLevel: "info",
    logDestination: logCollector().stream,
    ...overrides,
  };
}
