import { cpus } from "node:os";
import type { DestinationStream } from "pino";
import { z } from "zod";
import { PROVIDER_IDS, type ProviderId } from "../contract";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const hostList = (value: string) =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

/** Everything the proxy reads from the environment, validated once at start-up. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default("127.0.0.1"),
  DATA_DIR: z.string().default("./data"),
  BFL_API_KEY: z.string().optional(),
  BFL_API_BASE: z.string().url().default("https://api.bfl.ai"),
  /** Comma-separated hosts (besides *.bfl.ai) whose polling/delivery URLs may be followed. */
  BFL_ALLOWED_HOSTS: z.string().default(""),
  APIFRAME_API_KEY: z.string().optional(),
  APIFRAME_API_BASE: z.string().url().default("https://api.apiframe.ai"),
  /** Comma-separated hosts (besides the API's) whose result URLs may be downloaded over http. */
  APIFRAME_ALLOWED_HOSTS: z.string().default(""),
  /** This proxy's address as the internet sees it; apiframe fetches uploaded inputs from it. */
  PUBLIC_BASE_URL: z.string().url().optional(),
  INPUT_URL_TTL_MINUTES: z.coerce.number().positive().default(60),
  /** Engine worker threads in this process; 0 (with DATABASE_URL) = this proxy only serves HTTP. */
  FILL_WORKERS: z.coerce.number().int().min(0).max(64).default(Math.max(1, cpus().length)),
  /** Postgres for jobs, input tokens and the shared fill queue; unset = SQLite under DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  /** The Postgres schema Fillpaint's tables live in (created when missing). */
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, "must be a lower-case SQL identifier")
    .default("public"),
  /**
   * How long a fill worker holds a queued fill before another worker may take it over: a worker
   * that dies mid-fill delays its job by this much. Longer than the slowest fill.
   */
  FILL_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(600),
  /**
   * How long a replica's hold on a BFL/apiframe job it follows lasts without renewal: a replica
   * that dies leaves its jobs to the others after at most this long.
   */
  UPSTREAM_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(30),
  /** How often a replica renews its holds and takes over upstream jobs whose hold ran out. */
  UPSTREAM_ADOPT_SECONDS: z.coerce.number().int().min(1).max(600).default(5),
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.enum(["true", "false", "1", "0"]).default("false"),
  /** The bucket is reachable from the internet: apiframe fetches inputs from presigned URLs. */
  S3_PRESIGN_INPUTS: z.enum(["true", "false", "1", "0"]).default("false"),
  MAX_BODY_MB: z.coerce.number().positive().default(64),
  RESULT_TTL_HOURS: z.coerce.number().positive().default(72),
  /** Submits per minute per client address; 0 turns the limit off (benchmarks). */
  RATE_LIMIT_PER_MIN: z.coerce.number().min(0).default(30),
  MAX_JOBS_PER_CLIENT: z.coerce.number().int().min(1).default(8),
  MAX_JOBS_IN_FLIGHT: z.coerce.number().int().min(1).default(64),
  /**
   * Local fills waiting for a worker before submits are answered 429; with DATABASE_URL, this
   * plus FILL_WORKERS bounds the local fills queued or running in the shared queue.
   */
  LOCAL_QUEUE_MAX: z.coerce.number().int().min(1).default(32),
  /** Comma-separated origins allowed to call the API from other sites; empty = same origin. */
  CORS_ORIGINS: z.string().default(""),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  /** How long a review link works. */
  SHARE_TTL_DAYS: z.coerce.number().positive().max(3650).default(30),
  /** Live review links per client address. */
  SHARE_MAX_PER_CLIENT: z.coerce.number().int().min(1).default(50),
  /** Megabytes of images in one client's live review links. */
  SHARE_MAX_MB_PER_CLIENT: z.coerce.number().positive().default(500),
  /** Reviewer comments per minute per client address; 0 turns the limit off. */
  FEEDBACK_PER_MIN: z.coerce.number().min(0).default(6),
  /** Provider used when a request names none; by default bfl when its key is set, else local. */
  DEFAULT_PROVIDER: z.enum(PROVIDER_IDS).optional(),
});

export interface S3Config {
  endpoint: string | undefined;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
  presignInputs: boolean;
}

export interface ProxyConfig {
  port: number;
  host: string;
  dataDir: string;
  bfl: { apiKey: string; baseUrl: string; extraAllowedHosts: string[] } | null;
  apiframe: {
    apiKey: string;
    baseUrl: string;
    extraAllowedHosts: string[];
    /** Null when PUBLIC_BASE_URL is unset: the provider then refuses jobs with a clear message. */
    publicBaseUrl: string | null;
  } | null;
  inputUrlTtlMs: number;
  fillWorkers: number;
  /** Postgres instead of SQLite; with it, local fills go through the shared fill queue. */
  database: { url: string; schema: string } | null;
  /** An S3-compatible bucket instead of files under the data directory. */
  s3: S3Config | null;
  fillLeaseSeconds: number;
  /** Holds on followed upstream jobs: length, and how often they are renewed and taken over. */
  upstreamLeases: { leaseMs: number; checkEveryMs: number };
  maxBodyBytes: number;
  resultTtlMs: number;
  rateLimitPerMinute: number;
  maxJobsPerClient: number;
  maxJobsInFlight: number;
  localQueueMax: number;
  corsOrigins: string[];
  /** Used for review links' absolute URLs (and apiframe's inputs); null: the request's origin. */
  publicBaseUrl: string | null;
  shares: {
    ttlMs: number;
    maxPerClient: number;
    maxBytesPerClient: number;
    feedbackPerMinute: number;
  };
  /** The proxy's clock for share expiry; tests move it forward. */
  now?: () => number;
  logLevel: LogLevel;
  defaultProvider?: ProviderId;
  /** Where log lines go; stdout unless a test captures them. */
  logDestination?: DestinationStream;
  staticDir?: string;
}

