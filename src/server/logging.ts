import pino, { type DestinationStream, type Logger } from "pino";
import type { LogLevel } from "./config";

export type { Logger };

export interface LoggerOptions {
  level: LogLevel;
  /** Values that must never reach a log line (API keys); replaced wherever they appear. */
  secrets: string[];
  /** Defaults to stdout; tests pass a stream to capture lines. */
  destination?: DestinationStream;
}

/**
 * JSON lines via pino. Call sites never log headers, bodies or image data; the secret filter is
 * the net under that rule, so a key that slips into an error message is still not written.
 */
export function createLogger(options: LoggerOptions): Logger {
  const secrets = options.secrets.filter((secret) => secret.length > 0);
  return pino(
    {
      level: options.level,
      base: undefined,
      hooks: {
        streamWrite: (line) =>
          secrets.reduce((text, secret) => text.replaceAll(secret, "[redacted]"), line),
      },
    },
    options.destination ?? pino.destination(1),
  );
}
