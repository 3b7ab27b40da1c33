import type { Context } from "hono";
import type { z } from "zod";
import type { ValidationError } from "../../contract";

/** BFL answers bad requests with FastAPI's 422 shape; so do we, so BFL clients parse it. */
export function validationError(c: Context, detail: ValidationError["detail"]) {
  return c.json({ detail } satisfies ValidationError, 422);
}

export function zodDetail(error: z.ZodError, root: string): ValidationError["detail"] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map((part) => (typeof part === "symbol" ? String(part) : part));
    // One entry per unknown field, named like FastAPI's `extra_forbidden`, so clients see which.
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        loc: [root, ...path, key],
        msg: `unknown field "${key}"`,
        type: "extra_forbidden",
      }));
    }
    return [{ loc: [root, ...path], msg: issue.message, type: issue.code }];
  });
}
