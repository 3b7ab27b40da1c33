import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ProxyConfig } from "../config";

/** Collects the proxy's log lines so tests can read them (and check they hold no secret). */
export function logCollector() {
  const lines: string[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(line) } };
}

/** A proxy on a free loopback port with its own data directory; limits are off unless set. */
export function testConfig(overrides: Partial<ProxyConfig> = {}): ProxyConfig {
  return {
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