export function configFromEnv(env: NodeJS.ProcessEnv, staticDir?: string): ProxyConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`invalid configuration: ${problems.join("; ")}`);
  }
  const e = parsed.data;
  const problems = crossFieldProblems(e);
  if (problems.length > 0) throw new Error(`invalid configuration: ${problems.join("; ")}`);
  const bflKey = e.BFL_API_KEY?.trim();
  const apiframeKey = e.APIFRAME_API_KEY?.trim();
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    bfl: bflKey
      ? {
          apiKey: bflKey,
          baseUrl: e.BFL_API_BASE,
          extraAllowedHosts: hostList(e.BFL_ALLOWED_HOSTS),
        }
      : null,
    apiframe: apiframeKey
      ? {
          apiKey: apiframeKey,
          baseUrl: e.APIFRAME_API_BASE,
          extraAllowedHosts: hostList(e.APIFRAME_ALLOWED_HOSTS),
          publicBaseUrl: e.PUBLIC_BASE_URL ?? null,
        }
      : null,
    inputUrlTtlMs: e.INPUT_URL_TTL_MINUTES * 60_000,
    fillWorkers: e.FILL_WORKERS,
    database: e.DATABASE_URL ? { url: e.DATABASE_URL, schema: e.DATABASE_SCHEMA } : null,
    s3:
      e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? {
            endpoint: e.S3_ENDPOINT,
            bucket: e.S3_BUCKET,
            region: e.S3_REGION,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
            forcePathStyle: isTrue(e.S3_FORCE_PATH_STYLE),
            presignInputs: isTrue(e.S3_PRESIGN_INPUTS),
          }
        : null,
    fillLeaseSeconds: e.FILL_LEASE_SECONDS,
    upstreamLeases: {
      leaseMs: e.UPSTREAM_LEASE_SECONDS * 1000,
      checkEveryMs: e.UPSTREAM_ADOPT_SECONDS * 1000,
    },
    maxBodyBytes: Math.round(e.MAX_BODY_MB * 1024 * 1024),
    resultTtlMs: Math.round(e.RESULT_TTL_HOURS * 3_600_000),
    rateLimitPerMinute: e.RATE_LIMIT_PER_MIN,
    maxJobsPerClient: e.MAX_JOBS_PER_CLIENT,
    maxJobsInFlight: e.MAX_JOBS_IN_FLIGHT,
    localQueueMax: e.LOCAL_QUEUE_MAX,
    corsOrigins: hostList(e.CORS_ORIGINS),
    publicBaseUrl: e.PUBLIC_BASE_URL ?? null,
    shares: {
      ttlMs: Math.round(e.SHARE_TTL_DAYS * 86_400_000),
      maxPerClient: e.SHARE_MAX_PER_CLIENT,
      maxBytesPerClient: Math.round(e.SHARE_MAX_MB_PER_CLIENT * 1024 * 1024),
      feedbackPerMinute: e.FEEDBACK_PER_MIN,
    },
    logLevel: e.LOG_LEVEL,
    defaultProvider: e.DEFAULT_PROVIDER,
    staticDir,
  };
}

const isTrue = (flag: string) => flag === "true" || flag === "1";

/** Settings that are valid alone but not together, named so the operator knows what to fix. */
function crossFieldProblems(e: z.infer<typeof envSchema>): string[] {
  const problems: string[] = [];
  if (e.FILL_WORKERS === 0 && !e.DATABASE_URL) {
    problems.push(
      "FILL_WORKERS=0 needs DATABASE_URL: without the shared fill queue no process would run local fills",
    );
  }
  const s3 = {
    S3_BUCKET: e.S3_BUCKET,
    S3_ACCESS_KEY_ID: e.S3_ACCESS_KEY_ID,
    S3_SECRET_ACCESS_KEY: e.S3_SECRET_ACCESS_KEY,
  };
  const missing = Object.entries(s3).filter(([, value]) => !value);
  if (missing.length > 0 && (missing.length < 3 || e.S3_ENDPOINT)) {
    problems.push(`S3 storage needs ${missing.map(([name]) => name).join(", ")} as well`);
  }
  if (e.UPSTREAM_ADOPT_SECONDS * 2 > e.UPSTREAM_LEASE_SECONDS) {
    problems.push(
      "UPSTREAM_ADOPT_SECONDS must be at most half of UPSTREAM_LEASE_SECONDS: a live replica's holds would run out between renewals",
    );
  }
  if (isTrue(e.S3_PRESIGN_INPUTS) && !e.S3_BUCKET) {
    problems.push("S3_PRESIGN_INPUTS needs S3 storage (S3_BUCKET and its keys)");
  }
  return problems;
}
