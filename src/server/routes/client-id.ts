import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * Who is asking: the TCP peer, for the per-client caps and for who may cancel a job. Behind a
 * reverse proxy every client shares its address; see README.
 */
export function clientId(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}
