import { cpus } from "node:os";
import { z } from "zod";

/** Everything the proxy reads from the environment, validated once at start-up. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default("127.0.0.1"),
  DATA_DIR: z.string().default("./data"),
  BFL_API_KEY: z.string().optional(),
  BFL_API_BASE: z.string().url().default("https://api.bfl.ai"),
  /** Comma-separated hosts (besides *.bfl.ai) whose polling/delivery URLs may be followed. */
  BFL_ALLOWED_HOSTS: z.string().default(""),
  FILL_WORKERS: z.coerce.number().int().min(1).max(64).default(Math.max(1, cpus().length)),
  MAX_BODY_MB: z.coerce.number().positive().default(64),
});

export interface ProxyConfig {
  port: number;
  host: string;
  dataDir: string;
  bfl: { apiKey: string; baseUrl: string; extraAllowedHosts: string[] } | null;
  fillWorkers: number;
  maxBodyBytes: number;
  staticDir?: string;
}

export function configFromEnv(env: NodeJS.ProcessEnv, staticDir?: string): ProxyConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`invalid configuration: ${problems.join("; ")}`);
  }
  const e = parsed.data;
  const apiKey = e.BFL_API_KEY?.trim();
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    bfl: apiKey
      ? {
          apiKey,
          baseUrl: e.BFL_API_BASE,
          extraAllowedHosts: e.BFL_ALLOWED_HOSTS.split(",")
            .map((h) => h.trim())
            .filter(Boolean),
        }
      : null,
    fillWorkers: e.FILL_WORKERS,
    maxBodyBytes: Math.round(e.MAX_BODY_MB * 1024 * 1024),
    staticDir,
  };
}
