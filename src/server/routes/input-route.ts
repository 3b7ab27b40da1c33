import { Hono } from "hono";
import type { InputStore } from "../jobs/input-store";

/**
 * `GET /v1/inputs/<name>`: uploaded images an upstream (apiframe) fetches by URL. The name is
 * a 256-bit random token with an expiry; anything else, or an expired name, is a 404.
 */
export function inputRoute(inputs: InputStore) {
  return new Hono().get("/v1/inputs/:name", async (c) => {
    const found = await inputs.read(c.req.param("name"));
    if (!found) return c.json({ detail: "Not Found" }, 404);
    return c.body(new Uint8Array(found.bytes), 200, {
      "content-type": found.contentType,
      "cache-control": "private, no-store",
    });
  });
}
