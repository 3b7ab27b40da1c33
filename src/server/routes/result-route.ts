import { Hono } from "hono";
import type { ResultResponse } from "../../contract";
import type { JobService } from "../jobs/job-service";
import type { ResultStore } from "../jobs/result-store";
import type { JobRecord } from "../storage/job-repository";
import { validationError } from "./validation";

/** `GET /v1/get_result` in BFL's shape, and the stored images its `sample` URLs point to. */
export function resultRoute(jobs: JobService, results: ResultStore) {
  return new Hono()
    .get("/v1/get_result", async (c) => {
      const id = c.req.query("id");
      if (!id) {
        return validationError(c, [
          { loc: ["query", "id"], msg: "id is required", type: "missing" },
        ]);
      }
      const record = await jobs.get(id);
      const origin = new URL(c.req.url).origin;
      // Clients poll this; a cached answer would freeze their progress bar.
      c.header("cache-control", "no-store");
      return c.json(record ? toResultResponse(record, origin) : notFound(id));
    })
    .get("/v1/results/:name", async (c) => {
      const found = await results.read(c.req.param("name"));
      if (!found) return c.json({ detail: "Not Found" }, 404);
      return c.body(new Uint8Array(found.bytes), 200, {
        "content-type": found.contentType,
        "cache-control": "private, max-age=31536000, immutable",
      });
    });
}

export function toResultResponse(record: JobRecord, origin: string): ResultResponse {
  const ready = record.status === "Ready" && record.resultName !== null;
  return {
    id: record.id,
    status: record.status,
    result: ready
      ? {
          sample: `${origin}/v1/results/${record.resultName}`,
          prompt: record.prompt,
          seed: record.seed,
          start_time: record.startTime / 1000,
          end_time: record.endTime === null ? null : record.endTime / 1000,
          duration: record.endTime === null ? null : (record.endTime - record.startTime) / 1000,
        }
      : null,
    progress: record.progress,
    details: record.details,
    preview: null,
  };
}

function notFound(id: string): ResultResponse {
  return {
    id,
    status: "Task not found",
    result: null,
    progress: null,
    details: null,
    preview: null,
  };
}
