import { Hono } from "hono";
import {
  CANCEL_JOB_ROUTE,
  CANCELLED_STATUS,
  type CancelRefusal,
  type ResultResponse,
} from "../../contract";
import type { JobService } from "../jobs/job-service";
import { clientId } from "./client-id";
import { toResultResponse } from "./result-route";

/**
 * `DELETE /v1/jobs/:id`, a Fillpaint extension: BFL documents no way to cancel a task. A pending
 * job ends as `Cancelled` (then `get_result` says so); anything else is refused with a reason
 * and left as it was, so a finished result stays downloadable.
 */
export function cancelRoute(jobs: JobService) {
  return new Hono().delete(CANCEL_JOB_ROUTE, async (c) => {
    const id = c.req.param("id");
    const done = await jobs.cancel(id, clientId(c));
    switch (done.outcome) {
      case "cancelled":
        return c.json(
          toResultResponse(done.record, new URL(c.req.url).origin) satisfies ResultResponse,
        );
      case "not-found":
        return c.json(
          { detail: `Task not found: no job with id ${id}.` } satisfies CancelRefusal,
          404,
        );
      case "not-yours":
        return c.json(
          {
            detail: "This job was submitted by another client; only it may cancel the job.",
          } satisfies CancelRefusal,
          403,
        );
      case "finished":
        return c.json(
          {
            detail:
              done.record.status === CANCELLED_STATUS
                ? "The job was already cancelled."
                : `The job already finished (${done.record.status}); there is nothing to cancel.`,
            status: done.record.status,
          } satisfies CancelRefusal,
          409,
        );
    }
  });
}
