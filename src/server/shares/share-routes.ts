import { type Context, Hono } from "hono";
import type { z } from "zod";
import {
  feedbackCreateSchema,
  SHARE_OWNER_HEADER,
  SHARE_TOKEN_PATTERN,
  SHARES_ROUTE,
  shareCreateSchema,
} from "../../contract";
import { FieldError } from "../images/field-error";
import { bodyLimit } from "../limits/body-limit";
import type { RateLimiter } from "../limits/rate-limiter";
import { clientId } from "../routes/client-id";
import { validationError, zodDetail } from "../routes/validation";
import { ShareRefusal, type ShareService } from "./share-service";

export interface ShareRouteDeps {
  shares: ShareService;
  feedbackLimiter: RateLimiter;
  maxBodyBytes: number;
  /** PUBLIC_BASE_URL, or null to build links from the request's own origin. */
  publicBaseUrl: string | null;
}

const NOT_FOUND = "This review link does not exist, has expired or was revoked.";

/**
 * The designer's side (`/api/shares`: create, revoke, read feedback with the owner secret)
 * and the reviewer's (`/api/review/:token`: the snapshot, its images, feedback). Every miss
 * (unknown, expired, revoked, wrong secret) is the same 404.
 */
export function shareRoutes(deps: ShareRouteDeps) {
  const { shares } = deps;
  const noindex = async (c: Context, next: () => Promise<void>) => {
    await next();
    c.header("x-robots-tag", "noindex, nofollow");
  };
  return new Hono()
    .use(`${SHARES_ROUTE}/*`, noindex)
    .use("/api/review/*", noindex)
    .post(SHARES_ROUTE, bodyLimit(deps.maxBodyBytes), async (c) => {
      const body = await parse(c, shareCreateSchema);
      if (!body.success) return body.response;
      const base = deps.publicBaseUrl?.replace(/\/+$/, "") ?? new URL(c.req.url).origin;
      return respond(c, async () => c.json(await shares.create(body.data, clientId(c), base), 201));
    })
    .delete(`${SHARES_ROUTE}/:id`, (c) =>
      respond(c, async () => {
        await shares.revoke(c.req.param("id"), c.req.header(SHARE_OWNER_HEADER) ?? "");
        return c.body(null, 204);
      }),
    )
    .get(`${SHARES_ROUTE}/:id/feedback`, (c) =>
      respond(c, async () => {
        c.header("cache-control", "no-store");
        const secret = c.req.header(SHARE_OWNER_HEADER) ?? "";
        return c.json(await shares.ownerFeedback(c.req.param("id"), secret));
      }),
    )
    .get("/api/review/:token", (c) =>
      respond(c, async () => {
        const token = validToken(c.req.param("token"));
        c.header("cache-control", "no-store");
        return c.json(shares.view(await shares.open(token), token));
      }),
    )
    .get("/api/review/:token/images/:name", (c) =>
      respond(c, async () => {
        const found = await shares.image(validToken(c.req.param("token")), c.req.param("name"));
        return c.body(new Uint8Array(found.bytes), 200, {
          "content-type": found.contentType,
          // Short, so a revoked link's images stop showing soon even from caches.
          "cache-control": "private, max-age=60",
        });
      }),
    )
    .post("/api/review/:token/feedback", bodyLimit(16 * 1024), async (c) => {
      const wait = deps.feedbackLimiter.take(clientId(c));
      if (wait > 0) {
        return c.json({ detail: `Too much feedback at once; try again in ${wait} s.` }, 429, {
          "retry-after": String(wait),
        });
      }
      const body = await parse(c, feedbackCreateSchema);
      if (!body.success) return body.response;
      return respond(c, async () => {
        await shares.addFeedback(validToken(c.req.param("token")), body.data);
        return c.json({ ok: true }, 201);
      });
    });
}

/** A token that cannot be one is answered like an unknown one, without a lookup. */
function validToken(token: string): string {
  if (!SHARE_TOKEN_PATTERN.test(token)) throw new ShareRefusal(404, NOT_FOUND);
  return token;
}

async function parse<T extends z.ZodType>(
  c: Context,
  schema: T,
): Promise<{ success: true; data: z.output<T> } | { success: false; response: Response }> {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    return {
      success: false,
      response: validationError(c, [
        { loc: ["body"], msg: "body must be JSON", type: "json_invalid" },
      ]),
    };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    return { success: false, response: validationError(c, zodDetail(parsed.error, "body")) };
  return { success: true, data: parsed.data };
}

async function respond(c: Context, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ShareRefusal) return c.json({ detail: error.message }, error.status);
    if (error instanceof FieldError) return c.json(error.toBody(), 422);
    throw error;
  }
}
